/**
 * The Finesse adapter against the emulator's container (Shindig features) and finesse.js, loaded into this page
 * the way a gadget page loads them. One user per page: agent 1001 here.
 */
import { expect } from '@open-wc/testing';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import type { CallEvent, FinesseAdapter, FinesseSession } from '../../shared/finesse/types.js';
import { createTokenClient } from '../../shared/token/token-client.js';
import { basic, control, loadScript, until, world, type EmuAgentJson } from './live.js';

const GADGET_URL = 'https://cx.example.com/3rdpartygadget/files/cx/journey.xml?filterTags=cc_AgentId&minSample=5';

interface Customer {
  id: string;
  mobile: string | null;
  email: string | null;
}

describe('Finesse adapter against the emulator', function () {
  this.timeout(30_000);
  let adapter: FinesseAdapter;
  let session: FinesseSession;
  let me: EmuAgentJson;
  const events: CallEvent[] = [];
  const eventsOf = (id: string) => events.filter((e) => e.call.dialogId === id).map((e) => e.kind);

  before(async () => {
    const w = await world();
    me = w.agents.find((a) => a.id === '1001')!;
    await loadScript(`/gadgets/container.js?user=1001&url=${encodeURIComponent(GADGET_URL)}&up_refreshSeconds=120`);
    await loadScript('/desktop/assets/js/jquery.min.js');
    await loadScript('/desktop/assets/js/finesse.js');
    adapter = createFinesseAdapter({ calls: watchCalls });
    session = await adapter.connect();
    adapter.onCall((e) => events.push(e));
  });

  it('builds the session from Config and the User', async () => {
    const w = await world();
    const team = w.teams.find((t) => t.id === me.teamId)!;
    expect(session.role).to.equal('agent');
    expect(session.loginId).to.equal('1001');
    expect(session.cceSkillTargetId).to.equal(me.skillTargetId);
    expect(session.wxmAgentId).to.equal(me.skillTargetId);
    expect(session.agentIdSource).to.equal('config');
    expect(session.firstName).to.equal(me.firstName);
    expect(session.lastName).to.equal(me.lastName);
    expect(session.team).to.deep.equal({ id: team.id, name: team.name });
    expect(session.supervisedTeams).to.deep.equal([]);
    expect(session.locale).to.equal('en-US');
    expect(session.finesseOrigin).to.equal(location.origin);
    expect(session.authHeader()).to.equal(basic('1001'));
    expect(JSON.stringify(session)).to.not.include(basic('1001').slice(6));
  });

  it('gets a WxM token with the session (same-origin token service)', async () => {
    const tokens = createTokenClient({ authHeader: session.authHeader });
    expect(await tokens.getToken()).to.be.a('string').with.length.greaterThan(10);
    tokens.dispose();
  });

  it('reads the gadget URL parameters and the UserPrefs', () => {
    expect(adapter.gadgetParams().get('filterTags')).to.equal('cc_AgentId');
    expect(adapter.gadgetParams().get('minSample')).to.equal('5');
    expect(adapter.userPrefs().refreshSeconds).to.equal('120');
    adapter.setPref('selectedTeam', '102');
    expect(adapter.userPrefs().selectedTeam).to.equal('102');
  });

  it('turns a placed call into offered → accepted → ended, with the caller ids', async () => {
    const { customers } = await control<{ customers: Customer[] }>('customers?limit=50');
    const c = customers.find((x) => x.mobile)!;
    const { id } = await control<{ id: string }>('calls', { user: '1001', customerId: c.id });
    await until(() => eventsOf(id).includes('offered'), 5000, 'offered');
    const offered = events.find((e) => e.call.dialogId === id && e.kind === 'offered')!;
    expect(offered.call.state).to.equal('ALERTING');
    expect(offered.call.monitor).to.equal(false);
    expect(offered.call.withheld).to.equal(false);
    expect(offered.call.callerIds).to.deep.equal([
      { kind: 'customerId', value: c.id },
      { kind: 'ani', value: '+' + c.mobile!.replace(/\D/g, '') },
    ]);
    await control(`calls/${id}/answer`, {});
    await until(() => eventsOf(id).includes('accepted'), 5000, 'accepted');
    await control(`calls/${id}/end`, {});
    await until(() => eventsOf(id).includes('ended'), 5000, 'ended');
    expect(eventsOf(id).filter((k) => k !== 'changed')).to.deep.equal(['offered', 'accepted', 'ended']);
  });

  it('reads POD.ID pairs under either key and marks a withheld ANI', async () => {
    const { id } = await control<{ id: string }>('calls', {
      user: '1001',
      ani: 'withheld',
      podIdKey: 'POD.ID',
      podId: 'Email=Jane@Example.com;cc_CustomerId=C-9;Mobile=0044 7700 900123',
    });
    await until(() => eventsOf(id).includes('offered'), 5000, 'offered');
    const call = events.find((e) => e.call.dialogId === id)!.call;
    expect(call.withheld).to.equal(true);
    expect(call.callerIds).to.deep.equal([
      { kind: 'customerId', value: 'C-9' },
      { kind: 'mobile', value: '+447700900123' },
      { kind: 'email', value: 'jane@example.com' },
    ]);
    await control(`calls/${id}/end`, {});
    await until(() => eventsOf(id).includes('ended'), 5000, 'ended');
  });

  it('keeps several dialogs apart (consult while the customer is on hold)', async () => {
    const { id } = await control<{ id: string }>('calls', { user: '1001', ani: '+1 408 555 0100' });
    await until(() => eventsOf(id).includes('offered'));
    await control(`calls/${id}/answer`, {});
    await until(() => eventsOf(id).includes('accepted'));
    const { id: consult } = await control<{ id: string }>(`calls/${id}/consult`, { to: '2000' });
    await until(() => eventsOf(consult).includes('accepted'), 5000, 'consult accepted');
    const held = events.filter((e) => e.call.dialogId === id && e.kind === 'changed').pop();
    expect(held?.call.agentState).to.equal('HELD');
    expect(eventsOf(id)).to.not.include('ended');
    await control(`calls/${consult}/end`, {});
    await until(() => eventsOf(consult).includes('ended'));
    expect(eventsOf(id)).to.not.include('ended');
    await control(`calls/${id}/end`, {});
    await until(() => eventsOf(id).includes('ended'));
  });

  it('replays calls already present to a late subscriber', async () => {
    const { id } = await control<{ id: string }>('calls', { user: '1001', ani: '+14085550199' });
    await until(() => eventsOf(id).includes('offered'));
    await control(`calls/${id}/answer`, {});
    await until(() => eventsOf(id).includes('accepted'));
    const late: CallEvent[] = [];
    const off = adapter.onCall((e) => late.push(e));
    expect(late.filter((e) => e.call.dialogId === id).map((e) => e.kind)).to.deep.equal(['offered', 'accepted']);
    off();
    await control(`calls/${id}/end`, {});
    await until(() => eventsOf(id).includes('ended'));
    expect(late.filter((e) => e.kind === 'ended')).to.deep.equal([]);
  });

  it('fires onTabActivated for this gadget\'s tab only', () => {
    let fired = 0;
    const off = adapter.onTabActivated(() => fired++);
    const bus = (window as unknown as { __cxEmuBus: { emit(t: string, d: unknown): void } }).__cxEmuBus;
    bus.emit('ACTIVE_TAB', 'home');
    bus.emit('ACTIVE_TAB', 'myStatistics');
    off();
    bus.emit('ACTIVE_TAB', 'home');
    expect(fired).to.equal(1);
  });

  it('calls the container for height, loading indicator and title without failing', () => {
    adapter.adjustHeight();
    adapter.dismissLoading();
    adapter.setTitle('Customer journey');
    expect(document.title).to.equal('Customer journey');
  });
});
