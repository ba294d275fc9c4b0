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

export const notesMsg = defineMessages<NoteKey>({
  en,
  de: {
    'note.heading': 'Notizen',
    'note.add': 'Notiz hinzufügen',
    'note.field': 'Notiz',
    'note.hint': 'Wird mit der Antwort in Experience Management gespeichert. Höchstens {max} Zeichen.',
    'note.count': '{n} von {max} Zeichen',
    'note.tooLong': 'Diese Notiz ist {n} Zeichen lang; höchstens {max} passen.',
    'note.empty': 'Schreiben Sie zuerst die Notiz.',
    'note.save': 'Notiz speichern',
    'note.saving': 'Wird gespeichert…',
    'note.cancel': 'Abbrechen',
    'note.saved': 'Notiz gespeichert.',
    'note.savedUnread': 'Notiz gespeichert. Sie erscheint hier nach der nächsten Aktualisierung.',
    'note.by': '{author}, {time}',
    'note.unknownAuthor': 'Unbekannter Verfasser',
  },
});
