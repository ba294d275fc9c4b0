import { expect, fixture, html } from '@open-wc/testing';
import { csvText } from '../../gadgets/analytics/csv.js';
import '../../gadgets/analytics/agent-table.js';
import '../../gadgets/analytics/trend-panel.js';
import type { AgentTable } from '../../gadgets/analytics/agent-table.js';
import type { TrendPanel } from '../../gadgets/analytics/trend-panel.js';
import { npsSummary } from '../fakes/answers.js';

/** Clicks `button` and resolves with the text of the CSV file it offers (the download itself is prevented). */
function downloaded(button: HTMLElement): Promise<{ name: string; text: string }> {
  return new Promise((resolve) => {
    const grab = (e: Event) => {
      const a = e.composedPath()[0];
      if (!(a instanceof HTMLAnchorElement) || !a.download) return;
      e.preventDefault();
      document.removeEventListener('click', grab, true);
      void fetch(a.href)
        .then((r) => r.text())
        .then((text) => resolve({ name: a.download, text }));
    };
    document.addEventListener('click', grab, true);
    button.click();
  });
}

describe('CSV export', () => {
  it('follows the locale: "," and a dot in en-US, ";" and a decimal comma in de-DE; quotes and defuses text', () => {
    expect(csvText(['Agent', 'CES'], [['Ann', 5.25], ['=cmd()', -1], ['a;b', null]], 'en-US')).to.equal(
      'Agent,CES\r\nAnn,5.25\r\n\'=cmd(),-1\r\na;b,\r\n',
    );
    expect(csvText(['Agent', 'CES'], [['a;b', 5.25], ['say "hi"', 12000]], 'de-DE')).to.equal('Agent;CES\r\n"a;b";5,25\r\n"say ""hi""";12000\r\n');
  });

  it('the agent table downloads what it shows: team row, then agents in the shown order, with n and intervals', async () => {
    const el = await fixture<AgentTable>(html`<cx-agent-table
      .rows=${[{ agentId: '5001', summary: npsSummary(28, 8, 4), comments: [] }, { agentId: '5002', summary: npsSummary(2, 1, 11), comments: [] }]}
      .team=${npsSummary(30, 9, 15)}
      .metrics=${['nps']}
      .names=${new Map([['5001', 'Ann Lee']])}
      locale="en-US"
    ></cx-agent-table>`);
    const { name, text } = await downloaded(el.shadowRoot!.querySelector<HTMLElement>('[part=csv]')!);
    expect(name).to.equal('agents.csv');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).to.equal('Agent,Id,Responses,NPS,NPS n,NPS 95% low,NPS 95% high');
    expect(lines[1]).to.match(/^Whole team,,54,28,54,\d+,\d+$/);
    expect(lines[2]).to.match(/^Ann Lee,5001,40,60,40,\d+,\d+$/);
    expect(lines[3]).to.match(/^5002,5002,14,-64,14,-\d+,-\d+$/);
  });

  it('the trend downloads every bucket with its ISO date, value (none below the minimum), interval and n', async () => {
    const el = await fixture<TrendPanel>(html`<cx-trend-panel
      .buckets=${[
        { start: '2026-11-02', summary: npsSummary(8, 2, 2) },
        { start: '2026-11-03', summary: npsSummary(2, 0, 1) },
      ]}
      .metrics=${['nps']}
      .minSample=${10}
      locale="de-DE"
    ></cx-trend-panel>`);
    const { name, text } = await downloaded(el.shadowRoot!.querySelector<HTMLElement>('[part=csv]')!);
    expect(name).to.equal('trend-nps.csv');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.match(/^2026-11-02;50;\d+;\d+;12$/);
    expect(lines[2]).to.equal('2026-11-03;;;;3');
  });
});
