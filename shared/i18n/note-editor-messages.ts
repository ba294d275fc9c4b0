/**
 * Strings of the note editor (the text area, Save/Cancel, validation), filed under the same `notes` name as
 * note-messages.ts: the editor is a part loaded on demand (gadgets/journey/note-editor.ts), so its English
 * travels with it while the locale files carry every locale's texts for both.
 */
import { defineMessages } from './catalogue.js';

const en = {
  'note.field': 'Note',
  'note.hint': 'Saved with the response in Experience Management. At most {max} characters.',
  'note.count': '{n} of {max} characters',
  'note.tooLong': 'This note is {n} characters long; at most {max} fit.',
  'note.empty': 'Write the note first.',
  'note.save': 'Save note',
  'note.saving': 'Saving…',
  'note.cancel': 'Cancel',
} satisfies Record<string, string>;

export type NoteEditorKey = keyof typeof en;

export const noteEditorMsg = defineMessages<NoteEditorKey>('notes', en);
