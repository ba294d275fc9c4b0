/** The supervisor's desktop: Team Data tab, silent monitor from the control panel, accessible. */
import { expect } from '@open-wc/testing';
import { control, people, until, type Supervisor } from './support.js';

describe('emulated supervisor desktop', () => {
  let sup: Supervisor;
  let desk: HTMLIFrameElement;
  let doc: Document;

  before(async () => {
    sup = (await people()).supervisors.at(-1)!;
    desk = document.createElement('iframe');
    desk.title = 'supervisor desktop';
    desk.style.cssText = 'width:1200px;height:900px';
    desk.src = `/desktop/container/?user=${sup.id}&layout=0`;
    const loaded = new Promise((r) => desk.addEventListener('load', r, { once: true }));
    document.body.append(desk);
    await loaded;
    doc = desk.contentDocument!;
  });
  after(() => desk.remove());

  it('shows the supervisor role with the Team Data tab', () => {
    expect(doc.querySelector('[data-part="user-role"]')!.textContent).to.equal('Supervisor');
    const tabs = [...doc.querySelectorAll('[role="tab"]')].map((t) => t.textContent);
    expect(tabs).to.include('Team Data');
    expect(tabs).not.to.include('My Statistics');
  });

  it('offers only agents of the supervised teams for silent monitor, and starts a monitor dialog', async () => {
    const { agents } = await people();
    const select = await until(
      () => [...doc.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === 'Agent') as HTMLSelectElement | undefined,
      'the monitor agent select',
    );
    const offered = [...select.options].map((o) => o.value);
    const expected = agents.filter((a) => sup.supervisedTeamIds.includes(a.teamId)).map((a) => a.id);
    expect(offered).to.deep.equal(expected);
    select.value = offered[0]!;
    select.closest('form')!.querySelector('button')!.click();
    const li = await until(() => doc.querySelector('[data-dialog]'), 'the monitor dialog in the panel');
    expect(li.textContent).to.contain('SUPERVISOR_MONITOR');
    const { dialogs } = await control<{ dialogs: { id: string; toAddress: string }[] }>(`/calls?user=${sup.id}`);
    expect(dialogs.length).to.equal(1);
    expect(dialogs[0]!.toAddress).to.equal(agents.find((a) => a.id === offered[0])!.extension);
    await control(`/calls/${dialogs[0]!.id}/end`, {});
    await until(() => !doc.querySelector('[data-dialog]'), 'the monitor to end');
  });

  it('has no axe violations', async function () {
    this.timeout(60_000); // axe over a whole page is slow on a loaded machine
    await new Promise<void>((resolve, reject) => {
      const s = doc.createElement('script');
      s.src = '/node_modules/axe-core/axe.min.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('axe did not load'));
      doc.head.append(s);
    });
    const result = await (desk.contentWindow as any).axe.run(doc, { iframes: false });
    expect(result.violations.map((v: any) => v.id)).to.deep.equal([]);
  });
});
