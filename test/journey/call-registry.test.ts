import { expect } from '@open-wc/testing';
import { CallRegistry, type OnScreen } from '../../gadgets/journey/call-registry.js';
import { ScriptedWxm as FakeWxm } from '../fakes/wxm.js';
import { customerAnswer as answer } from '../fakes/answers.js';
import { call } from '../fakes/adapter.js';
import { flush as settle } from '../fakes/timers.js';
import { AppError } from '../../shared/errors.js';

const alice = [{ kind: 'customerId' as const, value: 'C-ALICE' }];
const bob = [{ kind: 'customerId' as const, value: 'C-BOB' }];
const who = (v: OnScreen) => (v.kind === 'journey' ? v.callerIds[0]?.value : v.kind);

function setup() {
  const wxm = new FakeWxm();
  const registry = new CallRegistry({ wxm: wxm.asApi(), questionnaires: [] });
  const views: OnScreen[] = [];
  registry.subscribe((v) => views.push(v));
  return { wxm, registry, views };
}

describe('journey lookup registry', () => {
  it('starts the lookup when the call is offered, shows it while ringing (marked), and on accept the same lookup', async () => {
    const { wxm, registry } = setup();
    registry.handle({ kind: 'offered', call: call('d1', alice) });
    await settle();
    expect(wxm.calls).to.have.length(1);
    expect(wxm.calls[0]!.filter.filterquestions?.[0]?.answerCheck).to.deep.equal(['C-ALICE']);
    const ringing = registry.view;
    expect([who(ringing), ringing.kind === 'journey' && ringing.ringing]).to.deep.equal(['C-ALICE', true]);
    wxm.calls[0]!.resolve([answer(1)]);
    await settle();
    registry.handle({ kind: 'accepted', call: call('d1', alice, { state: 'ACTIVE', agentState: 'ACTIVE' }) });
    const view = registry.view;
    expect(view.kind === 'journey' && [view.ringing, view.base === (ringing.kind === 'journey' && ringing.base)]).to.deep.equal([false, true]);
    expect(who(view)).to.equal('C-ALICE');
    expect(view.kind === 'journey' && view.base.current?.answers.length).to.equal(1);
    expect(wxm.calls).to.have.length(1); // no second request on accept
  });

  it('a newer call aborts the older lookup and the view never shows the older caller again', async () => {
    const { wxm, registry, views } = setup();
    registry.handle({ kind: 'offered', call: call('d1', alice) });
    await settle();
    registry.handle({ kind: 'ended', call: call('d1', alice) });
    views.length = 0;
    registry.handle({ kind: 'offered', call: call('d2', bob) });
    await settle();
    expect(wxm.calls[0]!.signal?.aborted).to.equal(true);
    registry.handle({ kind: 'accepted', call: call('d2', bob) });
    expect(views.map(who)).to.not.include('C-ALICE');
    expect(who(registry.view)).to.equal('C-BOB');
  });

  it('keeps consult dialogs apart and follows the current call', async () => {
    const { wxm, registry } = setup();
    registry.handle({ kind: 'accepted', call: call('d1', alice) });
    await settle();
    registry.handle({ kind: 'offered', call: call('d2', bob, { callType: 'CONSULT' }) });
    registry.handle({ kind: 'accepted', call: call('d2', bob, { callType: 'CONSULT' }) });
    await settle();
    expect(wxm.calls.map((c) => c.signal?.aborted)).to.deep.equal([false, false]);
    expect(who(registry.view)).to.equal('C-BOB');
    registry.handle({ kind: 'ended', call: call('d2', bob, { callType: 'CONSULT' }) });
    expect(who(registry.view)).to.equal('C-ALICE');
    expect(registry.view.kind === 'journey' && registry.view.ended).to.equal(false);
  });

  it('shows nothing about a customer on monitor dialogs and never looks them up', async () => {
    const { wxm, registry } = setup();
    registry.handle({ kind: 'accepted', call: call('m1', alice, { monitor: true, callType: 'SUPERVISOR_MONITOR' }) });
    await settle();
    expect(registry.view.kind).to.equal('monitor');
    expect(wxm.calls).to.have.length(0);
  });

  it('says so when the caller id is withheld', () => {
    const { registry } = setup();
    registry.handle({ kind: 'accepted', call: call('d1', [], { withheld: true }) });
    expect(registry.view).to.deep.include({ kind: 'no-caller', withheld: true });
  });

  it('keeps an ended call visible (marked ended) until the next call', async () => {
    const { registry } = setup();
    registry.handle({ kind: 'accepted', call: call('d1', alice) });
    registry.handle({ kind: 'ended', call: call('d1', alice) });
    expect(registry.view.kind === 'journey' && registry.view.ended).to.equal(true);
    registry.handle({ kind: 'offered', call: call('d2', bob) });
    expect(registry.view.kind === 'journey' && [who(registry.view), registry.view.ringing]).to.deep.equal(['C-BOB', true]);
  });

  describe('follows the call the agent was most recently active on, and stays on it after the last call ends', () => {
    const carol = [{ kind: 'customerId' as const, value: 'C-CAROL' }];
    const active = (id: string, ids: typeof alice, extra = {}) => call(id, ids, { state: 'ACTIVE', agentState: 'ACTIVE', ...extra });
    const held = (id: string, ids: typeof alice, extra = {}) => call(id, ids, { state: 'ACTIVE', agentState: 'HELD', ...extra });
    const ended = (id: string, ids: typeof alice, extra = {}) => call(id, ids, { state: 'DROPPED', agentState: 'DROPPED', ...extra });
    const shown = (r: CallRegistry) => `${who(r.view)}${r.view.kind === 'journey' && r.view.ended ? ' (ended)' : ''}`;

    it('take A, hold A, take and end B, resume A, end A → A', () => {
      const { registry } = setup();
      registry.handle({ kind: 'accepted', call: active('A', alice) });
      registry.handle({ kind: 'changed', call: held('A', alice) });
      registry.handle({ kind: 'offered', call: call('B', bob) });
      expect(shown(registry)).to.equal('C-ALICE'); // B only rings
      registry.handle({ kind: 'accepted', call: active('B', bob) });
      expect(shown(registry)).to.equal('C-BOB');
      registry.handle({ kind: 'ended', call: ended('B', bob) });
      expect(shown(registry)).to.equal('C-ALICE'); // A is still live (on hold)
      registry.handle({ kind: 'changed', call: active('A', alice) });
      expect(shown(registry)).to.equal('C-ALICE');
      registry.handle({ kind: 'ended', call: ended('A', alice) });
      expect(shown(registry)).to.equal('C-ALICE (ended)');
    });

    it('take A, hold A, take B, resume A, end A while B is held, end B → B (it ended last)', () => {
      const { registry } = setup();
      registry.handle({ kind: 'accepted', call: active('A', alice) });
      registry.handle({ kind: 'changed', call: held('A', alice) });
      registry.handle({ kind: 'accepted', call: active('B', bob) });
      registry.handle({ kind: 'changed', call: held('B', bob) });
      registry.handle({ kind: 'changed', call: active('A', alice) });
      expect(shown(registry)).to.equal('C-ALICE'); // resumed counts as active
      registry.handle({ kind: 'ended', call: ended('A', alice) });
      expect(shown(registry)).to.equal('C-BOB'); // the live one
      registry.handle({ kind: 'ended', call: ended('B', bob) });
      expect(shown(registry)).to.equal('C-BOB (ended)');
    });

    it('consult: the consult call while it lasts, then the customer call again, which stays after it ends', () => {
      const { registry } = setup();
      registry.handle({ kind: 'accepted', call: active('A', alice) });
      registry.handle({ kind: 'changed', call: held('A', alice) });
      registry.handle({ kind: 'accepted', call: active('C', bob, { callType: 'CONSULT' }) });
      expect(shown(registry)).to.equal('C-BOB');
      registry.handle({ kind: 'ended', call: ended('C', bob, { callType: 'CONSULT' }) });
      registry.handle({ kind: 'changed', call: active('A', alice) });
      registry.handle({ kind: 'ended', call: ended('A', alice) });
      expect(shown(registry)).to.equal('C-ALICE (ended)');
    });

    it('conference: the consult leg drops when the customer call becomes the conference → the customer call', () => {
      const { registry } = setup();
      registry.handle({ kind: 'accepted', call: active('A', alice) });
      registry.handle({ kind: 'changed', call: held('A', alice) });
      registry.handle({ kind: 'accepted', call: active('C', bob, { callType: 'CONSULT' }) });
      registry.handle({ kind: 'ended', call: ended('C', bob, { callType: 'CONSULT' }) });
      registry.handle({ kind: 'changed', call: active('A', alice, { callType: 'CONFERENCE' }) });
      expect(shown(registry)).to.equal('C-ALICE');
      registry.handle({ kind: 'ended', call: ended('A', alice, { callType: 'CONFERENCE' }) });
      expect(shown(registry)).to.equal('C-ALICE (ended)');
    });

    it('a missed call in between changes nothing: the ended call stays, its lookup is kept', async () => {
      const { wxm, registry } = setup();
      registry.handle({ kind: 'accepted', call: active('A', alice) });
      registry.handle({ kind: 'ended', call: ended('A', alice) });
      registry.handle({ kind: 'offered', call: call('M', carol) });
      expect(shown(registry)).to.equal('C-CAROL'); // ringing
      registry.handle({ kind: 'ended', call: ended('M', carol) });
      expect(shown(registry)).to.equal('C-ALICE (ended)');
      await settle();
      expect(wxm.calls[0]!.filter.filterquestions?.[0]?.answerCheck).to.deep.equal(['C-ALICE']);
      expect(wxm.calls[0]!.signal?.aborted).to.equal(false);
      // A missed call while another is live: the live one, throughout.
      registry.handle({ kind: 'accepted', call: active('B', bob) });
      registry.handle({ kind: 'offered', call: call('M2', carol) });
      expect(shown(registry)).to.equal('C-BOB');
      registry.handle({ kind: 'ended', call: ended('M2', carol) });
      registry.handle({ kind: 'ended', call: ended('B', bob) });
      expect(shown(registry)).to.equal('C-BOB (ended)');
    });
  });

  it('shows a manual search until the next accepted call', async () => {
    const { registry } = setup();
    registry.search({ kind: 'email', value: 'a@example.com' });
    expect(registry.view.kind === 'journey' && registry.view.manual).to.equal(true);
    registry.handle({ kind: 'accepted', call: call('d1', bob) });
    expect(who(registry.view)).to.equal('C-BOB');
    registry.handle({ kind: 'ended', call: call('d1', bob) });
    expect(who(registry.view)).to.equal('C-BOB'); // not back to the search
  });

  it('filters start a separate lookup and keep the unfiltered one for the brief', async () => {
    const { wxm, registry } = setup();
    registry.handle({ kind: 'accepted', call: call('d1', alice) });
    registry.setFilters({ period: '30d', channel: 'voice' });
    await settle();
    const v = registry.view;
    expect(v.kind === 'journey' && v.base !== v.timeline).to.equal(true);
    expect(wxm.calls.map((c) => c.filter.channel ?? null)).to.deep.equal([null, 'voice']);
  });

  it('keeps filters with their call: B starts unfiltered while A is on hold, A keeps its filter when resumed', () => {
    const { registry } = setup();
    const active = (id: string, ids: typeof alice) => call(id, ids, { state: 'ACTIVE', agentState: 'ACTIVE' });
    registry.handle({ kind: 'accepted', call: active('A', alice) });
    registry.setFilters({ period: '30d', channel: 'all' });
    registry.handle({ kind: 'changed', call: call('A', alice, { state: 'ACTIVE', agentState: 'HELD' }) });
    registry.handle({ kind: 'accepted', call: active('B', bob) });
    expect([who(registry.view), registry.filters.period]).to.deep.equal(['C-BOB', 'all']);
    registry.handle({ kind: 'ended', call: call('B', bob, { state: 'DROPPED' }) });
    registry.handle({ kind: 'changed', call: active('A', alice) });
    expect([who(registry.view), registry.filters.period]).to.deep.equal(['C-ALICE', '30d']);
  });

  it('pages on "load more", and a failed page keeps what loaded (partial)', async () => {
    const { wxm, registry } = setup();
    registry.handle({ kind: 'accepted', call: call('d1', alice) });
    await settle();
    const first = Array.from({ length: 20 }, (_, i) => answer(i));
    wxm.calls[0]!.resolve(first, 45);
    const v = registry.view;
    if (v.kind !== 'journey') throw new Error(v.kind);
    const data = await v.timeline.ready;
    expect(data.hasMore).to.equal(true);
    const more = v.timeline.loadMore();
    await settle();
    expect(wxm.calls[1]!.page).to.equal(2);
    wxm.calls[1]!.reject(new Error('boom'));
    const partial = await more;
    expect(partial.answers).to.have.length(20);
    expect(partial.pageError).to.not.equal(null);
    const retry = v.timeline.loadMore();
    await settle();
    expect(wxm.calls[2]!.page).to.equal(2);
    wxm.calls[2]!.resolve(Array.from({ length: 20 }, (_, i) => answer(30 + i)), 45);
    const after = await retry;
    expect([after.answers.length, after.pageError, after.hasMore]).to.deep.equal([40, null, true]);
  });

  it('tells its listeners when the lookup on screen settles, and retries on its own while Cloud Connect is down', async () => {
    const wxm = new FakeWxm();
    const registry = new CallRegistry({ wxm: wxm.asApi(), questionnaires: [], autoRetryMs: 40 });
    let heard = 0;
    registry.subscribe(() => heard++);
    registry.handle({ kind: 'accepted', call: call('d1', alice) });
    await settle();
    const before = heard;
    wxm.calls[0]!.reject(new AppError('cloudconnect-down', 'cloudconnect', 'token service 503'));
    await settle();
    expect(heard, 'the failure is heard').to.be.greaterThan(before);
    const v = registry.view;
    expect(v.kind === 'journey' && v.base.error?.code).to.equal('cloudconnect-down');
    await new Promise((r) => setTimeout(r, 80));
    await settle();
    expect(wxm.calls, 'tried again without the agent').to.have.length(2);
    wxm.calls[1]!.resolve([answer(1)]);
    await settle();
    const after = registry.view;
    expect(after.kind === 'journey' && after.base.current?.answers.length).to.equal(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(wxm.calls, 'no retry once it worked').to.have.length(2);
    registry.dispose();
  });

  it('a new call cancels the automatic retry of the previous one', async () => {
    const wxm = new FakeWxm();
    const registry = new CallRegistry({ wxm: wxm.asApi(), questionnaires: [], autoRetryMs: 40 });
    registry.handle({ kind: 'accepted', call: call('d1', alice) });
    await settle();
    wxm.calls[0]!.reject(new AppError('cloudconnect-down', 'cloudconnect', 'token service 503'));
    await settle();
    registry.handle({ kind: 'ended', call: call('d1', alice) });
    registry.handle({ kind: 'accepted', call: call('d2', bob) });
    await settle();
    await new Promise((r) => setTimeout(r, 80));
    expect(wxm.calls.map((c) => c.filter.filterquestions?.[0]?.answerCheck[0])).to.deep.equal(['C-ALICE', 'C-BOB']);
    registry.dispose();
  });
});
