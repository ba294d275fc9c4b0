/**
 * German texts of the shared catalogues (messages.ts, note-messages.ts, ../root-messages.ts). Not in the gadget
 * scripts: each gadget's German file (messages.de.ts) carries them, loaded only for a German locale (translations.ts).
 * A table leaves out what reads the same as in English (the lookup falls back to en).
 */
import type { RootKey } from '../root-messages.js';
import type { SharedKey } from './messages.js';
import type { NoteKey } from './note-messages.js';
import type { NoteEditorKey } from './note-editor-messages.js';

export const sharedDe: Partial<Record<SharedKey, string>> = {
  retry: 'Erneut versuchen',
  copyDiagnostics: 'Diagnose kopieren',
  copied: 'Diagnose kopiert',
  copyBlocked: 'Der Browser hat das Kopieren blockiert. Markieren Sie den Text unten und kopieren Sie ihn mit Strg+C.',
  loading: 'Wird geladen…',
  noResponses: 'Keine Antworten',
  lowSample: 'Kleine Stichprobe',
  lowSampleHint: 'Nur {n, plural, one {# Antwort} other {# Antworten}}; weniger als {min}, daher mit Vorsicht lesen.',
  more: 'Mehr',
  less: 'Weniger',
  errorHeading: 'Feedback nicht verfügbar',
  'score.label': '{metric} {value} von {max}',
  'score.nps.good': 'Promoter',
  'score.nps.neutral': 'Passiver',
  'score.nps.bad': 'Kritiker',
  'score.csat.good': 'zufrieden',
  'score.csat.neutral': 'neutral',
  'score.csat.bad': 'unzufrieden',
  'score.ces.good': 'einfach',
  'score.ces.neutral': 'neutral',
  'score.ces.bad': 'schwierig',
  'err.finesse-auth':
    'Feedback nicht verfügbar: Finesse hat für Ihre Anmeldung kein Cloud-Connect-Token ausgegeben. Ihre Anrufe sind nicht betroffen. Melden Sie sich ab und wieder an; falls es bleibt, informieren Sie Ihre Administration.',
  'err.cloudconnect-down':
    'Feedback nicht verfügbar: Cloud Connect ist von Finesse aus nicht erreichbar. Ihre Anrufe sind nicht betroffen. Neuer Versuch im Hintergrund.',
  'err.token-malformed':
    'Feedback nicht verfügbar: Cloud Connect hat kein brauchbares Token geliefert. Ihre Anrufe sind nicht betroffen. Versuchen Sie es gleich noch einmal; falls es bleibt, informieren Sie Ihre Administration.',
  'err.wxm-auth':
    'Feedback nicht verfügbar: Experience Management hat das Cloud-Connect-Token abgelehnt. Ihre Anrufe sind nicht betroffen. Versuchen Sie es erneut; falls es bleibt, informieren Sie Ihre Administration.',
  'err.wxm-rate-limited':
    'Experience Management ist ausgelastet (zu viele Anfragen). Ihre Anrufe sind nicht betroffen. Warten Sie eine Minute und versuchen Sie es dann erneut.',
  'err.wxm-server':
    'Experience Management hatte einen Serverfehler. Ihre Anrufe sind nicht betroffen. Versuchen Sie es gleich noch einmal.',
  'err.wxm-bad-response':
    'Experience Management hat eine unlesbare Antwort geschickt. Versuchen Sie es erneut; falls es bleibt, kopieren Sie die Diagnose für Ihre Administration.',
  'err.network':
    'Der Feedback-Dienst ist von Ihrem Browser aus nicht erreichbar (Netzwerk getrennt oder Anfrage blockiert). Ihre Anrufe sind nicht betroffen. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  'err.timeout':
    'Der Feedback-Dienst hat zu lange gebraucht. Ihre Anrufe sind nicht betroffen. Versuchen Sie es gleich noch einmal.',
  'err.config-invalid':
    'Dieses Gadget ist nicht richtig eingerichtet. Kopieren Sie die Diagnose und senden Sie sie an Ihre Administration.',
  'err.no-caller-id':
    'Für diesen Anruf gibt es keine Rufnummer (unterdrückt oder unbekannt). Suchen Sie stattdessen nach Telefon, E-Mail oder Kundennummer.',
  'err.write-refused': 'Experience Management erlaubt dieser Anmeldung keine Notizen. Das Lesen von Feedback ist nicht betroffen.',
  'err.write-unconfirmed':
    'Die Notiz wurde möglicherweise nicht gespeichert: Experience Management hat sie nicht bestätigt. Prüfen Sie die Antwort auf die Notiz, bevor Sie es erneut versuchen.',
  'err.unexpected':
    'Im Gadget ist ein Fehler aufgetreten. Ihre Anrufe sind nicht betroffen. Versuchen Sie es erneut; falls es bleibt, kopieren Sie die Diagnose für Ihre Administration.',
};

export const rootDe: Partial<Record<RootKey, string>> = {
  'boot.failed': 'Das Gadget konnte nicht starten.',
  'config.heading': 'Dieses Gadget ist nicht richtig eingerichtet',
};

export const notesDe: Partial<Record<NoteKey | NoteEditorKey, string>> = {
  'note.heading': 'Notizen',
  'note.add': 'Notiz hinzufügen',
  'note.opening': 'Der Notizeditor wird geöffnet…',
  'note.editorFailed': 'Der Notizeditor konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
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
};
