/**
 * Agent and team names from Finesse (the analytics team table, the journey's entries). Rosters through finesse.js:
 * `new finesse.restservices.Team({id, onLoad, onError})` → `team.getUsers({onLoad})` → `users.getCollection()`
 * (emulator/README.md "Team rosters"). A roster member carries its login id and, on some deployments, its skill
 * target id; WxM's cc_AgentId holds the skill target id where Finesse has one, else the login id. So names are
 * keyed by both, and an agent nobody matches keeps their id. Any failure means no names, never an error.
 */
import type { FinesseSession } from './types.js';

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

/** Who the ids on a survey are, as far as Finesse tells this user; an id missing here is shown as it is. */
export interface KnownNames {
  /** Agent id (skill target id and login id) → "First Last". */
  agents: ReadonlyMap<string, string>;
  /** Team id → team name. */
  teams: ReadonlyMap<string, string>;
}

/**
 * The user's own name and the names of their team and supervised teams, at once; then, for a supervisor, each
 * supervised team's roster (read once per session, each bounded by teamNames' timeout): `update` hears the names
 * grown by each roster that arrives. Only a team's supervisor may read its roster (Finesse refuses anyone else), so
 * an agent does not ask.
 */
export function knownNames(s: FinesseSession, update: (names: KnownNames) => void): KnownNames {
  const own = `${s.firstName} ${s.lastName}`.trim();
  const agents = new Map<string, string>(own ? [[s.loginId, own], [s.wxmAgentId, own]] : []);
  // The adapter falls back to the id for a team without a name: that is no name.
  const teams = new Map([...(s.team ? [s.team] : []), ...s.supervisedTeams].filter((t) => t.name !== t.id).map((t) => [t.id, t.name]));
  for (const t of s.supervisedTeams) {
    void teamNames(t.id).then((found) => {
      if (!found.size) return;
      for (const [id, name] of found) if (!agents.has(id)) agents.set(id, name);
      update({ agents: new Map(agents), teams });
    });
  }
  return { agents, teams };
}
