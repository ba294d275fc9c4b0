import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import { becomeGadget, displayed, expectedFrom, people, rawAnswers } from './emu.js';
import { deepQuery, kpiValues } from './dom.js';

/** Normalise Intl's minus sign and spacing so "−12" and "-12", "87 %" and "87%" compare equal. */
const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));

describe('analytics agent view against the emulator', function () {
  this.timeout(60_000);
  let app: AnalyticsApp;
  let agent: { id: string; skillTargetId: string; teamId: string };

  before(async () => {
    agent = (await people()).agents[0]!;
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId' });
    const host = document.createElement('div');
    document.body.append(host);
    app = (await startAnalytics(host))!;
    expect(app, 'the app booted').to.exist;
  });

  const loaded = () =>
    waitUntil(() => deepQuery(app, '[part=period]') && !deepQuery(app, '[part=refreshing]') && app.updateComplete, 'not loaded', {
      timeout: 15000,
    });

  it('shows NPS, CSAT and CES equal to the raw answers of this agent (cceSkillTargetId) in the period', async () => {
    await loaded();
    const period = deepQuery(app, '[part=period]')!;
    const raw = await rawAnswers('cc_AgentId', agent.skillTargetId, period.getAttribute('data-after')!, period.getAttribute('data-before')!);
    expect(raw.length, 'the seeded agent has answers in 30 days').to.be.greaterThan(0);
    const want = displayed(await expectedFrom(raw));
    expect(norm(kpiValues(app))).to.deep.equal(norm(want));
    await expect(app).to.be.accessible();
  });

  it('a period without answers: "No responses" on every card, the agent wording, no zeros', async () => {
    const picker = deepQuery(app, 'cx-period-picker')!;
    const custom = deepQuery(picker, 'button[role=radio]:last-child') as HTMLButtonElement;
    custom.click();
    await waitUntil(() => deepQuery(picker, 'input[part=from]'));
    const from = deepQuery(picker, 'input[part=from]') as HTMLInputElement;
    const to = deepQuery(picker, 'input[part=to]') as HTMLInputElement;
    from.value = '2019-01-01';
    from.dispatchEvent(new Event('change'));
    to.value = '2019-01-03';
    to.dispatchEvent(new Event('change'));
    await waitUntil(() => deepQuery(app, '[part=empty]'), 'no empty state', { timeout: 15000 });
    expect(Object.values(kpiValues(app))).to.deep.equal(['No responses', 'No responses', 'No responses']);
    expect(deepQuery(app, '[part=empty]')!.getAttribute('message')).to.contain('No survey responses for you');
    await expect(app).to.be.accessible();
  });
});
