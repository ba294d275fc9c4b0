/**
 * POST /api/summary and POST /api/answers/compare/{q1}/{q2}: the vendor client's shapes (ResponseSummary, Summary,
 * SummaryLite), numbers equal to an independent count over POST /api/answers with the same FilterBy, auth, errors
 * and the variants (numeric keys "10.0", unknown question 404, routes missing).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer, FilterBy, Question } from '../../shared/wxm/types.js';
import { aggregateOptions, type CompareResult, type ResponseSummary } from '../src/wxm/aggregates.js';
import { startWxm, type WxmHarness } from '../src/wxm/testing.js';

const NUMERIC = ['Scale', 'Slider', 'Number', 'Smile-5', 'Star-5'];
const DAY_KEY = /^\d{4}-\d{2}-\d{2}T00:00:00$/;

/** The distribution of question q over wire answers, computed here from the spec (not from the emulator's code). */
function distribution(answers: Answer[], q: Question): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const r = (Array.isArray(a.responses) ? a.responses : []).find((x) => x?.questionId === q.id);
    if (!r) continue;
    let key: string | undefined;
    if (NUMERIC.includes(q.displayType)) key = typeof r.numberInput === 'number' ? String(r.numberInput) : undefined;
    else if (q.displayType === 'Select' || q.displayType === 'Dropdown') key = typeof r.textInput === 'string' && r.textInput.trim() ? r.textInput : undefined;
    if (key !== undefined) out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const valueOf = (a: Answer, q: Question): string | undefined => {
  const r = (Array.isArray(a.responses) ? a.responses : []).find((x) => x?.questionId === q.id);
  if (!r) return undefined;
  if (NUMERIC.includes(q.displayType)) return typeof r.numberInput === 'number' ? String(r.numberInput) : undefined;
  return typeof r.textInput === 'string' && r.textInput.trim() ? r.textInput : undefined;
};

