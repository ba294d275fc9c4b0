/**
 * FilterBy semantics, checked against a reference filter written here from the spec and applied to the raw
 * answers (POST /api/answers with no filter). Count, pages and FlashNPS must agree with it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer, AnswerPage, FilterBy, FlashNps, Question } from '../../shared/wxm/types.js';
import { mulberry32 } from '../src/world/prng.js';
import { startWxm, type WxmHarness } from '../src/wxm/testing.js';

function reference(all: Answer[], f: FilterBy, tzMinutes: number): Answer[] {
  return all.filter((a) => {
    const t = Date.parse(a.responseDateTime);
    if (f.location?.length && !f.location.includes(a.locationId)) return false;
    if (f.afterdate && !(t >= Date.parse(f.afterdate))) return false;
    if (f.beforedate && !(t <= Date.parse(f.beforedate))) return false;
    if (f.archived !== undefined && a.archived !== f.archived) return false;
    if (f.channel && a.surveyClient?.toLowerCase() !== f.channel.toLowerCase()) return false;
    if (f.days?.length && !(t === t && f.days.includes(new Date(t + tzMinutes * 60_000).getUTCDay()))) return false;
    const res = Array.isArray(a.responses) ? a.responses : [];
    const ok = (fq: NonNullable<FilterBy['filterquestions']>[number]) => {
      const r = res.find((x) => x.questionId === fq.questionId);
      if (!r) return false;
      const op = fq.answerCheck[0];
      const n = r.numberInput;
      if (op === 'gt') return typeof n === 'number' && n > fq.number!;
      if (op === 'lt') return typeof n === 'number' && n < fq.number!;
      if (op === 'eq') return typeof n === 'number' && n === fq.number!;
      if (op === 'Any Text') return typeof r.textInput === 'string' && r.textInput.trim() !== '';
      return typeof r.textInput === 'string'
        ? fq.answerCheck.some((v) => v.toLowerCase() === r.textInput!.toLowerCase())
        : typeof n === 'number' && fq.answerCheck.includes(String(n));
    };
    const fqs = f.filterquestions ?? [];
    const ands = fqs.filter((fq) => fq.groupBy !== 'OR');
    const ors = fqs.filter((fq) => fq.groupBy === 'OR');
    return ands.every(ok) && (ors.length === 0 || ors.some(ok));
  });
}

describe('FilterBy', () => {
  let wxm: WxmHarness;
  let token: string;
  let all: Answer[];
  let questions: Question[];
  const tag = (t: string) => questions.filter((q) => q.questionTags.includes(t));
  before(async () => {
    wxm = await startWxm({ seed: 11 });
    token = await wxm.login();
    all = (await (await wxm.call('POST', '/api/answers', { token, body: {} })).json()) as Answer[];
    questions = (await (await wxm.call('GET', '/api/Questions/Active', { token })).json()) as Question[];
  });
  after(() => wxm.close());
  const post = async <T>(path: string, body: unknown) => (await (await wxm.call('POST', path, { token, body })).json()) as T;

  async function agrees(f: FilterBy, label = JSON.stringify(f)): Promise<Answer[]> {
    const want = reference(all, f, 60);
    const count = await post<number>('/api/answers/count', f);
    assert.equal(count, want.length, `count ${label}`);
    const list = await post<Answer[]>('/api/answers', f);
    assert.deepEqual(list.map((a) => a.id), want.map((a) => a.id), `answers ${label}`);
    const page = await post<AnswerPage>('/api/answers/page/1/7', f);
    assert.equal(page.totalCount, want.length);
    assert.deepEqual(page.responses.map((a) => a.id), want.slice(0, 7).map((a) => a.id), `page ${label}`);
    const flash = await post<FlashNps>('/api/FlashNPS', f);
    const npsIds = new Set(tag('NPS').map((q) => q.id));
    const scores = want.flatMap((a) => (Array.isArray(a.responses) ? a.responses : [])
      .filter((r) => npsIds.has(r.questionId) && Number.isInteger(r.numberInput) && r.numberInput! >= 0 && r.numberInput! <= 10)
      .slice(0, 1).map((r) => r.numberInput!));
    const p = scores.filter((s) => s >= 9).length;
    const d = scores.filter((s) => s <= 6).length;
    assert.equal(flash.totalResponses, want.length, `flash total ${label}`);
    assert.deepEqual([flash.netPromoter.promoters, flash.netPromoter.passive, flash.netPromoter.detractors], [p, scores.length - p - d, d], `flash ${label}`);
    assert.equal(flash.netPromoter.netPromoters, scores.length ? Math.round((100 * (p - d)) / scores.length) : 0);
    return want;
  }

  const or = (t: string, v: string | string[]) => tag(t).map((q) => ({ questionId: q.id, answerCheck: ([] as string[]).concat(v), groupBy: 'OR' as const }));

  it('finds a customer by cc_CustomerId, Mobile or Email (case-insensitive), across questionnaires with groupBy OR', async () => {
    const c = wxm.ctx.world.customers.find((x) => x.traits?.includes('max-history'))!;
    const byId = await agrees({ filterquestions: or('cc_CustomerId', c.id) });
    assert.equal(byId.length, c.surveyCount, 'every survey of the customer');
    const byMobile = await agrees({ filterquestions: or('Mobile', c.mobile!) });
    assert.ok(byMobile.length > 0 && byMobile.every((a) => byId.some((b) => b.id === a.id)));
    if (c.email) {
      const byEmail = await agrees({ filterquestions: or('Email', c.email.toUpperCase()) });
      assert.ok(byEmail.length > 0 && byEmail.every((a) => byId.some((b) => b.id === a.id)));
    }
    const single = await agrees({ filterquestions: [{ questionId: tag('cc_CustomerId')[0]!.id, answerCheck: [c.id] }] });
    assert.ok(single.every((a) => a.locationId === tag('cc_CustomerId')[0]!.setName), 'one question id = one questionnaire');
  });

  it('matches a phone number exactly as stored: each form finds its own answers, all forms together find all', async () => {
    const c = wxm.ctx.world.customers.find((x) => x.traits?.includes('mobile-formats'))!;
    const d = c.mobile!.slice(2);
    const forms = [c.mobile!, c.mobile!.slice(1), d, `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`];
    const each = [];
    for (const f of forms) {
      const found = await agrees({ filterquestions: or('Mobile', f) });
      assert.ok(found.length > 0 && found.length < c.surveyCount, `${f} finds only the answers stored so`);
      each.push(...found.map((a) => a.id));
    }
    const together = await agrees({ filterquestions: or('Mobile', forms) });
    assert.equal(together.length, c.surveyCount);
    assert.deepEqual(new Set(each), new Set(together.map((a) => a.id)));
    assert.equal((await agrees({ filterquestions: or('Mobile', `+${d}`) })).length, 0, 'no normalisation on the server');
  });

  it('finds an agent and a team in a period, and unknown values find nothing', async () => {
    const agent = wxm.ctx.world.agents[3]!;
    const afterdate = new Date(wxm.ctx.world.startDay.getTime() - 90 * 86_400_000).toISOString();
    const mine = await agrees({ afterdate, filterquestions: tag('cc_AgentId').map((q) => ({ questionId: q.id, answerCheck: [agent.skillTargetId], groupBy: 'OR' })) });
    assert.ok(mine.length > 0);
    await agrees({ afterdate, filterquestions: tag('cc_TeamId').map((q) => ({ questionId: q.id, answerCheck: [agent.teamId], groupBy: 'OR' })) });
    assert.equal((await agrees({ filterquestions: [{ questionId: tag('cc_CustomerId')[0]!.id, answerCheck: ['C-nobody'] }] })).length, 0);
  });

  it('numbers: gt/lt/eq, promoters = gt 8, any value = gt -1', async () => {
    const nps = tag('NPS')[0]!.id;
    const promoters = await agrees({ filterquestions: [{ questionId: nps, answerCheck: ['gt'], number: 8 }] });
    assert.ok(promoters.length > 0);
    await agrees({ filterquestions: [{ questionId: nps, answerCheck: ['lt'], number: 7 }] });
    await agrees({ filterquestions: [{ questionId: nps, answerCheck: ['eq'], number: 10 }] });
    const any = await agrees({ filterquestions: [{ questionId: nps, answerCheck: ['gt'], number: -1 }] });
    assert.ok(any.length > promoters.length);
  });

  it('text: accepted values and "Any Text"; several filterquestions combine with AND', async () => {
    const comment = tag('Comments')[0]!.id;
    const withComment = await agrees({ filterquestions: [{ questionId: comment, answerCheck: ['Any Text'] }] });
    assert.ok(withComment.length > 0);
    const reason = questions.find((q) => q.questionTags.includes('reason'))!;
    await agrees({ filterquestions: [{ questionId: reason.id, answerCheck: ['billing', 'Other'] }] });
    const both = await agrees({ filterquestions: [
      { questionId: comment, answerCheck: ['Any Text'] },
      { questionId: tag('NPS')[0]!.id, answerCheck: ['lt'], number: 7 },
    ] });
    assert.ok(both.length < withComment.length);
  });

  it('location, dates (inclusive), archived, channel and days', async () => {
    const name = wxm.ctx.world.questionnaires[1]!.name;
    const digital = await agrees({ location: [name] });
    assert.ok(digital.length > 0 && digital.every((a) => a.locationId === name));
    await agrees({ location: [] });
    const pick = all[40]!;
    const onTheDot = await agrees({ afterdate: pick.responseDateTime, beforedate: pick.responseDateTime });
    assert.ok(onTheDot.some((a) => a.id === pick.id), 'bounds are inclusive');
    await agrees({ archived: true });
    await agrees({ archived: false });
    await agrees({ channel: 'SMS' });
    await agrees({ channel: 'JS-MicroWeb', days: [0, 6] });
  });

  it('agrees with the reference on random combinations', async () => {
    const rng = mulberry32(99);
    const start = wxm.ctx.world.startDay.getTime();
    for (let k = 0; k < 40; k++) {
      const f: FilterBy = {};
      if (rng.chance(0.3)) f.location = [rng.pick(wxm.ctx.world.questionnaires).name];
      if (rng.chance(0.5)) f.afterdate = new Date(start - rng.int(1, 400) * 86_400_000).toISOString();
      if (rng.chance(0.3)) f.beforedate = new Date(start - rng.int(0, 200) * 86_400_000).toISOString();
      if (rng.chance(0.2)) f.channel = rng.pick(['voice', 'email', 'sms', 'JS-MicroWeb']);
      if (rng.chance(0.15)) f.archived = rng.chance(0.5);
      const fqs: NonNullable<FilterBy['filterquestions']> = [];
      if (rng.chance(0.5)) fqs.push({ questionId: rng.pick(tag('NPS')).id, answerCheck: [rng.pick(['gt', 'lt', 'eq'])], number: rng.int(-1, 10) });
      if (rng.chance(0.3)) fqs.push({ questionId: rng.pick(tag('CES')).id, answerCheck: [rng.pick(['gt', 'lt'])], number: rng.int(1, 6) });
      if (rng.chance(0.3)) {
        const a = rng.pick(wxm.ctx.world.agents);
        fqs.push(...tag('cc_AgentId').map((q) => ({ questionId: q.id, answerCheck: [a.skillTargetId], groupBy: 'OR' as const })));
      } else if (rng.chance(0.3)) {
        fqs.push({ questionId: rng.pick(tag('cc_TeamId')).id, answerCheck: [rng.pick(wxm.ctx.world.teams).id] });
      }
      if (rng.chance(0.2)) fqs.push({ questionId: rng.pick(tag('Comments')).id, answerCheck: ['Any Text'] });
      if (fqs.length) f.filterquestions = fqs;
      await agrees(f);
    }
  });

  it('malformed records: out-of-range and wrong-typed NPS never count in FlashNPS, but are still returned', async () => {
    const c = wxm.ctx.world.customers.find((x) => x.traits?.includes('malformed'))!;
    const want = await agrees({ filterquestions: tag('cc_CustomerId').map((q) => ({ questionId: q.id, answerCheck: [c.id], groupBy: 'OR' as const })) });
    const npsIds = new Set(tag('NPS').map((q) => q.id));
    assert.ok(want.some((a) => a.responses?.some((r) => npsIds.has(r.questionId) && r.numberInput === 42)), 'an NPS of 42 is served');
  });

  it('paging walks the whole set exactly once, newest first', async () => {
    const f: FilterBy = { location: [wxm.ctx.world.questionnaires[0]!.name] };
    const want = reference(all, f, 60);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const p = await post<AnswerPage>(`/api/answers/page/${page}/500`, f);
      assert.equal(p.totalPages, Math.ceil(want.length / 500));
      if (p.responses.length === 0) break;
      seen.push(...p.responses.map((a) => a.id));
    }
    assert.deepEqual(seen, want.map((a) => a.id));
  });
});
