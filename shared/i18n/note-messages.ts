/** Strings of the note form (journey entries and the analytics follow-up list). */
import { defineMessages } from './catalogue.js';

const en = {
  'note.heading': 'Notes',
  'note.add': 'Add note',
  'note.field': 'Note',
  'note.hint': 'Saved with the response in Experience Management. At most {max} characters.',
  'note.count': '{n} of {max} characters',
  'note.tooLong': 'This note is {n} characters long; at most {max} fit.',
  'note.empty': 'Write the note first.',
  'note.save': 'Save note',
  'note.saving': 'Saving…',
  'note.cancel': 'Cancel',
  'note.saved': 'Note saved.',
  'note.savedUnread': 'Note saved. It shows here after the next refresh.',
  'note.by': '{author}, {time}',
  'note.unknownAuthor': 'Unknown author',
} satisfies Record<string, string>;

export type NoteKey = keyof typeof en;

export const notesMsg = defineMessages<NoteKey>('notes', en);
