/**
 * Strings shared by both gadgets (state panels, score chips, error messages). Each error message says
 * which hop failed and what the agent can do; none contains the technical detail (that is in diagnostics).
 * Locales: English here; German in de.ts, shipped in each gadget's German file, so an agent never gets a half-translated gadget.
 */
import type { AppError, ErrorCode } from '../errors.js';
import { defineMessages } from './catalogue.js';

const en = {
  retry: 'Retry',
  copyDiagnostics: 'Copy diagnostics',
  copied: 'Diagnostics copied',
  copyBlocked: 'The browser blocked copying. Select the text below and press Ctrl+C.',
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
    'Finesse refused a Cloud Connect token for your sign-in. Your calls are not affected. Sign out and in again; if this persists, tell your administrator.',
  'err.cloudconnect-down':
    'Cloud Connect is not reachable from Finesse. Your calls are not affected. Retrying in the background.',
  'err.token-malformed':
    'Cloud Connect sent no usable token. Your calls are not affected. Retry in a moment; if this persists, tell your administrator.',
  'err.wxm-auth':
    'Experience Management rejected the Cloud Connect token. Your calls are not affected. Retry; if this persists, tell your administrator.',
  'err.wxm-rate-limited':
    'Experience Management is busy (too many requests). Your calls are not affected. Wait a minute, then retry.',
  'err.wxm-server':
    'Experience Management had a server error. Your calls are not affected. Retry in a moment.',
  'err.wxm-bad-response':
    'Experience Management sent an answer the gadget cannot read. Retry; if this persists, copy the diagnostics for your administrator.',
  'err.network':
    'The feedback service is out of reach (network down or request blocked). Your calls are not affected. Check your connection, then retry.',
  'err.timeout': 'The feedback service took too long to answer. Your calls are not affected. Retry in a moment.',
  'err.config-invalid':
    'This gadget is not set up correctly. Copy the diagnostics and send them to your administrator.',
  'err.no-caller-id':
    'No caller number (withheld or unknown). Search by phone, email or customer id instead.',
  'err.write-refused': 'Experience Management does not let this sign-in add notes. Reading feedback is not affected.',
  'err.write-unconfirmed':
    'The note may not have been saved: Experience Management did not confirm it. Check the response for the note before trying again.',
  'err.unexpected':
    'Something went wrong in the gadget. Your calls are not affected. Retry; if this persists, copy the diagnostics for your administrator.',
} satisfies Record<string, string> & Record<`err.${ErrorCode}`, string>;

export type SharedKey = keyof typeof en;

export const shared = defineMessages<SharedKey>('shared', en);

/** The human message for an error: which hop failed and what the agent can do. */
export const errorMessage = (e: Pick<AppError, 'code'>): string => shared.t(`err.${e.code}`);
