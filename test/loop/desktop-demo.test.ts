/**
 * The emulated desktop's control panel closes the loop by hand and on its own: a deferred (SMS/email) survey is
 * answered later from "Survey links", and "Run the feedback loop demo" narrates every step in a live log, with the
 * analytics count and the journey's top entry read back from the gadgets themselves.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { control, people } from '../analytics/emu.js';

type Win = Window & { __cxDemo?: { run(): Promise<{ ok: boolean }> }; axe?: { run(ctx: Element): Promise<{ violations: { id: string }[] }> } };

describe('desktop control panel: the feedback loop', function () {
  this.timeout(120_000);
  let frame: HTMLIFrameElement;
  let agent: { id: string; skillTargetId: string };
  const doc = () => frame.contentDocument!;
  const win = () => frame.contentWindow as Win;
  const button = (text: string) =>
    [...doc().querySelectorAll('button')].find((b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text) as HTMLButtonElement | undefined;
  const facts = (customer?: string) =>
    control('demo/facts', { agent: agent.id, customer }) as Promise<{ agentResponses: number; customerResponses: number; newest?: { nps: number } }>;

  before(async () => {
    await control('faults', undefined, 'DELETE');
    agent = (await people()).agents[6]!;
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:1400px;height:900px';
    frame.src = `/desktop/container/?user=${encodeURIComponent(agent.id)}&demoPace=0`;
    document.body.append(frame);
    await waitUntil(() => win()?.__cxDemo && button('Run the feedback loop demo'), 'the desktop did not load', { timeout: 20_000 });
  });
  after(() => frame.remove());

  it('a deferred survey waits in "Survey links" and lands once when answered from the panel', async () => {
    const customers = ((await control('customers?limit=60', undefined, 'GET')) as { customers: { id: string; traits: string[] }[] }).customers;
    const customer = customers.filter((c) => !c.traits.length)[30]!;
    const was = await facts(customer.id);
    const set = (label: string, value: string) => {
      const id = [...doc().querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor;
      const input = doc().getElementById(id) as HTMLInputElement;
      if (input.type === 'checkbox') input.checked = value === 'on';
      else input.value = value;
    };
    set('NPS 0–10', '2');
    set('Send the survey as an SMS/email link (answered later)', 'on');
    const call = (await control('calls', { user: agent.id, customerId: customer.id })) as { id: string };
    await waitUntil(() => button(`Answer call ${call.id}`), 'the call did not ring', { timeout: 10_000 });
    button(`Answer call ${call.id}`)!.click();
    await waitUntil(() => button(`End call ${call.id}`) && !button(`Answer call ${call.id}`), 'not answered', { timeout: 10_000 });
    button(`End call ${call.id}`)!.click();
    await waitUntil(() => button(`Answer the survey link of call ${call.id}`), 'no link waiting', { timeout: 15_000 });
    expect((await facts(customer.id)).customerResponses, 'nothing before the customer answers').to.equal(was.customerResponses);

    button(`Answer the survey link of call ${call.id}`)!.click();
    await waitUntil(() => doc().querySelector(`[data-survey="${call.id}"]`)?.textContent?.includes('answered'), 'not answered', { timeout: 15_000 });
    const now = await facts(customer.id);
    expect(now.customerResponses).to.equal(was.customerResponses + 1);
    expect(now.agentResponses).to.equal(was.agentResponses + 1);
    expect(now.newest!.nps).to.equal(2);
    expect(button(`Answer the survey link of call ${call.id}`), 'no second answer offered').to.equal(undefined);
    set('Send the survey as an SMS/email link (answered later)', 'off');
    set('NPS 0–10', '');
  });

  it('"Run the feedback loop demo" narrates each step and the numbers move by exactly one response', async () => {
    const was = await facts();
    button('Run the feedback loop demo')!.click();
    const log = doc().querySelector('[role=log]')!;
    expect(log.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(() => log.querySelector('li.done') || log.querySelector('li.error'), 'the demo did not finish', { timeout: 90_000 });
    const lines = [...log.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect([...log.querySelectorAll('li.error')].map((li) => li.textContent)).to.deep.equal([]);
    for (const step of ['1.', '2.', '3.', '4.', '5.', '6.', '7.']) expect(lines.some((l) => l.includes(` ${step} `)), `step ${step}`).to.equal(true);
    const prefills = lines.find((l) => l.includes('cc_AgentId = '))!;
    expect(prefills).to.contain(`cc_AgentId = ${agent.skillTargetId}`);
    const card = /counts (\d+) responses \(was (\d+)\)/.exec(lines.join('\n'));
    expect(card, 'the analytics count was read from the gadget').to.not.equal(null);
    expect(Number(card![1])).to.equal(Number(card![2]) + 1);
    expect(lines.some((l) => l.includes('on top'))).to.equal(true);
    expect((await facts()).agentResponses, 'one survey for two calls').to.equal(was.agentResponses + 1);
    expect(button('Run the feedback loop demo')!.disabled).to.equal(false);
  });

  it('the control panel passes axe', async () => {
    await new Promise<void>((resolve, reject) => {
      const s = doc().createElement('script');
      s.src = '/node_modules/axe-core/axe.min.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('axe-core did not load'));
      doc().head.append(s);
    });
    const result = await win().axe!.run(doc().getElementById('control')!);
    expect(result.violations.map((v) => v.id)).to.deep.equal([]);
  });
});

describe('desktop control panel: the feedback loop on a supervisor desktop', function () {
  this.timeout(120_000);
  it('calls ring an agent of the supervised team and Team Data counts exactly one more response', async () => {
    await control('faults', undefined, 'DELETE');
    const sup = (await people()).supervisors[0]!;
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1400px;height:900px';
    frame.src = `/desktop/container/?user=${encodeURIComponent(sup.id)}&demoPace=0`;
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as Window & { __cxDemo?: { run(): Promise<{ ok: boolean }> } };
      await waitUntil(() => win()?.__cxDemo, 'the desktop did not load', { timeout: 20_000 });
      const result = await win().__cxDemo!.run();
      const lines = [...frame.contentDocument!.querySelectorAll('[role=log] li')].map((li) => li.textContent ?? '');
      expect(result.ok, lines.join('\n')).to.equal(true);
      const card = /counts (\d+) responses \(was (\d+)\)/.exec(lines.join('\n'));
      expect(card, lines.join('\n')).to.not.equal(null);
      expect(Number(card![1])).to.equal(Number(card![2]) + 1);
      expect(lines.join('\n')).to.contain(`cc_TeamId = ${sup.supervisedTeamIds[0]}`);
    } finally {
      frame.remove();
    }
  });
});
