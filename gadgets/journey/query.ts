/**
 * The WxM filter for one caller's journey (docs/wxm-api.md, "Customer journey lookup"): every identifier of the
 * caller, the configured questionnaires, the period and the channel. Pure: no DOM, no network.
 */
import { phoneVariants } from '../../shared/finesse/phone.js';
import type { CallerId, CallerIdKind } from '../../shared/finesse/types.js';
import type { TagMap } from '../../shared/wxm/api.js';
import type { Answer, FilterBy } from '../../shared/wxm/types.js';

export type Period = '30d' | '90d' | '1y' | 'all';
export type Channel = 'voice' | 'email' | 'sms' | 'web';
export type ChannelFilter = Channel | 'all';

export const PERIODS: readonly Period[] = ['30d', '90d', '1y', 'all'];
export const CHANNELS: readonly ChannelFilter[] = ['all', 'voice', 'email', 'sms', 'web'];
/** First page small so it is fast; "load more" fetches the next ones. Never unbounded. */
export const PAGE_SIZE = 20;

export interface JourneyFilters {
  period: Period;
  channel: ChannelFilter;
}

export const DEFAULT_FILTERS: JourneyFilters = { period: 'all', channel: 'all' };

/**
 * FilterBy.channel matches one surveyClient value exactly; "web" is WxM's web survey client. (In-app clients such
 * as "InApp-Droid" still show as web in the unfiltered timeline; the server cannot OR channels in one filter.)
 */
const CHANNEL_CLIENT: Record<Channel, string> = { voice: 'voice', email: 'email', sms: 'sms', web: 'JS-MicroWeb' };

const PERIOD_DAYS: Record<Period, number | undefined> = { '30d': 30, '90d': 90, '1y': 365, all: undefined };
const DAY_MS = 86_400_000;

/** The tag-map question ids that can hold each kind of caller id (ANI is a phone number: Mobile). */
function questionIdsFor(kind: CallerIdKind, tagMap: TagMap): string[] {
  switch (kind) {
    case 'customerId':
      return tagMap.identity.customerId;
    case 'mobile':
    case 'ani':
      return tagMap.identity.mobile;
    case 'email':
      return tagMap.identity.email;
  }
}

/** The accepted values of one caller id: a phone number in each form surveys store it in (phone.ts), else itself. */
export function acceptedValues(caller: CallerId): string[] {
  return caller.kind === 'mobile' || caller.kind === 'ani' ? phoneVariants(caller.value) : [caller.value];
}

/**
 * The FilterBy for a caller, or null when the tenant has no identity question for any of the caller's ids.
 * Every identifier is searched at once: surveys from different channels carry different ones (an email survey
 * rarely has cc_CustomerId, an SMS one only the Mobile). One filterquestion per identity question, with every
 * accepted value of the caller's ids of that kind (POD.ID mobile and ANI share the Mobile questions), all in one
 * OR group: WxM returns each matching answer once, newest first across the pages of the merged stream.
 */
export function buildFilter(
  callerIds: readonly CallerId[],
  tagMap: TagMap,
  options: { questionnaires: readonly string[]; filters: JourneyFilters; now: Date },
): FilterBy | null {
  const values = new Map<string, Set<string>>();
  for (const caller of callerIds) {
    if (!caller.value) continue;
    for (const id of questionIdsFor(caller.kind, tagMap)) {
      const accepted = values.get(id) ?? new Set<string>();
      for (const v of acceptedValues(caller)) accepted.add(v);
      values.set(id, accepted);
    }
  }
  if (!values.size) return null;
  const many = values.size > 1;
  const filter: FilterBy = {
    filterquestions: [...values].map(([questionId, accepted]) => ({
      questionId,
      answerCheck: [...accepted],
      ...(many ? { groupBy: 'OR' as const } : {}),
    })),
  };
  if (options.questionnaires.length) filter.location = [...options.questionnaires];
  const days = PERIOD_DAYS[options.filters.period];
  if (days !== undefined) filter.afterdate = new Date(options.now.getTime() - days * DAY_MS).toISOString();
  if (options.filters.channel !== 'all') filter.channel = CHANNEL_CLIENT[options.filters.channel];
  return filter;
}

/** Which of the four channels a survey came in on (surveyClient is free-form: "voice", "JS-MicroWeb", "InApp-Droid"...). */
export function channelOf(surveyClient: string): Channel {
  const c = surveyClient.toLowerCase();
  if (/voice|ivr|call|phone|cvp/.test(c)) return 'voice';
  if (/mail/.test(c)) return 'email';
  if (/sms|text|whatsapp/.test(c)) return 'sms';
  return 'web';
}

const time = (a: Answer): number => {
  const t = Date.parse(a.responseDateTime);
  return Number.isNaN(t) ? 0 : t;
};

/** Newest first (the server's order is not documented); stable for equal times. */
export function newestFirst(answers: readonly Answer[]): Answer[] {
  return answers
    .map((a, i) => ({ a, i, t: time(a) }))
    .sort((x, y) => y.t - x.t || x.i - y.i)
    .map((x) => x.a);
}

/** Merges a new page into what is loaded: no duplicates (pages can shift when new surveys arrive), newest first. */
export function mergePage(loaded: readonly Answer[], page: readonly Answer[]): Answer[] {
  const seen = new Set(loaded.map((a) => a.id));
  return newestFirst([...loaded, ...page.filter((a) => !seen.has(a.id))]);
}
