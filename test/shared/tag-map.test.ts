import { expect } from '@open-wc/testing';
import { buildTagMap, parseScale, scaleIndex } from '../../shared/wxm/tag-map.js';
import type { Question } from '../../shared/wxm/types.js';
import { questionOf } from '../fakes/answers.js';

let seq = 0;
function q(over: Partial<Question>): Question {
  seq++;
  return questionOf({ id: seq.toString(16).padStart(24, '0'), text: 'q', sequence: seq, ...over });
}

describe('parseScale', () => {
  it('reads "min;label-max;label"', () => {
    expect(parseScale(['0;Not likely-10;Very likely'])).to.deep.equal({ min: 0, max: 10 });
    expect(parseScale(['1;Very difficult-7;Very easy'])).to.deep.equal({ min: 1, max: 7 });
  });
  it('is not confused by a dash inside a label', () => {
    expect(parseScale(['1;Not at all - never-5;Extremely'])).to.deep.equal({ min: 1, max: 5 });
  });
  it('orders reversed ends', () => {
    expect(parseScale(['5;Best-1;Worst'])).to.deep.equal({ min: 1, max: 5 });
  });
  it('reads a list of numeric choices', () => {
    expect(parseScale(['1', '2', '3', '4', '5'])).to.deep.equal({ min: 1, max: 5 });
  });
  it('gives nothing for text choices or nothing', () => {
    expect(parseScale(['Yes', 'No'])).to.equal(undefined);
    expect(parseScale(null)).to.equal(undefined);
    expect(parseScale([])).to.equal(undefined);
    expect(parseScale(['garbage'])).to.equal(undefined);
  });
});

describe('buildTagMap', () => {
  it('hides questions flagged restrictedData or sensitiveData', () => {
    const restricted = q({ restrictedData: true, text: 'Account number' });
    const sensitive = q({ sensitiveData: true, text: 'Circumstances' });
    const plain = q({});
    const map = buildTagMap([restricted, sensitive, plain]);
    expect([...map.hidden]).to.have.members([restricted.id, sensitive.id]);
  });

  it('gives no scale to a text-typed metric question: its numberInput is WxM\'s 0 filler', () => {
    const select = q({ displayType: 'Select', questionTags: ['CSAT', 'csat_satisfaction_5'], multiSelect: ['Bad', 'Good'] });
    const scale = q({ displayType: 'Scale', questionTags: ['NPS'], multiSelect: ['0;a-10;b'] });
    const scales = scaleIndex(buildTagMap([select, scale]));
    expect(scales.has(select.id)).to.equal(false);
    expect(scales.get(scale.id)).to.deep.equal({ min: 0, max: 10 });
  });

  const nps = q({ displayType: 'Scale', multiSelect: ['0;Not likely-10;Very likely'], questionTags: ['NPS'] });
  const csat = q({ displayType: 'Scale', multiSelect: ['1;Very dissatisfied-5;Very satisfied'], questionTags: ['CSAT', 'csat_satisfaction_5'] });
  const ces = q({ displayType: 'Smile-5', questionTags: ['ces', 'CES_EFFORT_7'] });
  const comments = q({ displayType: 'MultilineText', questionTags: ['Comments'] });
  const agent = q({ apiFill: true, questionTags: ['cc_AgentId'] });
  const team = q({ apiFill: true, questionTags: ['CC_TEAMID'] });
  const customer = q({ apiFill: true, questionTags: ['cc_CustomerId'] });
  const mobile = q({ questionTags: ['mobile'], piiSettings: { isPII: true, piiType: 'Phone' } });
  const email = q({ questionTags: ['Email'] });
  const custom = q({ apiFill: true, questionTags: ['cc_Region'] });
  const other = q({ setName: 'WebSurvey', displayType: 'Scale', multiSelect: ['0;No-10;Yes'], questionTags: ['nps'] });
  const retired = q({ displayType: 'Scale', multiSelect: ['0;No-10;Yes'], questionTags: ['NPS'], isRetired: true });
  const all = [nps, csat, ces, comments, agent, team, customer, mobile, email, custom, other, retired];

  it('finds metric questions by tag, case-insensitively, with their scales', () => {
    const m = buildTagMap(all);
    expect(m.nps.map((x) => x.id)).to.deep.equal([nps.id, other.id, retired.id]);
    expect(m.nps[0]).to.deep.equal({ id: nps.id, questionnaire: 'PostCall', scale: { min: 0, max: 10 } });
    expect(m.csat).to.deep.equal([{ id: csat.id, questionnaire: 'PostCall', scale: { min: 1, max: 5 }, variant: 'csat_satisfaction_5' }]);
  });

  it('takes the scale from the variant tag when multiSelect is silent', () => {
    const m = buildTagMap(all);
    expect(m.ces).to.deep.equal([{ id: ces.id, questionnaire: 'PostCall', scale: { min: 1, max: 7 }, variant: 'ces_effort_7' }]);
  });

  it('maps identity, comments and context tags', () => {
    const m = buildTagMap(all);
    expect(m.comments).to.deep.equal([comments.id]);
    expect(m.identity).to.deep.equal({ customerId: [customer.id], mobile: [mobile.id], email: [email.id], name: [] });
    expect(m.context.cc_AgentId).to.deep.equal([agent.id]);
    expect(m.context.cc_TeamId).to.deep.equal([team.id]);
    expect(m.context.cc_CustomerId).to.deep.equal([customer.id]);
    expect(m.context.cc_Region).to.deep.equal([custom.id]);
  });

  it('hides apiFill and PII questions, and only those', () => {
    const m = buildTagMap(all);
    expect([...m.hidden].sort()).to.deep.equal([agent.id, team.id, customer.id, mobile.id, custom.id].sort());
    expect(m.byId.size).to.equal(all.length);
  });

  it('limits itself to the configured questionnaires', () => {
    const m = buildTagMap(all, ['websurvey']);
    expect(m.nps.map((x) => x.id)).to.deep.equal([other.id]);
    expect(m.byId.size).to.equal(1);
    expect(m.context).to.deep.equal({});
  });

  it('indexes scales for validation', () => {
    const s = scaleIndex(buildTagMap(all));
    expect(s.get(nps.id)).to.deep.equal({ min: 0, max: 10 });
    expect(s.get(ces.id)).to.deep.equal({ min: 1, max: 7 });
    expect(s.has(comments.id)).to.equal(false);
  });
});
