import { expect } from '@open-wc/testing';
import { buildFilter, channelOf, mergePage, newestFirst } from '../../gadgets/journey/query.js';
import { customerAnswer as answer, customerTagMap as tagMap } from '../fakes/answers.js';

const now = new Date('2026-11-26T12:00:00Z');
const opts = { questionnaires: [] as string[], filters: { period: 'all' as const, channel: 'all' as const }, now };

describe('journey query', () => {
  it('searches every identifier of the caller in one OR group (POD.ID mobile and ANI in the same Mobile question)', () => {
    const f = buildFilter(
      [
        { kind: 'customerId', value: 'C-42' },
        { kind: 'mobile', value: '+15550100' },
        { kind: 'email', value: 'a@b.c' },
        { kind: 'ani', value: '+15550199' },
      ],
      tagMap(),
      opts,
    );
    expect(f?.filterquestions).to.deep.equal([
      { questionId: 'q-cust', answerCheck: ['C-42'], groupBy: 'OR' },
      { questionId: 'q-mobile', answerCheck: ['+15550100', '15550100', '0015550100', '+15550199', '15550199', '0015550199'], groupBy: 'OR' },
      { questionId: 'q-email', answerCheck: ['a@b.c'], groupBy: 'OR' },
    ]);
    expect(buildFilter([{ kind: 'customerId', value: 'C-42' }], tagMap(), opts)?.filterquestions).to.deep.equal([{ questionId: 'q-cust', answerCheck: ['C-42'] }]);
  });

  it('leaves out identifiers the tenant has no question for', () => {
    const map = tagMap({ customerId: [] });
    const f = buildFilter(
      [
        { kind: 'customerId', value: 'C-42' },
        { kind: 'ani', value: '+15550100' },
      ],
      map,
      opts,
    );
    expect(f?.filterquestions?.[0]).to.include({ questionId: 'q-mobile' });
    expect(f?.filterquestions?.[0]?.answerCheck).to.deep.equal(['+15550100', '15550100', '0015550100']);
    expect(f?.filterquestions).to.have.length(1);
    expect(buildFilter([{ kind: 'email', value: 'a@b.c' }], tagMap({ email: [] }), opts)).to.equal(null);
    expect(buildFilter([], map, opts)).to.equal(null);
  });

  it('sends every stored form of a phone number in one filterquestion per question, and ids as they are', () => {
    const f = buildFilter([{ kind: 'ani', value: '+14085550100' }], tagMap({ customerId: [], mobile: ['q-mobile', 'q-mobile2'] }), opts);
    const forms = ['+14085550100', '14085550100', '4085550100', '(408) 555-0100'];
    expect(f?.filterquestions).to.deep.equal([
      { questionId: 'q-mobile', answerCheck: forms, groupBy: 'OR' },
      { questionId: 'q-mobile2', answerCheck: forms, groupBy: 'OR' },
    ]);
    const typed = buildFilter([{ kind: 'mobile', value: '+442079460958' }], tagMap({ customerId: [] }), opts);
    expect(typed?.filterquestions?.[0]?.answerCheck).to.deep.equal(['+442079460958', '442079460958', '00442079460958']);
    expect(buildFilter([{ kind: 'email', value: 'a@b.c' }], tagMap(), opts)?.filterquestions?.[0]?.answerCheck).to.deep.equal(['a@b.c']);
  });

  it('ORs the identity questions of several questionnaires', () => {
    const f = buildFilter([{ kind: 'customerId', value: 'C-1' }], tagMap({ customerId: ['q-cust', 'q-cust2'] }), opts);
    expect(f?.filterquestions?.map((x) => [x.questionId, x.groupBy])).to.deep.equal([
      ['q-cust', 'OR'],
      ['q-cust2', 'OR'],
    ]);
  });

  it('turns period, channel and questionnaires into the filter', () => {
    const f = buildFilter([{ kind: 'customerId', value: 'C-1' }], tagMap(), {
      questionnaires: ['PostCall'],
      filters: { period: '90d', channel: 'email' },
      now,
    });
    expect(f?.location).to.deep.equal(['PostCall']);
    expect(f?.channel).to.equal('email');
    expect(Date.parse(f?.afterdate ?? '')).to.equal(now.getTime() - 90 * 24 * 3600 * 1000);
    const all = buildFilter([{ kind: 'customerId', value: 'C-1' }], tagMap(), opts);
    expect(all).to.not.have.property('afterdate');
    expect(all).to.not.have.property('channel');
    expect(all).to.not.have.property('location');
  });

  it('maps free-form survey clients onto the four channels', () => {
    expect(['voice', 'IVR', 'email', 'SMS', 'JS-MicroWeb', 'InApp-Droid', 'tab'].map(channelOf)).to.deep.equal([
      'voice',
      'voice',
      'email',
      'sms',
      'web',
      'web',
      'web',
    ]);
  });

  it('sorts newest first and merges pages without duplicates', () => {
    const a = answer(5, {}, now);
    const b = answer(1, {}, now);
    const c = answer(3, {}, now);
    expect(newestFirst([a, b, c]).map((x) => x.id)).to.deep.equal([b.id, c.id, a.id]);
    expect(mergePage([b, c], [c, a]).map((x) => x.id)).to.deep.equal([b.id, c.id, a.id]);
  });
});
