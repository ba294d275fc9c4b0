import { expect } from '@open-wc/testing';
import { loadView, DEFAULT_LIMITS, type PlanConfig } from '../../gadgets/analytics/plan.js';
import { NewestList, detractorsFirst, verbatimReader } from '../../gadgets/analytics/verbatims.js';
import { viewFilter } from '../../gadgets/analytics/filter.js';
import { sortAgents } from '../../gadgets/analytics/agent-sort.js';
import { AppError } from '../../shared/errors.js';
import { MemoryWxm as FakeWxm } from '../fakes/wxm.js';
import { TEAM_Q as Q, teamAnswer as answer, teamTagMap as fakeTagMap, type TeamAnswerSpec as AnswerSpec } from '../fakes/answers.js';

const now = new Date('2026-11-26T12:00:00Z');
const config: PlanConfig = { questionnaires: [], metrics: ['nps', 'csat', 'ces'], csatFormula: 'top2', cesFormula: 'mean', minSample: 3 };
const daysAgo = (d: number, h = 10) => new Date(Date.UTC(2026, 10, 26 - d, h)).toISOString();

/** A small team: A1/A2 in T1, B1 in T2, spread over the current 7 days and the 7 before. */
function world(): AnswerSpec[] {
  const specs: AnswerSpec[] = [];
  let i = 0;
  const add = (agent: string, team: string, d: number, nps: number, csat: number, ces: number, comment?: string) =>
    specs.push({ id: `a${i++}`, time: daysAgo(d), agent, team, nps, csat, ces, ...(comment ? { comment } : {}) });
  add('A1', 'T1', 0, 10, 5, 7, 'great');
  add('A1', 'T1', 1, 9, 4, 6);
  add('A1', 'T1', 2, 3, 2, 2, 'awful');
  add('A2', 'T1', 3, 8, 3, 4, 'ok');
  add('A2', 'T1', 5, 6, 1, 3);
  add('B1', 'T2', 1, 10, 5, 7, 'other team');
  add('A1', 'T1', 9, 2, 1, 1, 'last week');
  add('A2', 'T1', 10, 0, 2, 2);
  return specs;
}

/** docs/metrics.md arithmetic, written out here on the raw specs (not via the metrics module). */
function expected(specs: AnswerSpec[]) {
  const nps = specs.map((s) => s.nps!);
  const p = nps.filter((v) => v >= 9).length;
  const d = nps.filter((v) => v <= 6).length;
  const csat = specs.map((s) => s.csat!);
  const ces = specs.map((s) => s.ces!);
  return {
    nps: (100 * (p - d)) / nps.length,
    csat: (100 * csat.filter((v) => v >= 4).length) / csat.length,
    ces: ces.reduce((a, b) => a + b, 0) / ces.length,
  };
}

