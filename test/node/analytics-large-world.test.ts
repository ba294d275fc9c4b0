/**
 * Issue 13 §1: in a world above the old 20,000-answer cap, the analytics KPIs (aggregate path) equal an
 * independent count over every answer of the view, while the raw-answer fallback says it rests on a sample.
 * Runs the gadget's own data plan (loadView, the real WxM and token clients) against an in-process emulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index.js';
import { buildWorld } from '../../emulator/src/world/seed.js';
import { createTokenClient } from '../../shared/token/token-client.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import type { Answer, FilterBy, Question } from '../../shared/wxm/types.js';
import { DEFAULT_LIMITS, loadView, type PlanConfig } from '../../gadgets/analytics/plan.js';

const config: PlanConfig = { questionnaires: [], metrics: ['nps', 'csat', 'ces'], csatFormula: 'top2', cesFormula: 'mean', minSample: 10 };

describe('analytics above the old 20,000-answer cap', { timeout: 240_000 }, () => {
  let emu: RunningEmulator;
  let admin: string;
  const wxm = async <T>(path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${emu.wxmUrl.replace(/\/$/, '')}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.equal(r.status, 200, path);
    return (await r.json()) as T;
  };

  before(async () => {
    // 4 teams of 50 agents; a team's 90 days hold some 22,000 answers.
    const world = buildWorld({ seed: 13, profile: 'large', sizes: { answers: 400_000, customers: 40_000 } });
    emu = await startEmulator({ port: 0, host: '127.0.0.1', world });
    const login = await fetch(`${emu.wxmUrl.replace(/\/$/, '')}/api/LoginToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=admin&password=emulator',
    });
    admin = ((await login.json()) as { access_token: string }).access_token;
  });
  after(() => emu?.close());

  /** The supervisor's first team, and clients as the gadget builds them (the token fetched for that supervisor). */
  async function team() {
    const people = (await (await fetch(`${emu.finesseUrl.replace(/\/$/, '')}/_emulator/agents`)).json()) as {
      supervisors: { id: string; supervisedTeamIds: string[] }[];
    };
    const sup = people.supervisors[0]!;
    const tokens = createTokenClient({
      authHeader: () => `Basic ${Buffer.from(`${sup.id}:emulator`).toString('base64')}`,
      fetch: (input, init) => fetch(new URL(String(input), emu.finesseUrl), init),
    });
    return { teamId: sup.supervisedTeamIds[0]!, tokens, client: createWxmClient({ baseUrl: emu.wxmUrl, tokens }) };
  }

  /** metrics.md over every answer, written out here: NPS, CSAT top-2 share, CES mean on the largest scale. */
  async function independentCount(answers: Answer[]) {
    const qs = await wxm<Question[]>('/api/Questions/Active');
    const tagged = (t: string) => new Set(qs.filter((q) => q.questionTags.some((x) => x.toLowerCase() === t)).map((q) => q.id));
    const [nps, csat, ces] = [tagged('nps'), tagged('csat'), tagged('ces')];
    const cesMax = new Map(qs.filter((q) => ces.has(q.id)).map((q) => [q.id, q.questionTags.some((t) => /_7$/.test(t)) ? 7 : 5]));
    const { npsRange } = await wxm<{ npsRange?: string }>('/api/settings');
    const [lo, hi] = (npsRange ?? '7,8').split(',').map(Number) as [number, number];
    const first = (a: Answer, ids: Set<string>) => a.responses.find((r) => ids.has(r.questionId) && typeof r.numberInput === 'number');
    let p = 0, d = 0, n = 0, cN = 0, cTop = 0;
    const cesValues: { v: number; max: number }[] = [];
    for (const a of answers) {
      const v = first(a, nps)?.numberInput;
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) {
        n++;
        if (v > hi) p++;
        else if (v < lo) d++;
      }
      const c = first(a, csat)?.numberInput;
      if (typeof c === 'number' && c >= 1 && c <= 5) {
        cN++;
        if (c >= 4) cTop++;
      }
      const e = first(a, ces);
      if (e) cesValues.push({ v: e.numberInput!, max: cesMax.get(e.questionId)! });
    }
    const top = Math.max(...cesValues.map((x) => x.max));
    const onTop = cesValues.filter((x) => x.max === top).map((x) => x.v);
    return {
      nps: { n, score: (100 * (p - d)) / n },
      csat: { n: cN, share: (100 * cTop) / cN },
      ces: { n: onTop.length, mean: onTop.reduce((s, v) => s + v, 0) / onTop.length },
    };
  }

  it('the team view over 90 days: KPIs from the aggregates equal the count over every answer', async () => {
    const { teamId, tokens, client } = await team();
    const data = await loadView(client, config, { scope: { tag: 'cc_TeamId', value: teamId }, period: { key: '90d' }, perAgent: true }, new AbortController().signal);
    tokens.dispose();
    assert.deepEqual(data.source, { path: 'aggregates' });
    const qs = await wxm<Question[]>('/api/Questions/Active');
    const teamQuestions = qs.filter((q) => q.questionTags.includes('cc_TeamId')).map((q) => q.id);
    const filter: FilterBy = {
      afterdate: data.period.current.start.toISOString(),
      beforedate: data.period.current.end.toISOString(),
      filterquestions: teamQuestions.map((questionId) => ({ questionId, answerCheck: [teamId], groupBy: 'OR' as const })),
    };
    const every = await wxm<Answer[]>('/api/answers', filter);
    assert.ok(every.length > DEFAULT_LIMITS.maxAnswers, `${every.length} answers: above the old cap`);
    const want = await independentCount(every);
    assert.equal(data.current.answers, every.length);
    assert.equal(data.capped, false);
    assert.deepEqual([data.current.nps.n, data.current.csat.n, data.current.ces.n], [want.nps.n, want.csat.n, want.ces.n]);
    const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
    close(data.current.nps.score, want.nps.score);
    close(data.current.csat.share, want.csat.share);
    close(data.current.ces.mean, want.ces.mean);
    // The per-agent table covers the whole team, and its n add up to the team's.
    assert.equal(data.agents.reduce((s, a) => s + a.summary.nps.n, 0), want.nps.n);
  });

  it('the raw-answer fallback on the same view stops at the cap and says so', async () => {
    const { teamId, tokens, client } = await team();
    const data = await loadView(client, { ...config, aggregates: 'off' }, { scope: { tag: 'cc_TeamId', value: teamId }, period: { key: '90d' }, perAgent: false }, new AbortController().signal);
    tokens.dispose();
    assert.deepEqual(data.source, { path: 'answers', reason: 'aggregates-off' });
    assert.equal(data.capped, true);
    assert.equal(data.streamed, DEFAULT_LIMITS.maxAnswers);
  });
});
