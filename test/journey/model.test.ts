import { expect } from '@open-wc/testing';
import { buildBrief, entryModel, trendOf } from '../../gadgets/journey/model.js';
import { customerAnswer as answer, customerTagMap as tagMap } from '../fakes/answers.js';
import { buildTagMap } from '../../shared/wxm/tag-map.js';
import { validateQuestions } from '../../shared/wxm/validate.js';
import type { Question } from '../../shared/wxm/types.js';
import { customer } from './live.js';
import { rawAnswers } from '../analytics/emu.js';
import { testEnv } from '../helpers/env.js';

const bands = { passiveMin: 7, passiveMax: 8 };
const now = new Date('2026-11-26T12:00:00Z');

describe('journey model', () => {
  it('shows scores, comment, agent/team and only visible answered questions', () => {
    const a = answer(2, { nps: 3, csat: 5, comment: 'Too slow', reason: 'Billing' }, now);
    a.openTicket = { status: 'Open' };
    const m = entryModel(a, tagMap(), bands);
    expect(m.scores.map((s) => [s.metric, s.value, s.scaleMax, s.klass])).to.deep.equal([
      ['nps', 3, 10, 'bad'],
      ['csat', 5, 5, 'good'],
    ]);
    expect(m.comment).to.equal('Too slow');
    expect([m.agentId, m.teamId, m.ticket]).to.deep.equal(['5001', '200', 'Open']);
    const shown = m.details.map((d) => d.questionId);
    // apiFill (customer/agent/team ids), PII, identity and questions the tag map does not know never appear.
    expect(shown).to.have.members(['q-nps', 'q-csat', 'q-comment', 'q-reason']);
    expect(JSON.stringify(m.details)).to.not.include('Secret').and.not.include('+15550100').and.not.include('mystery');
  });

  it('never shows "0" for a text or select answer (WxM sends numberInput 0 with each); a 0 score still shows', () => {
    const map = tagMap();
    map.byId.set('q-reason', { ...map.byId.get('q-reason')!, displayType: 'Select' });
    const a = answer(1, { nps: 0 }, now);
    a.responses.push(
      { questionId: 'q-reason', questionText: '', textInput: 'Billing', numberInput: 0 },
      { questionId: 'q-comment', questionText: '', textInput: '', numberInput: 0 },
    );
    const m = entryModel(a, map, bands);
    expect(m.details.map((d) => [d.questionId, d.value])).to.deep.equal([['q-nps', '0'], ['q-reason', 'Billing']]);
    expect(m.comment).to.equal(null);
    expect(m.scores.map((s) => [s.metric, s.value, s.klass])).to.deep.equal([['nps', 0, 'bad']]);
  });

  it('hides questions flagged restrictedData or sensitiveData', () => {
    const map = tagMap();
    const flagged = [
      { ...map.byId.get('q-reason')!, id: 'q-account', text: 'Account number', restrictedData: true },
      { ...map.byId.get('q-reason')!, id: 'q-health', text: 'Circumstances', sensitiveData: true },
    ];
    for (const q of flagged) map.byId.set(q.id, q);
    const a = answer(1, { reason: 'Other' }, now);
    a.responses.push(
      { questionId: 'q-account', questionText: 'Account number', textInput: 'ACC-1234', numberInput: 0 },
      { questionId: 'q-health', questionText: 'Circumstances', textInput: 'diagnosed', numberInput: 0 },
    );
    const m = entryModel(a, map, bands);
    expect(m.details.map((d) => d.questionId)).to.deep.equal(['q-reason']);
    expect(JSON.stringify(m)).to.not.include('ACC-1234').and.not.include('diagnosed');
  });

  it('reads a trend only from two or more values, with a dead band', () => {
    expect(trendOf([8], 10)).to.equal(null);
    expect(trendOf([9, 9, 4, 5], 10)).to.equal('improving');
    expect(trendOf([2, 3, 9, 9], 10)).to.equal('declining');
    expect(trendOf([7, 8, 8, 7], 10)).to.equal('steady');
  });

  it('briefs the caller: last scores, detractors in 90 days, last comment', () => {
    const answers = [
      answer(1, { csat: 2 }, now),
      answer(10, { nps: 2, comment: 'Still broken' }, now),
      answer(40, { nps: 5 }, now),
      answer(100, { nps: 1, comment: 'old' }, now),
      answer(120, { nps: 10 }, now),
    ];
    const b = buildBrief(answers, tagMap(), bands, now, true);
    expect(b.last.map((s) => [s.metric, s.value])).to.deep.equal([
      ['nps', 2],
      ['csat', 2],
    ]);
    expect(b.detractors90).to.equal(2); // the day-100 detractor is outside the window
    expect(b.detractorsComplete).to.equal(true);
    expect(b.lastComment?.text).to.equal('Still broken');
    expect(b.lastSurveyAt?.toISOString()).to.equal(answers[0]!.responseDateTime);
    expect(b.trend?.metric).to.equal('nps');
  });

  it('says "at least" when older pages could hold more detractors within 90 days', () => {
    const answers = [answer(1, { nps: 2 }, now), answer(20, { nps: 1 }, now)];
    expect(buildBrief(answers, tagMap(), bands, now, false).detractorsComplete).to.equal(false);
    const reaching = [...answers, answer(95, { nps: 9 }, now)];
    expect(buildBrief(reaching, tagMap(), bands, now, false).detractorsComplete).to.equal(true);
  });
});

describe('journey model on the emulator\'s data (real WxM shapes)', () => {
  it('never shows a restricted or sensitive answer, nor a "0" for a text answer', async () => {
    const c = await customer('max-history');
    const answers = await rawAnswers('cc_CustomerId', c.id, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    const { wxmUrl } = await testEnv();
    const login = await fetch(`${wxmUrl}/api/LoginToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=admin&password=emulator' });
    const { access_token } = (await login.json()) as { access_token: string };
    const raw = (await (await fetch(`${wxmUrl}/api/Questions/Active`, { headers: { authorization: `Bearer ${access_token}` } })).json()) as Question[];
    const map = buildTagMap(validateQuestions(raw).questions);
    const flagged = new Set(raw.filter((q) => q.restrictedData || q.sensitiveData).map((q) => q.id));
    const secrets = answers.flatMap((a) => a.responses).filter((r) => flagged.has(r.questionId) && r.textInput).map((r) => r.textInput!);
    expect(secrets.length).to.be.greaterThan(0, 'the emulator seeds answered flagged questions');
    const textual = new Set(raw.filter((q) => !/^(Scale|Slider|Number|Smile-5|Star-5)$/.test(q.displayType)).map((q) => q.id));
    for (const a of answers) {
      const m = entryModel(a, map, bands);
      expect(m.details.some((d) => flagged.has(d.questionId))).to.equal(false);
      for (const s of secrets) expect(JSON.stringify(m)).to.not.include(s);
      expect(m.details.filter((d) => textual.has(d.questionId) && d.value === '0')).to.deep.equal([]);
    }
  });
});
