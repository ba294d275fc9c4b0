/**
 * Team rosters through the emulated finesse.js, as a supervisor's gadget reads them in Finesse:
 * user.getSupervisedTeams() → new finesse.restservices.Team({ id }) → team.getUsers({ onLoad }) → User objects
 * with the members' names and login ids. Only a supervisor of the team may read it (Finesse's 401 otherwise).
 */
import { expect } from '@open-wc/testing';
import { control, loadScript, people, type Supervisor } from './support.js';

const w = window as any;

const basicFor = (id: string) => `Basic ${btoa(`${id}:emulator`)}`;
const useCredentialsOf = (id: string) =>
  w.finesse.clientservices.ClientServices.init({ ...w.finesse.gadget.Config, id, authorization: basicFor(id) }, false);

function loadTeam(id: string): Promise<any> {
  return new Promise((resolve, reject) => new w.finesse.restservices.Team({ id, onLoad: resolve, onError: reject }));
}
function loadUsers(team: any): Promise<{ collection: any; added: any[] }> {
  const added: any[] = [];
  return new Promise((resolve, reject) => {
    team.getUsers({
      onCollectionAdd: (u: any) => added.push(u),
      onLoad: (collection: any) => resolve({ collection, added }),
      onError: reject,
    });
  });
}

describe('emulated finesse.js: team rosters', () => {
  let sup: Supervisor;
  let world: Awaited<ReturnType<typeof people>>;

  before(async () => {
    world = await people();
    sup = world.supervisors[0]!;
    await loadScript(`/gadgets/container.js?user=${sup.id}&url=${encodeURIComponent('https://cx.example/analytics.xml')}`);
    await loadScript('/desktop/assets/js/finesse.js');
    await new Promise<void>((resolve) => {
      w.gadgets.HubSettings.onConnect = resolve;
    });
  });
  afterEach(() => control('/finesse/roster', { skillTargetId: false }));

  it('a supervisor reads each supervised team: its name and every member as a User with names and login id', async () => {
    useCredentialsOf(sup.id);
    const user = await new Promise<any>((resolve, reject) => new w.finesse.restservices.User({ id: sup.id, onLoad: resolve, onError: reject }));
    const supervised = user.getSupervisedTeams();
    expect(supervised.length).to.be.greaterThan(0);
    for (const ref of supervised) {
      const team = await loadTeam(ref.id);
      expect(team.getId()).to.equal(ref.id);
      expect(team.getName()).to.equal(world.teams.find((t) => t.id === ref.id)!.name);
      expect(team.getUri()).to.equal(ref.uri);
      const { collection, added } = await loadUsers(team);
      const members = world.agents.filter((a) => a.teamId === ref.id);
      const users = collection.getCollection();
      expect(Object.keys(users).sort()).to.deep.equal(members.map((a) => a.id).sort());
      expect(added.length).to.equal(members.length);
      for (const a of members) {
        const u = users[a.id];
        expect(u.getId()).to.equal(a.id);
        expect(u.getFirstName()).to.equal(a.firstName);
        expect(u.getLastName()).to.equal(a.lastName);
        expect(u.getExtension()).to.equal(a.extension);
        expect(u.getData().loginId).to.equal(a.id);
        expect(u.getData()).to.not.have.property('skillTargetId');
      }
    }
  });

  it('with the roster variant on, members carry their skill target id (what cc_AgentId holds)', async () => {
    useCredentialsOf(sup.id);
    await control('/finesse/roster', { skillTargetId: true });
    const teamId = sup.supervisedTeamIds[0]!;
    const { collection } = await loadUsers(await loadTeam(teamId));
    for (const a of world.agents.filter((x) => x.teamId === teamId)) {
      expect(collection.getCollection()[a.id].getData().skillTargetId).to.equal(a.skillTargetId);
    }
  });

  it('a team the supervisor does not supervise, and any team for an agent → onError 401; unknown team → 404', async () => {
    const other = world.teams.find((t) => !sup.supervisedTeamIds.includes(t.id))!;
    useCredentialsOf(sup.id);
    const refused = await loadTeam(other.id).then(() => null, (e) => e);
    expect(refused.status).to.equal(401);
    const unknown = await loadTeam('999999').then(() => null, (e) => e);
    expect(unknown.status).to.equal(404);
    const agent = world.agents.find((a) => a.teamId === sup.supervisedTeamIds[0])!;
    useCredentialsOf(agent.id);
    const own = await loadTeam(agent.teamId).then(() => null, (e) => e);
    expect(own.status).to.equal(401);
    useCredentialsOf(sup.id);
  });

  it('without credentials the REST answers 401', async () => {
    const res = await fetch(`/finesse/api/Team/${sup.supervisedTeamIds[0]}`);
    expect(res.status).to.equal(401);
  });
});
