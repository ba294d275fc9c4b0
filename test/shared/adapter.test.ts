/** The adapter against hand-made Finesse/Shindig globals: edge cases the emulator does not produce. */
import { expect } from '@open-wc/testing';
import { createFinesseAdapter, gadgetQuery, originFromConfig, toBcp47, type AdapterOptions } from '../../shared/finesse/adapter.js';
import { AppError } from '../../shared/errors.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import type { CallEvent } from '../../shared/finesse/types.js';
import { buildDiagnostics } from '../../shared/ui/diagnostics.js';

type Data = { id: string; state: string; from: string; to?: string; callType: string; media: Record<string, string>; parts: FinesseGlobals.Participant[] };

function fakeDialog(data: Data) {
  const handlers: Array<(d: FinesseGlobals.Dialog) => void> = [];
  const d: FinesseGlobals.Dialog & { set(p: Partial<Data>): void; handlers: typeof handlers } = {
    handlers,
    getId: () => data.id,
    getState: () => data.state,
    getFromAddress: () => data.from,
    getToAddress: () => data.to ?? '7007',
    getMediaProperties: () => ({ ...data.media, callType: data.callType }),
    // real finesse.js wraps lists; exercise that shape
    getParticipants: () => ({ Participant: data.parts.length === 1 ? data.parts[0]! : data.parts }),
    addHandler: (_e, fn) => handlers.push(fn),
    removeHandler: (_e, fn) => handlers.splice(handlers.indexOf(fn), 1),
    set(p) {
      Object.assign(data, p);
      handlers.slice().forEach((fn) => fn(d));
    },
  };
  return d;
}

