/**
 * The test page becomes a gadget iframe for one agent by loading /gadgets/container.js?user=… and then
 * /desktop/assets/js/finesse.js (as other gadget tests do), and sees what a gadget sees in Finesse.
 */
import { expect } from '@open-wc/testing';
import { control, customerWithMobile, loadScript, people, until, type Agent } from './support.js';

const w = window as any;

describe('emulated finesse.js in a gadget page', () => {
  let agent: Agent;

  before(async () => {
    // The last agent: other suites tend to use the first ones.
    agent = (await people()).agents.at(-1)!;
    const gadgetUrl = 'https://cx.example/journey.xml?filterTags=cc_AgentId';
    await loadScript(`/gadgets/container.js?user=${agent.id}&url=${encodeURIComponent(gadgetUrl)}&up_greeting=hi`);
    await loadScript('/desktop/assets/js/finesse.js');
  });

  it('calls HubSettings.onConnect, even when assigned after the page loaded, and fills finesse.gadget.Config', async () => {
    await new Promise<void>((resolve) => {
      w.gadgets.HubSettings.onConnect = resolve;
    });
    const cfg = w.finesse.gadget.Config;
    expect(cfg.id).to.equal(agent.id);
    expect(cfg.authorization).to.equal(`Basic ${btoa(`${agent.id}:emulator`)}`);
    expect(cfg.cceSkillTargetId).to.equal(agent.skillTargetId);
    expect(cfg.host).to.equal(location.hostname);
    expect(cfg.hostPort).to.equal(location.port);
    expect(cfg.scheme).to.equal(location.protocol.replace(':', ''));
    expect(cfg.locale).to.equal('en_US');
    expect(w.finesse.utilities.Utilities.getAuthHeaderString(cfg)).to.equal(cfg.authorization);
  });

  it('the Config authorization gets a Cloud Connect token from the token service', async () => {
    const res = await fetch('/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', {
      headers: { Authorization: w.finesse.utilities.Utilities.getAuthHeaderString(w.finesse.gadget.Config) },
    });
    // 503 only if another suite has Cloud Connect down right now; never 401.
    expect(res.status).to.be.oneOf([200, 503]);
  });

  it('gives prefs from up_* and the iframe parameters (url) through gadgets.util', () => {
    expect(new w.gadgets.Prefs().getString('greeting')).to.equal('hi');
    expect(new w.gadgets.Prefs().getString('absent')).to.equal('');
    const url = new URL(w.gadgets.util.getUrlParameters().url);
    expect(url.searchParams.get('filterTags')).to.equal('cc_AgentId');
  });

  it('loads the User with its name, team and roles', async () => {
    w.finesse.clientservices.ClientServices.init(w.finesse.gadget.Config, false);
    const user = await new Promise<any>((resolve, reject) => {
      new w.finesse.restservices.User({ id: agent.id, onLoad: resolve, onError: reject });
    });
    expect(user.getId()).to.equal(agent.id);
    expect(user.getFirstName()).to.equal(agent.firstName);
    expect(user.getLastName()).to.equal(agent.lastName);
    expect(user.getTeamId()).to.equal(agent.teamId);
    expect(user.getTeamName()).to.be.a('string').and.not.empty;
    expect(user.hasAgentRole()).to.equal(true);
    expect(user.hasSupervisorRole()).to.equal(false);
    expect(user.getSupervisedTeams()).to.deep.equal([]);
  });

  it('a supervisor User lists every supervised team', async () => {
    const { supervisors, teams } = await people();
    const sup = supervisors[0]!;
    const user = await new Promise<any>((resolve, reject) => {
      new w.finesse.restservices.User({ id: sup.id, onLoad: resolve, onError: reject });
    });
    expect(user.hasSupervisorRole()).to.equal(true);
    const supervised = user.getSupervisedTeams();
    expect(supervised.map((t: { id: string }) => t.id)).to.deep.equal(sup.supervisedTeamIds);
    for (const t of supervised) expect(t.name).to.equal(teams.find((x) => x.id === t.id)!.name);
  });

  it('reports an unknown user through onError', async () => {
    const err = await new Promise<any>((resolve) => {
      new w.finesse.restservices.User({ id: 'nobody', onLoad: () => resolve(null), onError: resolve });
    });
    expect(err.status).to.equal(404);
  });

  it('delivers a call: added ALERTING, changed to ACTIVE with media properties incl. POD.ID, then DROPPED and deleted', async () => {
    const customer = await customerWithMobile();
    const user = await new Promise<any>((resolve) => new w.finesse.restservices.User({ id: agent.id, onLoad: resolve }));
    const added: any[] = [];
    const deleted: string[] = [];
    const states: string[] = [];
    await new Promise<void>((resolve) =>
      user.getDialogs({
        onLoad: () => resolve(),
        onCollectionAdd: (d: any) => {
          added.push(d);
          states.push(d.getState());
          d.addHandler('change', (x: any) => states.push(x.getState()));
        },
        onCollectionDelete: (d: any) => deleted.push(d.getId()),
      }),
    );
    const { id } = await control<{ id: string }>('/calls', { user: agent.id, customerId: customer.id, podIdForm: 'bare', survey: false });
    const dialog = await until(() => added.find((d) => d.getId() === id), 'the dialog to be added');
    expect(dialog.getState()).to.equal(w.finesse.restservices.Dialog.States.ALERTING);
    expect(dialog.getFromAddress()).to.equal(customer.mobile);

    await control(`/calls/${id}/answer`, {});
    await until(() => dialog.getState() === 'ACTIVE', 'ACTIVE');
    const media = dialog.getMediaProperties();
    expect(media['user.POD.ID'] ?? media['POD.ID']).to.equal(customer.id);
    expect(media.callType).to.equal('ACD_IN');
    expect(media).to.include.keys('callVariable1', 'callVariable10', 'DNIS', 'dialedNumber');
    const me = dialog.getParticipants().find((p: any) => p.mediaAddress === agent.extension);
    expect(me.state).to.equal('ACTIVE');

    await control(`/calls/${id}/end`, {});
    await until(() => deleted.includes(id), 'the dialog to leave the collection');
    expect(states).to.deep.equal(['ALERTING', 'ACTIVE', 'DROPPED']);
  });

  it('a collection created while a call is up has it in onLoad (getCollection)', async () => {
    const { id } = await control<{ id: string }>('/calls', { user: agent.id, ani: '+15550100', survey: false });
    const user = await new Promise<any>((resolve) => new w.finesse.restservices.User({ id: agent.id, onLoad: resolve }));
    const loadIds = () =>
      new Promise<string[]>((resolve) => user.getDialogs({ onLoad: (c: any) => resolve(Object.keys(c.getCollection())) }));
    // This page already streams the agent's events: the call shows up once its event has arrived.
    let ids = await loadIds();
    for (let i = 0; i < 100 && !ids.includes(id); i++) {
      await new Promise((r) => setTimeout(r, 50));
      ids = await loadIds();
    }
    expect(ids).to.include(id);
    await control(`/calls/${id}/end`, {});
  });
});
