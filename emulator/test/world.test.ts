import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../../shared/wxm/types.js';
import { addAnswer, buildWorld } from '../src/world/index.js';
import type { World } from '../src/world/types.js';

const START = new Date('2026-03-10T00:00:00Z');
const small = () => buildWorld({ seed: 7, profile: 'small', startDay: START });
const all = (w: World): Answer[] => [...w.answers.newestFirst()];
const tagOf = (w: World, qid: string) => w.questions.find((q) => q.id === qid)?.questionTags ?? [];
const prefill = (w: World, a: Answer, tag: string) =>
  (a.responses ?? []).find((r) => tagOf(w, r.questionId).includes(tag))?.textInput ?? undefined;
const ofCustomer = (w: World, id: string) => all(w).filter((a) => prefill(w, a, 'cc_CustomerId') === id);
const withTrait = (w: World, t: string) => {
  const c = w.customers.find((x) => x.traits?.includes(t));
  assert.ok(c, `a customer with trait ${t}`);
  return c;
};

describe('seeded world', () => {
  it('is deterministic for the same seed and start day, and differs for another seed', () => {
    const a = small();
    const b = small();
    assert.deepEqual(a.questions, b.questions);
    assert.deepEqual(a.customers, b.customers);
    assert.deepEqual(all(a).slice(0, 200), all(b).slice(0, 200));
    assert.equal(a.answers.size, b.answers.size);
    const c = buildWorld({ seed: 8, profile: 'small', startDay: START });
    assert.notDeepEqual(all(a).slice(0, 50).map((x) => x.responses), all(c).slice(0, 50).map((x) => x.responses));
  });

  it('lays answers out over the 400 days before the start day, newest first', () => {
    const w = small();
    const times = all(w).map((a) => w.answers.timeOf(w.answers.refOf(a.id)!));
    for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! >= times[k]!, 'newest first');
    assert.ok(times[0]! < START.getTime());
    assert.ok(times.at(-1)! >= START.getTime() - 401 * 86_400_000);
    const last30 = times.filter((t) => t >= START.getTime() - 30 * 86_400_000).length;
    assert.ok(last30 > 100, `recent answers exist (${last30})`);
  });

  it('has questionnaires with tagged metric questions and hidden apiFill context on each', () => {
    const w = small();
    assert.ok(w.questionnaires.length >= 2);
    for (const qn of w.questionnaires) {
      const qs = w.questions.filter((q) => q.setName === qn.name);
      const tags = (t: string) => qs.filter((q) => q.questionTags.includes(t));
      assert.equal(tags('NPS').length, 1);
      assert.equal(tags('NPS')[0]!.multiSelect?.[0], '0;Not likely-10;Very likely');
      for (const t of ['cc_AgentId', 'cc_TeamId', 'cc_CustomerId', 'cc_QueueId', 'Mobile', 'Email']) {
        assert.equal(tags(t).length, 1, `${qn.name} has ${t}`);
        assert.equal(tags(t)[0]!.apiFill, true);
      }
      assert.equal(tags('Mobile')[0]!.piiSettings?.isPII, true);
      assert.equal(tags('Email')[0]!.piiSettings?.isPII, true);
    }
    assert.ok(w.questions.every((q) => /^[0-9a-f]{24}$/.test(q.id)));
    assert.equal(new Set(w.questions.map((q) => q.id)).size, w.questions.length);
    assert.ok(w.questions.some((q) => q.isRetired));
    assert.ok(w.questions.some((q) => q.questionTags.includes('csat_satisfaction_5')));
    assert.ok(w.questions.some((q) => q.questionTags.includes('ces_effort_7')));
    assert.ok(w.questions.some((q) => q.questionTags.includes('ces_agree_5')));
  });

  it('has 4 teams of 6 agents and 2 supervisors over 2 teams each', () => {
    const w = small();
    assert.equal(w.teams.length, 4);
    for (const t of w.teams) assert.equal(w.agents.filter((a) => a.teamId === t.id).length, 6);
    assert.equal(w.supervisors.length, 2);
    const supervised = w.supervisors.flatMap((s) => s.supervisedTeamIds).sort();
    assert.deepEqual(supervised, w.teams.map((t) => t.id).sort());
    for (const s of w.supervisors) {
      assert.equal(s.supervisedTeamIds.length, 2);
      assert.ok(!w.agents.some((a) => a.id === s.id), 'supervisor is not in an agent list');
    }
  });

  it('gives teams visibly different NPS', () => {
    const w = small();
    const nps = w.teams.map((t) => {
      const scores = all(w).filter((a) => prefill(w, a, 'cc_TeamId') === t.id)
        .flatMap((a) => a.responses.filter((r) => tagOf(w, r.questionId).includes('NPS') && typeof r.numberInput === 'number' && r.numberInput <= 10)
          .map((r) => r.numberInput!));
      return (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
    });
    assert.ok(Math.max(...nps) - Math.min(...nps) > 20, `team NPS spread ${nps.map(Math.round).join(', ')}`);
  });

  it('stamps answers with the hidden context of a real agent, team and customer', () => {
    const w = small();
    for (const a of all(w).slice(0, 300)) {
      if (!Array.isArray(a.responses) || !a.surveyClient) continue; // a malformed record
      const agent = w.agents.find((x) => x.skillTargetId === prefill(w, a, 'cc_AgentId'));
      assert.ok(agent, 'cc_AgentId is a skill target id');
      assert.equal(prefill(w, a, 'cc_TeamId'), agent.teamId);
      const mobile = prefill(w, a, 'Mobile');
      if (mobile) assert.match(mobile, /^(\+?\d+|\(\d{3}\) \d{3}-\d{4}|\+\d+ \d+ \d+ \d+)$/);
      assert.ok(['voice', 'email', 'sms', 'JS-MicroWeb'].includes(a.surveyClient));
    }
  });

  it('provides the fixture customers tests rely on', () => {
    const w = small();
    const max = withTrait(w, 'max-history');
    assert.equal(ofCustomer(w, max.id).length, 60);
    assert.equal(max.surveyCount, 60);
    const none = withTrait(w, 'no-surveys');
    assert.equal(none.surveyCount, 0);
    assert.equal(ofCustomer(w, none.id).length, 0);
    const hostile = withTrait(w, 'hostile');
    const newest = ofCustomer(w, hostile.id)[0]!;
    const comment = newest.responses.find((r) => tagOf(w, r.questionId).includes('Comments'))?.textInput ?? '';
    assert.match(comment, /<img|<script|<svg/);
    const broken = ofCustomer(w, withTrait(w, 'malformed').id);
    const isBad = (a: Answer) => Number.isNaN(Date.parse(a.responseDateTime)) || !a.locationId
      || a.responses.some((r) => !w.questions.some((q) => q.id === r.questionId) || (typeof r.numberInput === 'number' && r.numberInput > 10) || (r.numberInput !== null && typeof r.numberInput !== 'number'));
    assert.ok(broken.some(isBad) && broken.some((a) => !isBad(a)), 'malformed among good ones');
    const mobileOnly = withTrait(w, 'mobile-only');
    const mob = all(w).filter((a) => prefill(w, a, 'Mobile') === mobileOnly.mobile);
    assert.equal(mob.length, mobileOnly.surveyCount);
    assert.ok(mob.length > 0 && mob.every((a) => prefill(w, a, 'cc_CustomerId') === undefined));
    const emailOnly = withTrait(w, 'email-only');
    const em = all(w).filter((a) => prefill(w, a, 'Email')?.toLowerCase() === emailOnly.email!.toLowerCase());
    assert.ok(em.length > 0 && em.every((a) => prefill(w, a, 'cc_CustomerId') === undefined && prefill(w, a, 'Mobile') === undefined));
  });

  it('text answers carry numberInput 0 and the value in textInput; numeric ones their number (as real WxM)', () => {
    const w = small();
    const type = new Map(w.questions.map((q) => [q.id, q.displayType]));
    let text = 0;
    for (const a of all(w).slice(0, 400)) {
      if (!Array.isArray(a.responses)) continue;
      for (const r of a.responses) {
        const t = type.get(r.questionId);
        if (t === undefined || typeof r.numberInput === 'string') continue; // unknown question / wrong-types record
        if (t === 'Scale') assert.equal(typeof r.numberInput, 'number');
        else { assert.equal(r.numberInput, 0, `numberInput of a ${t} answer`); assert.equal(typeof r.textInput, 'string'); text++; }
      }
    }
    assert.ok(text > 1000);
  });

  it('stores mobiles in several forms and carries identifiers by channel, like a real tenant', () => {
    const w = small();
    const answers = all(w).filter((a) => Array.isArray(a.responses) && a.surveyClient);
    const forms = new Set(answers.map((a) => prefill(w, a, 'Mobile')).filter((m): m is string => !!m)
      .map((m) => (m.startsWith('+') ? (m.includes(' ') ? 'spaced' : 'e164') : m.startsWith('(') ? 'formatted' : 'digits')));
    assert.deepEqual([...forms].sort(), ['digits', 'e164', 'formatted', 'spaced']);
    const share = (channel: string, tag: string) => {
      const of = answers.filter((a) => a.surveyClient === channel);
      return of.filter((a) => prefill(w, a, tag) !== undefined).length / of.length;
    };
    assert.ok(share('voice', 'cc_CustomerId') > 0.98, 'voice surveys carry POD.ID (the id-less fixtures aside)');
    assert.ok(share('email', 'Email') > 0.6 && share('email', 'cc_CustomerId') < 0.95, 'email surveys: Email, not always cc_CustomerId');
    assert.ok(share('sms', 'Mobile') > 0.6 && share('sms', 'Email') < 0.05, 'SMS surveys: Mobile (the email-only fixture aside)');
    // Customers without a trait keep cc_CustomerId on every answer (tests look them up by it).
    for (const c of w.customers.filter((x) => !x.traits?.length).slice(0, 40)) assert.equal(ofCustomer(w, c.id).length, c.surveyCount);
    assert.ok(w.customers.some((x) => x.traits?.includes('partial-ids')));
    const mixed = withTrait(w, 'mobile-formats');
    const stored = answers.map((a) => prefill(w, a, 'Mobile')).filter((m) => m && m.replace(/\D/g, '').endsWith(mixed.mobile!.slice(-10)));
    assert.equal(stored.length, mixed.surveyCount);
    const digits = mixed.mobile!.slice(2);
    assert.deepEqual(new Set(stored), new Set([mixed.mobile, mixed.mobile!.slice(1), digits, `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`]));
  });

  it('seeds answered restrictedData and sensitiveData questions', () => {
    const w = small();
    const flagged = w.questions.filter((q) => q.restrictedData || q.sensitiveData);
    assert.ok(flagged.some((q) => q.restrictedData) && flagged.some((q) => q.sensitiveData));
    assert.ok(flagged.every((q) => !q.apiFill && !q.piiSettings?.isPII), 'only the new flags hide them');
    const ids = new Set(flagged.map((q) => q.id));
    const answered = all(w).flatMap((a) => (Array.isArray(a.responses) ? a.responses : [])).filter((r) => ids.has(r.questionId) && r.textInput);
    for (const q of flagged) assert.ok(answered.some((r) => r.questionId === q.id), `answers to ${q.text}`);
  });

  it('seeds comments in several scripts, hostile text, tickets and malformed records', () => {
    const w = small();
    const comments = all(w).flatMap((a) => (Array.isArray(a.responses) ? a.responses : []))
      .map((r) => r.textInput).filter((t): t is string => typeof t === 'string');
    for (const re of [/[\u0600-\u06FF]/, /[\u0590-\u05FF]/, /[\u3040-\u30FF]/, /\p{Extended_Pictographic}/u, /[äöüß]/, /[éè]/]) {
      assert.ok(comments.some((c) => re.test(c)), `a comment matches ${re}`);
    }
    assert.ok(comments.some((c) => c.length >= 10_000), '10 kB comment');
    assert.ok(comments.some((c) => c.includes('\u202E')), 'RTL override');
    const tickets = all(w).filter((a) => a.openTicket).map((a) => a.openTicket!.status);
    for (const s of ['Open', 'Resolved', 'Closed']) assert.ok(tickets.includes(s), `ticket ${s}`);
  });

  it('counts sizes per profile option and never exceeds 60 surveys per customer', () => {
    const w = buildWorld({ seed: 3, profile: 'small', startDay: START, sizes: { customers: 50, answers: 700 } });
    assert.equal(w.customers.length, 50);
    assert.equal(w.answers.size, 700);
    assert.ok(w.customers.every((c) => c.surveyCount >= 0 && c.surveyCount <= 60));
    assert.equal(w.customers.reduce((s, c) => s + c.surveyCount, 0), 700);
  });

  it('appends answers with addAnswer: found by id, counted on the customer, never twice', () => {
    const w = small();
    const c = w.customers[10]!;
    const before = c.surveyCount;
    const qs = w.questions.filter((q) => q.setName === w.questionnaires[0]!.name);
    const cust = qs.find((q) => q.questionTags.includes('cc_CustomerId'))!;
    const answer: Answer = {
      id: 'abcdefabcdefabcdefabcdef', user: 'admin', locationId: w.questionnaires[0]!.name,
      responseDateTime: new Date().toISOString(), responseDuration: 30, surveyClient: 'voice',
      responses: [{ questionId: cust.id, questionText: cust.text, textInput: c.id, numberInput: null }],
      archived: false, notes: null, openTicket: null, deviceId: null,
    };
    const size = w.answers.size;
    addAnswer(w, answer);
    assert.equal(w.answers.size, size + 1);
    assert.deepEqual(w.answers.get(answer.id), answer);
    assert.equal(c.surveyCount, before + 1);
    assert.equal(all(w)[0]!.id, answer.id, 'newest first');
    assert.throws(() => addAnswer(w, answer));
  });
});