function fakeWorld(
  opts: { config?: FinesseGlobals.Config; userError?: number; supervised?: unknown; utilities?: boolean; prefs?: Record<string, string>; iframeQuery?: string } = {},
) {
  const calls: string[] = [];
  let dialogOpts: FinesseGlobals.DialogsOptions | undefined;
  const existing: Record<string, FinesseGlobals.Dialog> = {};
  const tabHandlers: Array<(d?: unknown) => void> = [];
  const config: FinesseGlobals.Config = { id: 'agent7', authorization: 'YWdlbnQ3OnB3', scheme: 'https', host: 'finesse.example.com', hostPort: '8445', locale: 'fr_CA', ...opts.config };
  class User {
    constructor(o: { onLoad?(u: User): void; onError?(e: { status?: number }): void }) {
      setTimeout(() => (opts.userError ? o.onError?.({ status: opts.userError }) : o.onLoad?.(this)));
    }
    getId = () => 'agent7';
    getFirstName = () => 'Ada';
    getLastName = () => 'Lovelace';
    getExtension = () => '7007';
    getTeamId = () => 12;
    getTeamName = () => 'Care';
    hasSupervisorRole = () => opts.supervised !== undefined;
    getSupervisedTeams = () => opts.supervised as FinesseGlobals.TeamRef[];
    getDialogs(o: FinesseGlobals.DialogsOptions) {
      dialogOpts = o;
      const dialogs = { getCollection: () => existing };
      setTimeout(() => o.onLoad?.(dialogs));
      return dialogs;
    }
  }
  const win: NonNullable<AdapterOptions['win']> = {
    location: { search: '?url=' + encodeURIComponent('https://gadgets.example.com/j.xml?wxmBaseUrl=https%3A%2F%2Fw.example&maskPii=true') + '&up_minSample=3' + (opts.iframeQuery ?? ''), origin: 'https://finesse.example.com:8445', href: 'https://finesse.example.com:8445/gadgets/ifr' },
    gadgets: {
      HubSettings: { onConnect: null },
      Prefs: class {
        getString(n: string) {
          return n === 'timeoutMs' ? '4000' : (opts.prefs?.[n] ?? '');
        }
        set() {}
      },
    },
    finesse: {
      gadget: { Config: config },
      clientservices: { ClientServices: { init: () => undefined } },
      restservices: { User: User as unknown as FinesseGlobals.UserCtor },
      containerservices: {
        ContainerServices: {
          init: () => undefined,
          addHandler: (_t, fn) => (calls.push('addHandler'), tabHandlers.push(fn)),
          makeActiveTabReq: () => {
            calls.push('makeActiveTabReq');
            tabHandlers.forEach((h) => h());
          },
          Topics: { ACTIVE_TAB: 'activeTab' },
        },
      },
      ...(opts.utilities ? { utilities: { Utilities: { getAuthHeaderString: () => 'Custom header' } } } : {}),
    },
  };
  const connect = () => win.gadgets!.HubSettings!.onConnect?.();
  return { win, connect, existing, add: (d: FinesseGlobals.Dialog) => dialogOpts?.onCollectionAdd?.(d), remove: (d: FinesseGlobals.Dialog) => dialogOpts?.onCollectionDelete?.(d), tabHandlers, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

async function connected(opts: Parameters<typeof fakeWorld>[0] = {}) {
  const w = fakeWorld(opts);
  const adapter = createFinesseAdapter({ win: w.win, connectTimeoutMs: 2000, calls: watchCalls });
  const p = adapter.connect();
  await tick();
  w.connect();
  return { w, adapter, session: await p };
}

const data = (over: Partial<Data> = {}): Data => ({
  id: 'd1',
  state: 'ALERTING',
  from: '+1 (555) 010-0200',
  callType: 'ACD_IN',
  media: { 'user.POD.ID': 'CUST-1' },
  parts: [
    { mediaAddress: '+15550100200', mediaAddressType: 'PSTN', state: 'ACTIVE' },
    { mediaAddress: '7007', mediaAddressType: 'AGENT_DEVICE', state: 'ALERTING' },
  ],
  ...over,
});

describe('Finesse adapter (fake globals)', () => {
  it('waits for the hub before touching finesse.js', async () => {
    const w = fakeWorld();
    const adapter = createFinesseAdapter({ win: w.win });
    let done = false;
    const p = adapter.connect().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).to.equal(false);
    w.connect();
    await p;
    expect(done).to.equal(true);
  });

  it('derives origin, locale, team and a Basic header from Config', async () => {
    const { session } = await connected();
    expect(session.finesseOrigin).to.equal('https://finesse.example.com:8445');
    expect(session.locale).to.equal('fr-CA');
    expect(session.team).to.deep.equal({ id: '12', name: 'Care' });
    expect(session.wxmAgentId).to.equal('agent7');
    expect(session.cceSkillTargetId).to.equal(undefined);
    expect(session.authHeader()).to.equal('Basic YWdlbnQ3OnB3');
  });

  it('uses Bearer for SSO, and the library helper when there is one', async () => {
    const sso = await connected({ config: { authorization: undefined, authToken: 'sso-tok', cceSkillTargetId: 5555 } });
    expect(sso.session.authHeader()).to.equal('Bearer sso-tok');
    expect(sso.session.wxmAgentId).to.equal('5555');
    const lib = await connected({ utilities: true });
    expect(lib.session.authHeader()).to.equal('Custom header');
  });

  it('reads supervised teams in either list shape', async () => {
    const a = await connected({ supervised: [{ id: 1, name: 'A' }, { id: '2', name: 'B' }] });
    expect(a.session.role).to.equal('supervisor');
    expect(a.session.supervisedTeams).to.deep.equal([{ id: '1', name: 'A' }, { id: '2', name: 'B' }]);
    const b = await connected({ supervised: { Team: { id: '3', name: 'C' } } });
    expect(b.session.supervisedTeams).to.deep.equal([{ id: '3', name: 'C' }]);
  });

  it('fails with finesse-auth when Finesse refuses the user', async () => {
    const w = fakeWorld({ userError: 401 });
    const adapter = createFinesseAdapter({ win: w.win });
    const p = adapter.connect();
    await tick();
    w.connect();
    const err = await p.then(() => null, (e: AppError) => e);
    expect(err?.code).to.equal('finesse-auth');
  });

  it('fails clearly outside a Finesse container', async () => {
    const adapter = createFinesseAdapter({ win: { location: { search: '', origin: 'https://x', href: 'https://x/' } } });
    const err = await adapter.connect().then(() => null, (e: AppError) => e);
    expect(err).to.be.instanceOf(AppError);
    expect(err?.hop).to.equal('finesse');
  });

  it('emits offered, accepted, changed and ended for dialogs, existing and new', async () => {
    const { w, adapter } = await connected();
    const existing = fakeDialog(data({ id: 'old', state: 'ACTIVE', parts: [{ mediaAddress: '7007', state: 'ACTIVE' }] }));
    w.existing.old = existing;
    const events: CallEvent[] = [];
    adapter.onCall((e) => events.push(e));
    await tick();
    expect(events.map((e) => `${e.kind}:${e.call.dialogId}`)).to.deep.equal(['offered:old', 'accepted:old']);

    const d = fakeDialog(data());
    w.add(d);
    d.set({ state: 'ACTIVE', parts: [{ mediaAddress: '+15550100200', state: 'ACTIVE' }, { mediaAddress: '7007', mediaAddressType: 'AGENT_DEVICE', state: 'ACTIVE' }] });
    d.set({ parts: [{ mediaAddress: '7007', state: 'HELD' }] });
    d.set({ parts: [{ mediaAddress: '7007', state: 'DROPPED' }] });
    w.remove(d);
    w.remove(existing);
    expect(events.slice(2).map((e) => `${e.kind}:${e.call.dialogId}`)).to.deep.equal([
      'offered:d1', 'accepted:d1', 'changed:d1', 'ended:d1', 'ended:old',
    ]);
    expect(events[2]!.call.callerIds).to.deep.equal([{ kind: 'customerId', value: 'CUST-1' }, { kind: 'ani', value: '+15550100200' }]);
    expect(events[4]!.call.agentState).to.equal('HELD');
    expect(d.handlers).to.have.length(0);
  });

  it('marks barge-in dialogs as monitor and never looks for a caller there', async () => {
    const { w, adapter } = await connected();
    const events: CallEvent[] = [];
    adapter.onCall((e) => events.push(e));
    await tick();
    w.add(fakeDialog(data({ id: 'b', callType: 'SUPERVISOR_BARGE_IN' })));
    expect(events[0]!.call.monitor).to.equal(true);
    expect(events[0]!.call.callerIds).to.deep.equal([]);
  });

  it('reads gadget parameters and UserPrefs from the iframe', async () => {
    const { adapter } = await connected();
    expect(adapter.gadgetParams().get('wxmBaseUrl')).to.equal('https://w.example');
    expect(adapter.gadgetParams().get('maskPii')).to.equal('true');
    expect(adapter.userPrefs()).to.deep.equal({ minSample: '3', timeoutMs: '4000' });
  });

  it('fires onTabActivated for any ACTIVE_TAB when the tab id is unknown', async () => {
    const { w, adapter } = await connected();
    let n = 0;
    adapter.onTabActivated(() => n++);
    expect(n).to.equal(1); // the container's answer to makeActiveTabReq
    w.tabHandlers.forEach((h) => h());
    expect(n).to.equal(2);
  });

  it('asks for the active tab right after registering the ACTIVE_TAB handler, as Cisco samples do', async () => {
    const { w, adapter } = await connected();
    w.calls.length = 0;
    adapter.onTabActivated(() => undefined);
    expect(w.calls).to.deep.equal(['addHandler', 'makeActiveTabReq']);
  });

  it('takes the skill target id from Config, else the UserPref or up_ parameter, else the login id, and says which', async () => {
    const cases: Array<[Parameters<typeof fakeWorld>[0], string, string, RegExp]> = [
      [{ config: { cceSkillTargetId: 5100 }, prefs: { cceSkillTargetId: '5200' } }, '5100', 'config', /agent id from: finesse\.gadget\.Config\.cceSkillTargetId/],
      [{ prefs: { cceSkillTargetId: '5200' } }, '5200', 'pref', /agent id from: cceSkillTargetId UserPref/],
      [{ iframeQuery: '&up_id=agent7&up_cceSkillTargetId=5300' }, '5300', 'pref', /agent id from: cceSkillTargetId UserPref/],
      [{ config: { cceSkillTargetId: ' ' } }, 'agent7', 'login', /agent id from: Finesse login id/],
    ];
    for (const [opts, id, source, diag] of cases) {
      const { session } = await connected(opts);
      expect(session.wxmAgentId, source).to.equal(id);
      expect(session.agentIdSource, id).to.equal(source);
      expect(session.cceSkillTargetId).to.equal(source === 'login' ? undefined : id);
      expect(buildDiagnostics(undefined, { gadget: 'journey' })).to.match(diag);
    }
  });

  it('outbound and agent-initiated calls: looks up the dialed customer, never the agent\'s own extension', async () => {
    const { w, adapter } = await connected();
    const events: CallEvent[] = [];
    adapter.onCall((e) => events.push(e));
    await tick();
    const parts = [
      { mediaAddress: '7007', mediaAddressType: 'AGENT_DEVICE', state: 'INITIATED' },
      { mediaAddress: '+14085550100', mediaAddressType: 'PSTN', state: 'ALERTING' },
    ];
    w.add(fakeDialog(data({ id: 'out1', state: 'INITIATED', from: '7007', to: '+1 408 555 0100', callType: 'OUT', media: {}, parts })));
    w.add(fakeDialog(data({ id: 'out2', state: 'INITIATED', from: '7007', to: '', callType: 'OUTBOUND_PREVIEW', media: { dialedNumber: '+442079460958' }, parts })));
    w.add(fakeDialog(data({ id: 'out3', state: 'INITIATED', from: '7007', to: '7007', callType: 'AGENT_OUT', media: { dialedNumber: '7007' }, parts })));
    const ids = (id: string) => events.find((e) => e.call.dialogId === id)!.call.callerIds;
    expect(ids('out1')).to.deep.equal([{ kind: 'ani', value: '+14085550100' }]);
    expect(ids('out2')).to.deep.equal([{ kind: 'ani', value: '+442079460958' }]);
    expect(ids('out3')).to.deep.equal([]);
    expect(events.flatMap((e) => e.call.callerIds.map((c) => c.value))).not.to.include('+7007');
  });
});

describe('adapter helpers', () => {
  it('converts Finesse locales to BCP-47', () => {
    expect(toBcp47('en_US')).to.equal('en-US');
    expect(toBcp47('zh_Hant_TW')).to.equal('zh-Hant-TW');
    expect(toBcp47('bad locale')).to.equal('en-US');
    expect(toBcp47(undefined)).to.equal('en-US');
  });

  it('builds the origin, omitting default ports', () => {
    expect(originFromConfig({ scheme: 'https', host: 'f.example', hostPort: '443' }, 'x')).to.equal('https://f.example');
    expect(originFromConfig({ scheme: 'http', host: 'f.example', hostPort: 8082 }, 'x')).to.equal('http://f.example:8082');
    expect(originFromConfig({}, 'https://fallback')).to.equal('https://fallback');
  });

  it('parses the gadget query, also when double-encoded', () => {
    const inner = 'https://h/g.xml?filterTags=cc_TeamId&questionnaires=A%2CB';
    expect(gadgetQuery('?url=' + encodeURIComponent(inner)).get('questionnaires')).to.equal('A,B');
    expect(gadgetQuery('?url=' + encodeURIComponent(encodeURIComponent(inner))).get('filterTags')).to.equal('cc_TeamId');
    expect([...gadgetQuery('?nothing=1').keys()]).to.deep.equal([]);
    expect(gadgetQuery('', 'https://h/g.xml?a=1').get('a')).to.equal('1');
  });
});
