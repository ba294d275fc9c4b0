/** Strings of the notes of a response and their "Add note" action (journey entries, the analytics follow-up list). */
import { defineMessages } from './catalogue.js';

const en = {
  'note.heading': 'Notes',
  'note.add': 'Add note',
  'note.opening': 'Opening the note editor…',
  'note.editorFailed': 'The note editor could not load. Check the connection and try again.',
  'note.saved': 'Note saved.',
  'note.savedUnread': 'Note saved. It shows here after the next refresh.',
  'note.by': '{author}, {time}',
  'note.unknownAuthor': 'Unknown author',
} satisfies Record<string, string>;

export type NoteKey = keyof typeof en;

export const notesMsg = defineMessages<NoteKey>('notes', en);
