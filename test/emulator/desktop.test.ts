/**
 * The emulated desktop renders a gadget from its XML (test/fixtures/probe.xml) in an iframe via /gadgets/ifr;
 * the probe records what it receives. The desktop is loaded through the test server's proxy, so it and its
 * gadget frames are same-origin with this page.
 */
import { expect } from '@open-wc/testing';
import { control, customerWithMobile, people, until, type Agent } from './support.js';

describe('emulated Finesse desktop', () => {
  let agent: Agent;
  let desk: HTMLIFrameElement;
  let doc: Document;
  let probeFrame: HTMLIFrameElement;
  const probe = () => (probeFrame.contentWindow as any)?.__probe;
  const wxmBaseUrl = 'http://wxm.example:8080';

  before(async () => {
    agent = (await people()).agents.at(-2)!;
    const gadget = `${location.origin}/test/fixtures/probe.xml?filterTags=cc_AgentId&wxmBaseUrl=${encodeURIComponent(wxmBaseUrl)}`;
    desk = document.createElement('iframe');
    desk.title = 'desktop';
    desk.style.cssText = 'width:1200px;height:900px';
    desk.src = `/desktop/container/?user=${agent.id}&layout=0&gadget=${encodeURIComponent(gadget)}`;
    const loaded = new Promise((r) => desk.addEventListener('load', r, { once: true }));
    document.body.append(desk);
    await loaded;
    doc = desk.contentDocument!;
    probeFrame = await until(
      () => doc.querySelector<HTMLIFrameElement>('.gadget[data-gadget-url*="probe.xml"] iframe'),
      'the probe frame',
    );
    await until(() => probe()?.dialogsLoaded, 'the probe to connect and load its dialogs');
  });

  after(() => desk.remove());

  it('shows the signed-in agent and the agent tabs', () => {
    expect(doc.querySelector('[data-part="user-name"]')!.textContent).to.equal(`${agent.firstName} ${agent.lastName}`);
    expect(doc.querySelector('[data-part="user-role"]')!.textContent).to.equal('Agent');
    const tabs = [...doc.querySelectorAll('[role="tab"]')].map((t) => t.textContent);
    expect(tabs).to.deep.equal(['Home', 'My Statistics']);
  });

  it('the probe got finesse.gadget.Config for that agent, the User, its UserPref default and its URL query', () => {
    const p = probe();
    expect(p.config.id).to.equal(agent.id);
    expect(p.config.authorization).to.equal(`Basic ${btoa(`${agent.id}:emulator`)}`);
    expect(p.config.cceSkillTargetId).to.equal(agent.skillTargetId);
    expect(p.user.firstName).to.equal(agent.firstName);
    expect(p.user.agent).to.equal(true);
    expect(p.greeting).to.equal('hello');
    const own = new URL(p.urlParam);
    expect(own.pathname).to.equal('/test/fixtures/probe.xml');
    expect(own.searchParams.get('filterTags')).to.equal('cc_AgentId');
    expect(own.searchParams.get('wxmBaseUrl')).to.equal(wxmBaseUrl);
  });

  it('follows setTitle, loadingindicator.dismiss and adjustHeight', async () => {
    const box = probeFrame.closest('.gadget')!;
    await until(() => box.querySelector('.gadget-title')!.textContent === `Probe for ${agent.firstName}`, 'the title');
    expect((box.querySelector('.gadget-loading') as HTMLElement).hidden).to.equal(true);
    expect(probeFrame.title).to.equal(`Probe for ${agent.firstName}`);
    const reported = await until(() => Number(box.getAttribute('data-height')), 'a reported height');
    expect(reported).to.be.greaterThan(0);
    await until(() => probeFrame.style.height === `${box.getAttribute('data-height')}px`, 'the frame height to follow');
  });

  it('the probe sees a call arrive ALERTING, then ACTIVE with POD.ID, then leave', async () => {
    const customer = await customerWithMobile();
    const { id } = await control<{ id: string }>('/calls', { user: agent.id, customerId: customer.id, podIdForm: 'bare', survey: false });
    await until(() => probe().dialogs[id], 'the dialog in the probe');
    expect(probe().events.find((e: any) => e.id === id).state).to.equal('ALERTING');
    await control(`/calls/${id}/answer`, {});
    const active = await until(() => probe().dialogs[id]?.state === 'ACTIVE' && probe().dialogs[id], 'ACTIVE');
    expect(active.media['user.POD.ID'] ?? active.media['POD.ID']).to.equal(customer.id);
    expect(active.from).to.equal(customer.mobile);
    // The control panel lists the call too.
    await until(() => doc.querySelector(`[data-dialog="${id}"]`), 'the call in the control panel');
    await control(`/calls/${id}/end`, {});
    await until(() => probe().events.some((e: any) => e.id === id && e.kind === 'deleted'), 'deleted');
    await until(() => !doc.querySelector(`[data-dialog="${id}"]`), 'the call to leave the control panel');
  });

  it('switching tabs (mouse or arrow keys) fires ACTIVE_TAB in the gadgets of the tab that opens', async () => {
    const before = probe().activeTabs.length;
    const home = doc.getElementById('tab-home') as HTMLButtonElement;
    const stats = doc.getElementById('tab-myStatistics') as HTMLButtonElement;
    stats.click();
    expect(doc.getElementById('panel-home')!.hidden).to.equal(true);
    expect(stats.getAttribute('aria-selected')).to.equal('true');
    await new Promise((r) => setTimeout(r, 100));
    expect(probe().activeTabs.length).to.equal(before, 'not fired for a tab that closes');
    stats.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(home.getAttribute('aria-selected')).to.equal('true');
    expect(doc.activeElement).to.equal(home);
    await until(() => probe().activeTabs.length === before + 1, 'ACTIVE_TAB in the probe');
  });

  it('makeActiveTabReq: answered with ACTIVE_TAB while the gadget\'s tab is shown, not while it is hidden', async () => {
    const cs = () => (probeFrame.contentWindow as any).finesse.containerservices.ContainerServices;
    const home = doc.getElementById('tab-home') as HTMLButtonElement;
    home.click();
    await new Promise((r) => setTimeout(r, 100));
    const shown = probe().activeTabs.length;
    cs().makeActiveTabReq();
    await until(() => probe().activeTabs.length === shown + 1, 'the answer to makeActiveTabReq');
    (doc.getElementById('tab-myStatistics') as HTMLButtonElement).click();
    cs().makeActiveTabReq();
    await new Promise((r) => setTimeout(r, 150));
    expect(probe().activeTabs.length).to.equal(shown + 1, 'no ACTIVE_TAB for a hidden tab');
    home.click();
  });

  it('dials a customer from the control panel: the agent\'s own outbound call, answered by the customer', async () => {
    const customer = await customerWithMobile();
    const who = await until(
      () => [...doc.querySelectorAll('select')].find((x) => x.labels?.[0]?.textContent === 'Customer to dial' && x.options.length > 0) as HTMLSelectElement | undefined,
      'the customer list of "Dial a customer"',
    );
    who.value = customer.id;
    const form = doc.querySelector('[aria-labelledby="h-dial"] form') as HTMLFormElement;
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const d: any = await until(
      () => Object.values(probe().dialogs).find((x: any) => x.from === agent.extension && x.kind !== 'deleted'),
      'the outbound call in the probe',
    );
    expect(d.state).to.equal('INITIATED');
    const { dialogs } = await control<{ dialogs: Array<{ id: string; toAddress: string; callType: string }> }>(`/calls?user=${agent.id}`);
    const out = dialogs.find((x) => x.id === d.id)!;
    expect(out.toAddress).to.equal(customer.mobile);
    expect(out.callType).to.equal('OUT');
    const answer = await until(() => doc.querySelector(`[data-dialog="${d.id}"] button[aria-label^="Customer answers"]`) as HTMLButtonElement | null, 'the Customer answers button');
    answer.click();
    await until(() => probe().dialogs[d.id]?.state === 'ACTIVE', 'ACTIVE once the customer answers');
    await control(`/calls/${d.id}/end`, {});
  });

  it('places a call from the control panel for this agent', async () => {
    const select = await until(() => {
      const s = [...doc.querySelectorAll('select')].find((x) => x.labels?.[0]?.textContent === 'Caller');
      return s as HTMLSelectElement | undefined;
    }, 'the caller select');
    select.value = 'ani';
    const typed = [...doc.querySelectorAll('input')].find((x) => x.labels?.[0]?.textContent === 'ANI or POD.ID')!;
    typed.value = '+14085550123';
    const count = Object.keys(probe().dialogs).length;
    (doc.querySelector('#control form button[type="submit"]') as HTMLButtonElement).click();
    const d: any = await until(
      () => Object.values(probe().dialogs).find((x: any) => x.from === '+14085550123' && x.kind !== 'deleted'),
      'the panel call in the probe',
    );
    expect(Object.keys(probe().dialogs).length).to.equal(count + 1);
    const { dialogs } = await control<{ dialogs: { id: string }[] }>(`/calls?user=${agent.id}`);
    for (const x of dialogs) await control(`/calls/${x.id}/end`, {});
    expect(d.state).to.equal('ALERTING');
  });

  it('has no axe violations on the desktop page', async function () {
    this.timeout(60_000); // axe over a whole page is slow on a loaded machine
    expect(await axeViolations(desk)).to.deep.equal([]);
  });

  it('has no axe violations on the sign-in chooser, which lists agents and supervisors', async function () {
    this.timeout(60_000);
    const chooser = document.createElement('iframe');
    chooser.title = 'chooser';
    chooser.src = '/desktop/container/';
    const loaded = new Promise((r) => chooser.addEventListener('load', r, { once: true }));
    document.body.append(chooser);
    await loaded;
    try {
      const links = [...chooser.contentDocument!.querySelectorAll('a[href^="?user="]')].map((a) => a.getAttribute('href'));
      const { agents, supervisors } = await people();
      expect(links.length).to.equal(agents.length + supervisors.length);
      expect(await axeViolations(chooser)).to.deep.equal([]);
    } finally {
      chooser.remove();
    }
  });
});

/** Runs axe inside a same-origin frame's document (gadget frames excluded: they are the gadgets' own tests). */
async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const doc = frame.contentDocument!;
  await new Promise<void>((resolve, reject) => {
    const s = doc.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('axe did not load'));
    doc.head.append(s);
  });
  const result = await (frame.contentWindow as any).axe.run(doc, { iframes: false });
  return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
}
