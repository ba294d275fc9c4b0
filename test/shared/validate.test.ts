import { expect } from '@open-wc/testing';
import { validateAnswer, validateAnswers, validateQuestion, validateQuestions } from '../../shared/wxm/validate.js';
import { buildTagMap, scaleIndex } from '../../shared/wxm/tag-map.js';

const NPS_Q = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const TEXT_Q = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const scales = new Map([[NPS_Q, { min: 0, max: 10 }]]);

const answer = (over: Record<string, unknown> = {}) => ({
  id: 'ans-1',
  user: 'u',
  locationId: 'PostCall',
  responseDateTime: '2026-11-20T10:00:00Z',
  responseDuration: 42,
  surveyClient: 'voice',
  responses: [
    { questionId: NPS_Q, questionText: 'How likely…', textInput: null, numberInput: 9 },
    { questionId: TEXT_Q, questionText: 'Comments', textInput: 'Great', numberInput: null },
  ],
  archived: false,
  notes: null,
  openTicket: null,
  deviceId: null,
  ...over,
});

describe('validate answers', () => {
  it('keeps a well-formed answer unchanged', () => {
    const raw = answer();
    const r = validateAnswer(raw, scales);
    expect(r?.dropped).to.equal(0);
    expect(r?.answer).to.deep.equal(raw);
  });

  for (const [label, over] of [
    ['no id', { id: undefined }],
    ['an empty id', { id: '  ' }],
    ['a date that is not a date', { responseDateTime: 'yesterday-ish' }],
    ['no date', { responseDateTime: null }],
    ['responses that are not a list', { responses: 'oops' }],
  ] as const) {
    it(`drops a record with ${label}`, () => {
      expect(validateAnswer(answer(over as Record<string, unknown>), scales)).to.equal(null);
    });
  }

  it('drops things that are not records at all', () => {
    for (const raw of [null, 42, 'x', [], undefined]) expect(validateAnswer(raw)).to.equal(null);
  });

  it('drops an out-of-scale number as one response and keeps the rest of the answer', () => {
    const r = validateAnswer(answer({ responses: [
      { questionId: NPS_Q, questionText: 'NPS', textInput: null, numberInput: 11 },
      { questionId: TEXT_Q, questionText: 'Comments', textInput: 'still useful', numberInput: null },
    ] }), scales);
    expect(r?.dropped).to.equal(1);
    expect(r?.answer.responses.map((x) => x.questionId)).to.deep.equal([TEXT_Q]);
  });

  it('keeps a text answer with WxM\'s numberInput 0 even on a question that has a scale (a labelled CSAT select)', () => {
    const question = (id: string, displayType: string, tags: string[], multiSelect: string[] | null) =>
      validateQuestion({ id, text: id, displayType, multiSelect, questionTags: tags, apiFill: false, isRetired: false, setName: 'PostCall', sequence: 1 })!;
    const map = buildTagMap([
      question(NPS_Q, 'Scale', ['NPS'], ['0;Not likely-10;Very likely']),
      question(TEXT_Q, 'Select', ['CSAT', 'csat_satisfaction_5'], ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']),
    ]);
    const r = validateAnswer(answer({ responses: [
      { questionId: NPS_Q, questionText: 'NPS', textInput: null, numberInput: 0 },
      { questionId: TEXT_Q, questionText: 'CSAT', textInput: 'Very satisfied', numberInput: 0 },
    ] }), scaleIndex(map));
    expect(r?.dropped).to.equal(0);
    expect(r?.answer.responses.map((x) => [x.textInput, x.numberInput])).to.deep.equal([[null, 0], ['Very satisfied', 0]]);
  });

  it('keeps the restrictedData and sensitiveData flags of a question', () => {
    const base = { id: NPS_Q, text: 't', displayType: 'Text', multiSelect: null, questionTags: [], apiFill: false, isRetired: false, setName: 'x', sequence: 1 };
    expect(validateQuestion({ ...base, restrictedData: true })).to.include({ restrictedData: true });
    expect(validateQuestion({ ...base, sensitiveData: true })).to.include({ sensitiveData: true });
    expect(validateQuestion(base)).to.not.have.property('restrictedData');
  });

  it('accepts the scale ends and rejects just outside them', () => {
    const at = (n: number) => validateAnswer(answer({ responses: [{ questionId: NPS_Q, questionText: '', textInput: null, numberInput: n }] }), scales)!.answer.responses.length;
    expect([at(0), at(10), at(-1), at(10.5)]).to.deep.equal([1, 1, 0, 0]);
  });

  it('tolerates responses to unknown questions, whatever their number', () => {
    const r = validateAnswer(answer({ responses: [{ questionId: 'unknown-q', questionText: '', textInput: null, numberInput: 999 }] }), scales);
    expect(r?.answer.responses).to.have.length(1);
  });

  it('drops responses with a non-numeric number, NaN or no question id', () => {
    const r = validateAnswer(answer({ responses: [
      { questionId: NPS_Q, textInput: null, numberInput: '9' },
      { questionId: NPS_Q, textInput: null, numberInput: Number.NaN },
      { textInput: 'orphan', numberInput: null },
      null,
      { questionId: TEXT_Q, textInput: { html: '<b>' }, numberInput: null },
    ] }), scales);
    expect(r?.dropped).to.equal(5);
    expect(r?.answer.responses).to.deep.equal([]);
  });

  it('fills missing optional fields with safe defaults and drops unknown wire fields', () => {
    const r = validateAnswer({ id: 'x', responseDateTime: '2026-01-01T00:00:00Z', responses: [], extra: '<script>' });
    expect(r?.answer).to.deep.equal({
      id: 'x', user: '', locationId: '', responseDateTime: '2026-01-01T00:00:00Z', responseDuration: 0, surveyClient: '',
      responses: [], archived: false, notes: null, openTicket: null, deviceId: null,
    });
  });

  it('keeps notes and ticket status when well-formed', () => {
    const r = validateAnswer(answer({
      notes: [{ user: 'sup', authorName: 'Sue', noteTime: '2026-11-21T00:00:00Z', note: 'called back' }, 'junk'],
      openTicket: { status: 'Resolved', assignedTo: 'sup' },
    }));
    expect(r?.answer.notes).to.have.length(1);
    expect(r?.answer.openTicket?.status).to.equal('Resolved');
  });

  it('counts dropped records and responses over a batch', () => {
    const raw = [answer({ id: 'a' }), { id: 'b' }, answer({ id: 'c', responses: [{ questionId: NPS_Q, textInput: null, numberInput: 12 }] }), 7];
    const v = validateAnswers(raw, scales);
    expect(v.answers.map((a) => a.id)).to.deep.equal(['a', 'c']);
    expect(v.malformed).to.equal(2);
    expect(v.droppedResponses).to.equal(1);
  });

  it('treats a non-list batch as empty', () => {
    expect(validateAnswers({ responses: [] })).to.deep.equal({ answers: [], malformed: 0, droppedResponses: 0 });
  });
});

describe('validate questions', () => {
  const q = { id: NPS_Q, text: 'How likely', displayType: 'Scale', multiSelect: ['0;No-10;Yes'], questionTags: ['NPS'], apiFill: false, isRetired: false, setName: 'PostCall', sequence: 1 };

  it('keeps a well-formed question', () => {
    expect(validateQuestion(q)).to.deep.equal({ ...q, piiSettings: null });
  });

  it('defaults missing tags to none and drops non-string tags', () => {
    expect(validateQuestion({ ...q, questionTags: undefined })?.questionTags).to.deep.equal([]);
    expect(validateQuestion({ ...q, questionTags: ['NPS', 3, null] })?.questionTags).to.deep.equal(['NPS']);
  });

  it('reads PII settings', () => {
    expect(validateQuestion({ ...q, piiSettings: { isPII: true, piiType: 'Phone' } })?.piiSettings).to.deep.equal({ isPII: true, piiType: 'Phone' });
  });

  it('drops questions without an id or with tags that are not a list, and counts them', () => {
    const v = validateQuestions([q, { ...q, id: '' }, { ...q, questionTags: 'NPS' }, null]);
    expect(v.questions).to.have.length(1);
    expect(v.malformed).to.equal(3);
  });
});