describe('analytics data plan', () => {
  it('team view: NPS from FlashNPS, CSAT/CES from the stream, per agent, only the team in the period', async () => {
    const specs = world();
    const wxm = new FakeWxm(specs.map(answer));
    const data = await loadView(
      wxm,
      config,
      { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '7d' }, perAgent: true, benchmark: { kind: 'all' }, now },
      new AbortController().signal,
    );
    const mine = specs.filter((s) => s.team === 'T1' && Date.parse(s.time) >= Date.parse(daysAgo(6, 0)));
    const e = expected(mine);
    expect(data.current.nps.score).to.be.closeTo(e.nps, 1e-9);
    expect(data.current.csat.share).to.be.closeTo(e.csat, 1e-9);
    expect(data.current.ces.mean).to.be.closeTo(e.ces, 1e-9);
    expect(data.current.nps.n).to.equal(5);
    // Previous period (days 7..13): A1 day 9 and A2 day 10, both detractors.
    expect(data.previous.nps.score).to.equal(-100);
    expect(data.previous.csat.n).to.equal(2);
    // All teams benchmark includes B1.
    const all = expected(specs.filter((s) => Date.parse(s.time) >= Date.parse(daysAgo(6, 0))));
    expect(data.benchmark?.kind).to.equal('all');
    expect(data.benchmark?.nps.score).to.be.closeTo(all.nps, 1e-9);
    // Per-agent rows and comments.
    const a1 = data.agents.find((r) => r.agentId === 'A1')!;
    expect(a1.summary.nps.n).to.equal(3);
    expect(a1.comments.map((c) => c.text)).to.deep.equal(['great', 'awful']);
    expect(data.agents.map((r) => r.agentId).sort()).to.deep.equal(['A1', 'A2']);
    expect(data.verbatims.map((v) => v.text)).to.deep.equal(['great', 'awful', 'ok']);
    expect(data.capped).to.equal(false);
    // The NPS headline was not paged: FlashNPS for current, previous and benchmark; two streams.
    expect(wxm.calls.filter((c) => c.kind === 'flash')).to.have.length(3);
    expect(wxm.calls.filter((c) => c.kind === 'stream')).to.have.length(2);
  });

  it('a 403 on /api/settings (restricted token) does not fail the view: default NPS bands, and it says so', async () => {
    class Refused extends FakeWxm {
      override async settings(): Promise<never> {
        throw new AppError('wxm-auth', 'wxm', 'api/settings: access denied', { status: 403, retryable: false });
      }
    }
    const wxm = new Refused(world().map(answer), { timeZoneOffset: 0, npsRange: '5,8' });
    const data = await loadView(wxm, config, { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '7d' }, perAgent: true, now },
      new AbortController().signal);
    expect(data.settingsRefused).to.equal(true);
    expect(data.bands).to.deep.equal({ passiveMin: 7, passiveMax: 8 });
    expect(data.current.nps.n).to.equal(5);
    const ok = await loadView(new FakeWxm(world().map(answer)), config, { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '7d' }, perAgent: false, now },
      new AbortController().signal);
    expect(ok.settingsRefused).to.equal(false);
  });

  it('on the fallback every WxM request (FlashNPS and each page) goes through the view’s pacer: one rate budget', async () => {
    const req = { scope: { tag: 'cc_TeamId' as const, value: 'T1' }, benchmark: { kind: 'all' as const }, period: { key: '7d' as const }, perAgent: true, now };
    const load = async (requestConcurrency: number) => {
      const wxm = new FakeWxm(world().map(answer));
      wxm.delayMs = 5;
      const data = await loadView(wxm, config, req, new AbortController().signal, undefined, { ...DEFAULT_LIMITS, pageSize: 2, requestConcurrency });
      return { data, maxInFlight: wxm.maxInFlight };
    };
    const free = await load(6);
    expect(free.maxInFlight, 'three FlashNPS and the streams overlap when the pacer lets them').to.be.greaterThan(1);
    const one = await load(1);
    expect(one.maxInFlight).to.equal(1);
    expect(one.data.current).to.deep.equal(free.data.current);
  });

  it('agent view filters on cc_AgentId and benchmarks against the team', async () => {
    const wxm = new FakeWxm(world().map(answer));
    const data = await loadView(
      wxm,
      config,
      {
        scope: { tag: 'cc_AgentId', value: 'A2' },
        period: { key: '30d' },
        perAgent: false,
        benchmark: { kind: 'team', scope: { tag: 'cc_TeamId', value: 'T1' } },
        now,
      },
      new AbortController().signal,
    );
    expect(data.current.nps.n).to.equal(3); // days 3, 5, 10
    expect(data.agents).to.deep.equal([]);
    expect(data.benchmark?.nps.n).to.equal(7);
    const stream = wxm.calls.find((c) => c.kind === 'stream')!;
    expect(stream.filter?.filterquestions).to.deep.equal([{ questionId: Q.agent, answerCheck: ['A2'] }]);
  });

  it('skips the raw pass of the previous period when only NPS is configured', async () => {
    const wxm = new FakeWxm(world().map(answer));
    await loadView(
      wxm,
      { ...config, metrics: ['nps'] },
      { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '7d' }, perAgent: true, now },
      new AbortController().signal,
    );
    expect(wxm.calls.filter((c) => c.kind === 'stream')).to.have.length(1);
  });

  it('an empty period gives null scores, never 0', async () => {
    const wxm = new FakeWxm(world().map(answer));
    const data = await loadView(
      wxm,
      config,
      { scope: { tag: 'cc_AgentId', value: 'nobody' }, period: { key: 'today' }, perAgent: false, now },
      new AbortController().signal,
    );
    expect(data.current.nps.score).to.equal(null);
    expect(data.current.csat.share).to.equal(null);
    expect(data.current.ces.mean).to.equal(null);
    expect(data.verbatims).to.deep.equal([]);
  });

  it('caps the raw pass and says so', async () => {
    const specs = Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, time: daysAgo(i % 5), agent: 'A1', team: 'T1', nps: 9, csat: 5, ces: 5 }));
    const wxm = new FakeWxm(specs.map(answer));
    const data = await loadView(
      wxm,
      config,
      { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '7d' }, perAgent: true, now },
      new AbortController().signal,
      undefined,
      { ...DEFAULT_LIMITS, maxAnswers: 10, pageSize: 4 },
    );
    expect(data.capped).to.equal(true);
    expect(data.streamed).to.equal(10);
    expect(data.current.csat.n).to.equal(10);
    expect(data.current.nps.n).to.equal(25); // the aggregate is not capped
  });

  it('reports the first look (NPS) before the raw pass completes, and aborts when asked', async () => {
    const wxm = new FakeWxm(world().map(answer));
    let release!: () => void;
    wxm.gate = new Promise((r) => (release = r));
    const ctrl = new AbortController();
    let firstNps: number | null | undefined;
    const run = loadView(
      wxm,
      config,
      { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '7d' }, perAgent: true, now },
      ctrl.signal,
      (look) => (firstNps = look.nps.score),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(firstNps).to.be.a('number');
    ctrl.abort();
    release();
    let error: unknown;
    try {
      await run;
    } catch (e) {
      error = e;
    }
    expect((error as Error)?.name).to.equal('AbortError');
  });

  it('passes errors through as they are', async () => {
    const wxm = new FakeWxm([]);
    wxm.failWith = new AppError('wxm-server', 'wxm', '503', { status: 503 });
    let error: unknown;
    try {
      await loadView(wxm, config, { scope: { tag: 'cc_AgentId', value: 'x' }, period: { key: '7d' }, perAgent: false, now }, new AbortController().signal);
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).to.equal('wxm-server');
  });

  describe('incremental refresh on the fallback path', () => {
    const team = { scope: { tag: 'cc_TeamId' as const, value: 'T1' }, period: { key: '7d' as const }, perAgent: true };
    /** A fake whose tag map is one object for its life, as the real client caches it. */
    const fake = (answers = world().map(answer)) => {
      const wxm = new FakeWxm(answers);
      const tm = fakeTagMap();
      wxm.tagMap = async () => tm;
      return wxm;
    };
    const load = (wxm: FakeWxm, at: string) => loadView(wxm, config, { ...team, now: new Date(at) }, new AbortController().signal);
    /** Everything a user sees, without the load's own time and path. */
    const shown = ({ asOf, source, ...rest }: Awaited<ReturnType<typeof load>>) => rest;
    const streamedAfter = (wxm: FakeWxm) => wxm.calls.filter((c) => c.kind === 'stream').map((c) => c.filter!.afterdate);

    it('reads only answers from the newest folded on, skips the one already folded at that instant, and equals a full load', async () => {
      const wxm = fake();
      const first = await load(wxm, '2026-11-26T12:00:00Z');
      expect(first.source).to.deep.equal({ path: 'answers', reason: 'no-aggregate-client' });
      // The newest folded answer is a0 at 10:00; another answer at that same instant and one later arrive.
      const more = [
        answer({ id: 'x1', time: daysAgo(0), agent: 'A2', team: 'T1', nps: 0, csat: 1, ces: 1, comment: 'same instant' }),
        answer({ id: 'x2', time: '2026-11-26T12:30:00Z', agent: 'A1', team: 'T1', nps: 10, csat: 5, ces: 7 }),
      ];
      wxm.answers.push(...more);
      wxm.calls = [];
      const again = await load(wxm, '2026-11-26T13:00:00Z');
      expect(again.source).to.deep.equal({ path: 'answers', reason: 'no-aggregate-client', incremental: 2 });
      // Current period from 10:00 (the newest folded), previous period from its own newest folded answer.
      expect(streamedAfter(wxm)).to.deep.equal(['2026-11-26T10:00:00.000Z', daysAgo(9)]);
      const full = await load(fake(wxm.answers), '2026-11-26T13:00:00Z');
      expect(full.source).to.deep.equal({ path: 'answers', reason: 'no-aggregate-client' });
      expect(shown(again)).to.deep.equal(shown(full));
      expect(again.current.nps.n).to.equal(first.current.nps.n + 2);
    });

    it('reads in full when the period start moved (a new day), the view changed, or an incremental read fails', async () => {
      const wxm = fake();
      await load(wxm, '2026-11-26T12:00:00Z');
      wxm.calls = [];
      const nextDay = await load(wxm, '2026-11-27T01:00:00Z');
      expect(nextDay.source).to.not.have.property('incremental');
      expect(streamedAfter(wxm)[0]).to.equal('2026-11-21T00:00:00.000Z');
      expect(shown(nextDay)).to.deep.equal(shown(await load(fake(), '2026-11-27T01:00:00Z')));
      // Another period is another view.
      const month = await loadView(wxm, config, { ...team, period: { key: '30d' }, now: new Date('2026-11-27T02:00:00Z') }, new AbortController().signal);
      expect(month.source).to.not.have.property('incremental');
      // A failed incremental read leaves the kept folds as they were: the next refresh still adds up.
      await load(wxm, '2026-11-27T03:00:00Z');
      wxm.answers.push(answer({ id: 'y1', time: '2026-11-27T03:30:00Z', agent: 'A1', team: 'T1', nps: 9, csat: 5, ces: 6 }));
      wxm.failWith = new Error('network down');
      let failed = false;
      await load(wxm, '2026-11-27T04:00:00Z').catch(() => (failed = true));
      expect(failed).to.equal(true);
      wxm.failWith = undefined;
      const after = await load(wxm, '2026-11-27T04:00:00Z');
      expect(after.source).to.have.property('incremental', 1);
      expect(shown(after)).to.deep.equal(shown(await load(fake(wxm.answers), '2026-11-27T04:00:00Z')));
    });
  });
});

