/**
 * Helpers for the analytics tests against the emulator: make the test page a gadget iframe of a given user,
 * read raw answers straight from WxM, and compute the metrics from them with docs/metrics.md's arithmetic written
 * out here (independently of shared/metrics).
 */
import { testEnv } from '../helpers/env.js';
import type { Answer, FilterBy, Question } from '../../shared/wxm/types.js';

export { loadScript } from '../helpers/load-script.js';
import { loadScript } from '../helpers/load-script.js';

/** Turns this page into `user`'s analytics gadget with the given gadget URL parameters. */
export async function becomeGadget(user: string, params: Record<string, string>): Promise<void> {
  const { wxmUrl } = await testEnv();
  const q = new URLSearchParams({ wxmBaseUrl: wxmUrl, refreshSeconds: '0', ...params });
  const gadgetUrl = `${location.origin}/3rdpartygadget/files/cx/analytics.xml?${q}`;
  await loadScript(`/gadgets/container.js?user=${encodeURIComponent(user)}&url=${encodeURIComponent(gadgetUrl)}`);
  await loadScript('/desktop/assets/js/finesse.js');
}

export async function control(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const r = await fetch(`/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

export interface EmuPeople {
  teams: { id: string; name: string }[];
  agents: { id: string; skillTargetId: string; teamId: string }[];
  supervisors: { id: string; skillTargetId: string; teamId: string; supervisedTeamIds: string[] }[];
}
export const people = () => fetch('/_emulator/agents').then((r) => r.json() as Promise<EmuPeople>);

let token: Promise<string> | undefined;
async function wxm<T>(path: string, body?: unknown): Promise<T> {
  const { wxmUrl } = await testEnv();
  const base = wxmUrl.replace(/\/$/, '');
  token ??= fetch(`${base}/api/LoginToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=admin&password=emulator',
  })
    .then((r) => r.json())
    .then((j: { access_token: string }) => j.access_token);
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${await token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status === 429 && attempt < 5) {
      await new Promise((res) => setTimeout(res, 1100));
      continue;
    }
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json() as Promise<T>;
  }
}

/** What the test needs to know about the questionnaires, read from /api/Questions/Active. */
export async function questionIds() {
  const qs = await wxm<Question[]>('/api/Questions/Active');
  const tagged = (t: string) => qs.filter((q) => q.questionTags.some((x) => x.toLowerCase() === t.toLowerCase()));
  const cesMax = (q: Question) => (q.questionTags.some((t) => /_7$/.test(t)) ? 7 : 5);
  return {
    context: (tag: string) => tagged(tag).map((q) => q.id),
    nps: new Set(tagged('NPS').map((q) => q.id)),
    csat: new Set(tagged('CSAT').map((q) => q.id)),
    ces: new Map(tagged('CES').map((q) => [q.id, cesMax(q)] as const)),
  };
}

/** Raw answers (unpaged POST /api/answers) for the tag/value in [after, before]. */
export async function rawAnswers(tag: string, value: string, after: string, before: string): Promise<Answer[]> {
  const ids = (await questionIds()).context(tag);
  const filter: FilterBy = {
    afterdate: after,
    beforedate: before,
    filterquestions: ids.map((questionId) => ({ questionId, answerCheck: [value], groupBy: 'OR' as const })),
  };
  return wxm<Answer[]>('/api/answers', filter);
}

export interface Expected {
  nps: { n: number; score: number | null };
  csat: { n: number; share: number | null };
  ces: { n: number; mean: number | null };
}

/** docs/metrics.md: NPS = 100 × (promoters − detractors) / n; CSAT top-2-box share; CES mean on the largest scale. */
export async function expectedFrom(answers: Answer[]): Promise<Expected> {
  const q = await questionIds();
  const settings = await wxm<{ npsRange?: string }>('/api/settings');
  const [pmin, pmax] = (settings.npsRange ?? '7,8').split(',').map(Number) as [number, number];
  const nps: number[] = [];
  const csat: number[] = [];
  const ces: { v: number; max: number }[] = [];
  for (const a of answers) {
    const first = (pick: (id: string) => boolean) =>
      a.responses.find((r) => pick(r.questionId) && typeof r.numberInput === 'number')?.numberInput ?? undefined;
    const n = first((id) => q.nps.has(id));
    if (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 10) nps.push(n);
    const c = first((id) => q.csat.has(id));
    if (c !== undefined && c >= 1 && c <= 5) csat.push(c);
    const r = a.responses.find((x) => q.ces.has(x.questionId) && typeof x.numberInput === 'number');
    if (r) ces.push({ v: r.numberInput!, max: q.ces.get(r.questionId)! });
  }
  const promoters = nps.filter((v) => v > pmax).length;
  const detractors = nps.filter((v) => v < pmin).length;
  const top = Math.max(0, ...ces.map((c) => c.max));
  const cesOnTop = ces.filter((c) => c.max === top).map((c) => c.v);
  return {
    nps: { n: nps.length, score: nps.length ? (100 * (promoters - detractors)) / nps.length : null },
    csat: { n: csat.length, share: csat.length ? (100 * csat.filter((v) => v >= 4).length) / csat.length : null },
    ces: { n: cesOnTop.length, mean: cesOnTop.length ? cesOnTop.reduce((s, v) => s + v, 0) / cesOnTop.length : null },
  };
}

/** How the gadget must write them (docs/metrics.md rounding, en-US). */
export function displayed(e: Expected): Record<'nps' | 'csat' | 'ces', string> {
  const none = 'No responses';
  const int = (v: number) => String(Math.round(v) === 0 ? 0 : Math.round(v)).replace('-', '-');
  return {
    nps: e.nps.score === null ? none : int(e.nps.score),
    csat: e.csat.share === null ? none : `${Math.round(e.csat.share)}%`,
    ces: e.ces.mean === null ? none : (Math.round(e.ces.mean * 10) / 10).toFixed(1),
  };
}
