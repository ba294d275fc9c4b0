/**
 * Agent names for the team table, from the Finesse team roster through finesse.js:
 * `new finesse.restservices.Team({id, onLoad, onError})` → `team.getUsers({onLoad})` → `users.getCollection()`
 * (emulator/README.md "Team rosters"). A roster member carries its login id and, on some deployments, its skill
 * target id; WxM's cc_AgentId holds the skill target id where Finesse has one, else the login id. So names are
 * keyed by both, and an agent nobody matches keeps their id. Any failure means no names, never an error.
 */
interface RosterUser {
  getId(): string;
  getFirstName?(): string;
  getLastName?(): string;
  getData?(): { loginId?: string; skillTargetId?: string | number; firstName?: string; lastName?: string };
}
interface RosterTeam {
  getUsers(options: { onLoad(users: { getCollection(): Record<string, RosterUser> }): void; onError?(e: unknown): void }): void;
}
type TeamCtor = new (options: { id: string; onLoad(team: RosterTeam): void; onError(e: unknown): void }) => RosterTeam;

const teamCtor = (): TeamCtor | undefined =>
  (globalThis as { finesse?: { restservices?: { Team?: TeamCtor } } }).finesse?.restservices?.Team;

/** Agent id (skill target id and login id) → "First Last"; empty when the roster cannot be read. */
export async function teamNames(teamId: string, timeoutMs = 10_000): Promise<Map<string, string>> {
  const Team = teamCtor();
  if (!Team) return new Map();
  // Whichever comes first: the roster, a failure (no names) or the timeout (no names).
  const users = await new Promise<Record<string, RosterUser>>((done) => {
    setTimeout(() => done({}), timeoutMs);
    try {
      new Team({
        id: teamId,
        onLoad: (team) => team.getUsers({ onLoad: (u) => done(u.getCollection()), onError: () => done({}) }),
        onError: () => done({}),
      });
    } catch {
      done({});
    }
  });
  const names = new Map<string, string>();
  for (const user of Object.values(users)) {
    const data = user.getData?.() ?? {};
    const name = [user.getFirstName?.() ?? data.firstName, user.getLastName?.() ?? data.lastName].filter(Boolean).join(' ').trim();
    if (!name) continue;
    for (const id of [data.skillTargetId, data.loginId ?? user.getId()]) if (id !== undefined && id !== '') names.set(String(id), name);
  }
  return names;
}