describe('analytics filter', () => {
  const range = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-11-02T00:00:00Z') };
  it('filters by the context question, dates and questionnaires', () => {
    const f = viewFilter({ tag: 'cc_TeamId', value: 'T9' }, range, fakeTagMap(), ['post-call']);
    expect(f).to.deep.equal({
      afterdate: '2026-11-01T00:00:00.000Z',
      beforedate: '2026-11-01T23:59:59.999Z',
      location: ['post-call'],
      filterquestions: [{ questionId: Q.team, answerCheck: ['T9'] }],
    });
  });
  it('adjacent ranges never share an instant, so inclusive date bounds count a boundary answer once', () => {
    const next = { start: range.end, end: new Date('2026-11-03T00:00:00Z') };
    const a = viewFilter(undefined, range, fakeTagMap(), []);
    const b = viewFilter(undefined, next, fakeTagMap(), []);
    expect(Date.parse(a.beforedate!)).to.be.below(Date.parse(b.afterdate!));
    expect(Date.parse(b.afterdate!) - Date.parse(a.beforedate!)).to.equal(1);
  });
  it('ORs the context questions of several questionnaires', () => {
    const tm = fakeTagMap();
    tm.context.cc_AgentId = ['x1', 'x2'];
    const f = viewFilter({ tag: 'cc_AgentId', value: 'A' }, range, tm, []);
    expect(f.filterquestions?.map((q) => q.groupBy)).to.deep.equal(['OR', 'OR']);
  });
  it('says which tag is missing instead of showing everyone', () => {
    const tm = fakeTagMap();
    tm.context = {};
    expect(() => viewFilter({ tag: 'cc_AgentId', value: 'A' }, range, tm, [])).to.throw(/cc_AgentId/);
  });
});

