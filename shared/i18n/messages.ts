/**
 * Strings shared by both gadgets (state panels, score chips, error messages). Each error message says
 * which hop failed and what the agent can do; none contains the technical detail (that is in diagnostics).
 * Locales: the same as the gadgets' own catalogues (en, de), so an agent never gets a half-translated gadget.
 */
import type { AppError, ErrorCode } from '../errors.js';
import { defineMessages } from './catalogue.js';

const en = {
  retry: 'Retry',
  copyDiagnostics: 'Copy diagnostics',
  copied: 'Diagnostics copied',
  copyBlocked: 'Copying was blocked by the browser. Select the text below and copy it with Ctrl+C.',
  loading: 'Loading…',
  noResponses: 'No responses',
  lowSample: 'Low sample',
  lowSampleHint: 'Only {n, plural, one {# response} other {# responses}}; fewer than {min}, so treat this with care.',
  more: 'More',
  less: 'Less',
  errorHeading: 'Feedback unavailable',
  'score.label': '{metric} {value} of {max}',
  'score.nps.good': 'promoter',
  'score.nps.neutral': 'passive',
  'score.nps.bad': 'detractor',
  'score.csat.good': 'satisfied',
  'score.csat.neutral': 'neutral',
  'score.csat.bad': 'dissatisfied',
  'score.ces.good': 'easy',
  'score.ces.neutral': 'neutral',
  'score.ces.bad': 'difficult',
  'err.finesse-auth':
    'Feedback is unavailable: Finesse refused to hand out a Cloud Connect token for your sign-in. Your calls are not affected. Sign out and in again; if this persists, tell your administrator.',
  'err.cloudconnect-down':
    'Feedback is unavailable: Cloud Connect is not reachable from Finesse. Your calls are not affected. Retrying in the background.',
  'err.token-malformed':
    'Feedback is unavailable: Cloud Connect answered without a usable token. Your calls are not affected. Retry in a moment; if this persists, tell your administrator.',
  'err.wxm-auth':
    'Feedback is unavailable: Experience Management rejected the Cloud Connect token. Your calls are not affected. Retry; if this persists, tell your administrator.',
  'err.wxm-rate-limited':
    'Experience Management is busy (too many requests). Your calls are not affected. Wait a minute, then retry.',
  'err.wxm-server':
    'Experience Management had a server error. Your calls are not affected. Retry in a moment.',
  'err.wxm-bad-response':
    'Experience Management sent an answer the gadget cannot read. Retry; if this persists, copy the diagnostics for your administrator.',
  'err.network':
    'The feedback service cannot be reached from your browser (network down or request blocked). Your calls are not affected. Check your connection, then retry.',
  'err.timeout': 'The feedback service took too long to answer. Your calls are not affected. Retry in a moment.',
  'err.config-invalid':
    'This gadget is not set up correctly. Copy the diagnostics and send them to your administrator.',
  'err.no-caller-id':
    'No caller number for this call (withheld or unknown). Search by phone, email or customer id instead.',
  'err.write-refused': 'Experience Management does not let this sign-in add notes. Reading feedback is not affected.',
  'err.write-unconfirmed':
    'The note may not have been saved: Experience Management did not confirm it. Check the response for the note before trying again.',
  'err.unexpected':
    'Something went wrong in the gadget. Your calls are not affected. Retry; if this persists, copy the diagnostics for your administrator.',
} satisfies Record<string, string> & Record<`err.${ErrorCode}`, string>;

export type SharedKey = keyof typeof en;

export const shared = defineMessages<SharedKey>({
  en,
  de: {
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
  },
});

/** The human message for an error: which hop failed and what the agent can do. */
export const errorMessage = (e: Pick<AppError, 'code'>): string => shared.t(`err.${e.code}`);
