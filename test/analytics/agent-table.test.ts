import { expect, fixture, html } from '@open-wc/testing';
import '../../gadgets/analytics/agent-table.js';
import type { AgentTable } from '../../gadgets/analytics/agent-table.js';
import type { AgentRow } from '../../gadgets/analytics/plan.js';
import { npsSummary } from '../fakes/answers.js';

const row = (agentId: string, p: number, q: number, d: number): AgentRow => ({ agentId, summary: npsSummary(p, q, d), comments: [] });
// One perfect answer (NPS 100, n 1) against a steady 60 from 40 answers, and a poor −64 from 14.
const rows = [row('5001', 1, 0, 0), row('5002', 28, 8, 4), row('5003', 2, 1, 11)];

describe('<cx-agent-table>', () => {
  const make = () =>
    fixture<AgentTable>(html`<cx-agent-table
      style="width: 700px"
      .rows=${rows}
      .team=${npsSummary(31, 9, 15)}
      .metrics=${['nps']}
      .names=${new Map([['5002', 'Ann Lee']])}
      .supervisors=${new Set(['5003'])}
      locale="en-US"
    ></cx-agent-table>`);
  const order = (el: AgentTable) => [...el.shadowRoot!.querySelectorAll('tbody tr[data-agent]')].map((r) => r.getAttribute('data-agent'));
  const sortBy = async (el: AgentTable, key: string) => {
    el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-key=${key}]`)!.click();
    await el.updateComplete;
  };

  it('heads with the team row; cells read "−64 · n 14" with the 95% range on hover; names where known, ids otherwise', async () => {
    const el = await make();
    const first = el.shadowRoot!.querySelector('tbody tr')!;
    expect(first.getAttribute('part')).to.equal('team-row');
    expect(first.textContent!.replace(/\s+/g, ' ')).to.contain('Whole team');
    const cell = el.shadowRoot!.querySelector('tr[data-agent="5003"] td[data-metric=nps]')!;
    expect(cell.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^-64 · n 14, 95% range -\d+ to -\d+/);
    expect(cell.getAttribute('title')).to.match(/^95% range -\d+ to -\d+$/);
    const name = (id: string) => el.shadowRoot!.querySelector(`tr[data-agent="${id}"] th`)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(name('5002')).to.equal('Ann Lee');
    expect(name('5001')).to.equal('5001');
    expect(name('5003')).to.equal('5003 · supervisor');
    await expect(el).to.be.accessible();
  });

  it('ranks by the lower bound by default, so one perfect answer does not top the table; by value on request', async () => {
    const el = await make();
    await sortBy(el, 'nps');
    // 5001's single answer (n 1 < the minimum of 10) ranks after the rows that reach it.
    expect(order(el)).to.deep.equal(['5002', '5003', '5001']);
    const seg = el.shadowRoot!.querySelector('cx-segmented')!;
    [...seg.shadowRoot!.querySelectorAll<HTMLElement>('button, [role=radio]')].find((b) => b.textContent!.trim() === 'value')!.click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['5001', '5002', '5003']);
  });

  it('fits a 700 px gadget: no column cut off', async () => {
    const el = await make();
    const scroll = el.shadowRoot!.querySelector('.scroll') as HTMLElement;
    expect(scroll.scrollWidth).to.be.at.most(scroll.clientWidth);
  });
});