describe('WxM aggregates', () => {
  let wxm: WxmHarness;
  let token: string;
  let questions: Question[];
  let teamFilter: FilterBy;
  const tagged = (tag: string, location: string) => questions.find((q) => q.questionTags.includes(tag) && q.setName === location)!;
  const post = (path: string, body: unknown) => wxm.call('POST', path, { token, body });
  const json = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await post(path, body);
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };

  before(async () => {
    wxm = await startWxm({ seed: 7 });
    token = await wxm.login();
    questions = (await (await wxm.call('GET', '/api/Questions/Active', { token })).json()) as Question[];
    const world = wxm.ctx.world;
    const team = world.teams[1]!.id;
    const newest = world.answers.timeOf(world.answers.seeded.n - 1);
    // One team over 90 days, on both questionnaires (each has its own cc_TeamId question): the analytics team view.
    teamFilter = {
      afterdate: new Date(newest - 90 * 86_400_000).toISOString(),
      beforedate: new Date(newest).toISOString(),
      filterquestions: questions
        .filter((q) => q.questionTags.includes('cc_TeamId'))
        .map((q) => ({ questionId: q.id, answerCheck: [team], groupBy: 'OR' as const })),
    };
  });
  after(() => wxm.close());

  describe('POST /api/summary', () => {
    it('answers a ResponseSummary whose distributions equal a count over /api/answers with the same filter', async () => {
      const s = await json<ResponseSummary>('/api/summary', teamFilter);
      const answers = await json<Answer[]>('/api/answers', teamFilter);
      assert.ok(answers.length > 50, 'the filter selects a team-sized set');
      assert.equal(s.responseCount, answers.length);
      assert.ok(Number.isInteger(s.weightedScore));
      assert.ok(Array.isArray(s.assortedWordCloud) && s.assortedWordCloud.every((w) => typeof w === 'string'));
      assert.ok(Array.isArray(s.tags) && s.tags.includes('NPS'));
      const checked = new Set<string>();
      for (const item of s.summary) {
        const q = item.askedQuestion;
        assert.deepEqual(q, questions.find((x) => x.id === q.id), 'askedQuestion is the full Question');
        if (NUMERIC.includes(q.displayType) || q.displayType === 'Select') {
          assert.deepEqual(item.response, distribution(answers, q), q.text);
          checked.add(q.questionTags[0] ?? q.text);
        } else {
          assert.deepEqual(item.response, {}, `free text has no distribution: ${q.text}`);
        }
      }
      for (const tag of ['NPS', 'CSAT', 'CES', 'reason']) assert.ok(checked.has(tag), `summary covers ${tag}`);
    });

    it('netPromoter counts the NPS distribution; ratingTrend is the daily mean in the account time zone', async () => {
      const s = await json<ResponseSummary>('/api/summary', { ...teamFilter, location: [questions[0]!.setName] });
      const answers = await json<Answer[]>('/api/answers', { ...teamFilter, location: [questions[0]!.setName] });
      const nps = s.summary.find((x) => x.askedQuestion.questionTags.includes('NPS'))!;
      const count = (lo: number, hi: number) => Object.entries(nps.response).filter(([k]) => +k >= lo && +k <= hi).reduce((t, [, n]) => t + n, 0);
      assert.equal(s.netPromoter.promoters, count(9, 10));
      assert.equal(s.netPromoter.passive, count(7, 8));
      assert.equal(s.netPromoter.detractors, count(0, 6));
      const q = nps.askedQuestion;
      const days = new Map<string, number[]>();
      const tz = wxm.ctx.world.settings.timeZoneOffset * 60_000;
      for (const a of answers) {
        const v = valueOf(a, q);
        const t = Date.parse(a.responseDateTime);
        if (v === undefined || Number.isNaN(t)) continue;
        const day = new Date(t + tz).toISOString().slice(0, 10) + 'T00:00:00';
        days.set(day, [...(days.get(day) ?? []), Number(v)]);
      }
      assert.deepEqual(Object.keys(nps.ratingTrend), [...days.keys()].sort());
      for (const [day, values] of days) {
        assert.match(day, DAY_KEY);
        assert.ok(Math.abs(nps.ratingTrend[day]! - values.reduce((x, y) => x + y, 0) / values.length) < 1e-9, day);
      }
    });

    it('an empty selection gives zero counts and no questions', async () => {
      const s = await json<ResponseSummary>('/api/summary', { afterdate: '2001-01-01T00:00:00Z', beforedate: '2001-01-02T00:00:00Z' });
      assert.equal(s.responseCount, 0);
      assert.deepEqual(s.summary, []);
      assert.equal(s.netPromoter.netPromoters, 0);
    });
  });

  describe('POST /api/answers/compare/{q1}/{q2}', () => {
    it('cc_AgentId × NPS: the per-agent NPS distribution equals a count over /api/answers', async () => {
      const location = questions[0]!.setName;
      const agent = tagged('cc_AgentId', location);
      const nps = tagged('NPS', location);
      const filter = { ...teamFilter, location: [location] };
      const m = await json<CompareResult>(`/api/answers/compare/${agent.id}/${nps.id}`, filter);
      const answers = await json<Answer[]>('/api/answers', filter);
      const want: CompareResult = {};
      for (const a of answers) {
        const k1 = valueOf(a, agent);
        const k2 = valueOf(a, nps);
        if (k1 === undefined || k2 === undefined) continue;
        const cell = (want[k1] ??= { askedQuestion: nps.text, response: {} });
        cell.response[k2] = (cell.response[k2] ?? 0) + 1;
      }
      assert.ok(Object.keys(want).length >= 3, 'several agents');
      assert.deepEqual(m, want);
      const team = wxm.ctx.world.agents.filter((a) => a.teamId === wxm.ctx.world.teams[1]!.id).map((a) => a.skillTargetId);
      for (const key of Object.keys(m)) assert.ok(team.includes(key), `keys are the team's skill target ids (${key})`);
    });

    it('an unknown question id → 400 (assumed), or 404 in that variant', async () => {
      const nps = tagged('NPS', questions[0]!.setName);
      const res = await post(`/api/answers/compare/0123456789abcdef01234567/${nps.id}`, {});
      assert.equal(res.status, 400);
      assert.equal(typeof ((await res.json()) as { message: string }).message, 'string');
      aggregateOptions(wxm.ctx.world).unknownQuestionStatus = 404;
      try {
        assert.equal((await post(`/api/answers/compare/${nps.id}/nope`, {})).status, 404);
      } finally {
        aggregateOptions(wxm.ctx.world).unknownQuestionStatus = 400;
      }
    });

    it('a filter that is not a FilterBy → 400, as /api/answers', async () => {
      const nps = tagged('NPS', questions[0]!.setName);
      assert.equal((await post(`/api/answers/compare/${nps.id}/${nps.id}`, { afterdate: 'soon' })).status, 400);
      assert.equal((await post('/api/summary', '[1,2]')).status, 400);
    });
  });

  describe('variants and shared rules', () => {
    it('numeric keys as "10.0" when the variant is on (summary and compare)', async () => {
      const location = questions[0]!.setName;
      const nps = tagged('NPS', location);
      const agent = tagged('cc_AgentId', location);
      aggregateOptions(wxm.ctx.world).numericKeys = 'decimal';
      try {
        const s = await json<ResponseSummary>('/api/summary', teamFilter);
        const keys = Object.keys(s.summary.find((x) => x.askedQuestion.id === nps.id)!.response);
        assert.ok(keys.length > 0 && keys.every((k) => /^\d+\.0$/.test(k)), keys.join());
        const m = await json<CompareResult>(`/api/answers/compare/${agent.id}/${nps.id}`, teamFilter);
        const inner = Object.values(m).flatMap((c) => Object.keys(c.response));
        assert.ok(inner.length > 0 && inner.every((k) => /^\d+\.0$/.test(k)));
        assert.ok(Object.keys(m).every((k) => /^\d+$/.test(k)), 'text keys (agent ids) stay as they are');
      } finally {
        aggregateOptions(wxm.ctx.world).numericKeys = 'integer';
      }
    });

    it('routes missing → the "no HTTP resource" 404 on both, so clients fall back to raw answers', async () => {
      const nps = tagged('NPS', questions[0]!.setName);
      aggregateOptions(wxm.ctx.world).routes = 'missing';
      try {
        for (const path of ['/api/summary', `/api/answers/compare/${nps.id}/${nps.id}`]) {
          const res = await post(path, {});
          assert.equal(res.status, 404, path);
          assert.match(((await res.json()) as { message: string }).message, /No HTTP resource/);
        }
        assert.equal((await post('/api/answers/count', {})).status, 200, 'raw routes still answer');
      } finally {
        aggregateOptions(wxm.ctx.world).routes = 'present';
      }
    });

    it('need a bearer token (401) and honour injected faults like every route', async () => {
      const nps = tagged('NPS', questions[0]!.setName);
      for (const path of ['/api/summary', `/api/answers/compare/${nps.id}/${nps.id}`]) {
        assert.equal((await wxm.call('POST', path, { body: {} })).status, 401, path);
      }
      wxm.ctx.faults.add({ route: '/api/answers/compare', status: 503, count: 1 });
      assert.equal((await post(`/api/answers/compare/${nps.id}/${nps.id}`, {})).status, 503);
      assert.equal((await post(`/api/answers/compare/${nps.id}/${nps.id}`, {})).status, 200, 'the fault was used up');
    });
  });
});