describe('analytics verbatims', () => {
  it('keeps only the newest N whatever the arrival order', () => {
    const list = new NewestList<{ time: string; n: number }>(3);
    for (const n of [5, 1, 9, 3, 7, 2]) list.add({ time: daysAgo(n), n });
    expect(list.list().map((x) => x.n)).to.deep.equal([1, 2, 3]);
  });
  it('reads the comment and NPS class, skipping empty comments', () => {
    const read = verbatimReader(fakeTagMap(), { passiveMin: 7, passiveMax: 8 });
    const v = read(answer({ id: 'x', time: daysAgo(0), agent: 'A', team: 'T', nps: 4, comment: '  slow  ' }));
    expect(v).to.include({ text: 'slow', nps: 4, npsClass: 'bad' });
    expect(read(answer({ id: 'y', time: daysAgo(0), agent: 'A', team: 'T', nps: 4, comment: '   ' }))).to.equal(undefined);
  });
  it('reads a comment, never the numberInput 0 WxM sends with it, and a 0 NPS as a detractor', () => {
    const read = verbatimReader(fakeTagMap(), { passiveMin: 7, passiveMax: 8 });
    const a = answer({ id: 'z', time: daysAgo(0), agent: 'A', team: 'T', nps: 0, comment: 'rude' });
    expect(a.responses.find((r) => r.questionId === Q.comment)?.numberInput).to.equal(0);
    expect(read(a)).to.include({ text: 'rude', nps: 0, npsClass: 'bad' });
    const blank = answer({ id: 'w', time: daysAgo(0), agent: 'A', team: 'T', nps: 9, comment: '' });
    expect(read(blank)).to.equal(undefined);
  });
  it('puts detractors first, newest first within a class', () => {
    const mk = (id: string, npsClass?: 'good' | 'bad' | 'neutral') => ({ answerId: id, time: '', text: id, ...(npsClass ? { npsClass } : {}) });
    const out = detractorsFirst([mk('g1', 'good'), mk('b1', 'bad'), mk('u'), mk('n1', 'neutral'), mk('b2', 'bad')]);
    expect(out.map((v) => v.answerId)).to.deep.equal(['b1', 'b2', 'n1', 'g1', 'u']);
  });
});

describe('analytics agent sort', () => {
  it('sorts by a metric with empty rows last in both directions', async () => {
    const wxm = new FakeWxm(world().map(answer));
    const data = await loadView(
      wxm,
      config,
      { scope: { tag: 'cc_TeamId', value: 'T1' }, period: { key: '30d' }, perAgent: true, now },
      new AbortController().signal,
    );
    const f = { csatFormula: 'top2' as const, cesFormula: 'mean' as const };
    const rows = [...data.agents, { agentId: 'Z', summary: { ...data.agents[0]!.summary, nps: { ...data.agents[0]!.summary.nps, score: null } }, comments: [] }];
    const desc = sortAgents(rows, 'nps', 'descending', f).map((r) => r.agentId);
    const asc = sortAgents(rows, 'nps', 'ascending', f).map((r) => r.agentId);
    expect(desc.at(-1)).to.equal('Z');
    expect(asc.at(-1)).to.equal('Z');
    expect(desc.slice(0, 2)).to.deep.equal([...asc.slice(0, 2)].reverse());
  });
});
