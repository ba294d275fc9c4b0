/** Finesse users of the emulated world: agents and supervisors, their roles, teams and credentials. */
import type { EmuAgent, EmuSupervisor, World } from '../world/types.js';

/** Every seeded agent and supervisor signs in with this password (emulator/README.md). */
export const PASSWORD = 'emulator';

export interface FinesseUser {
  agent: EmuAgent;
  role: 'agent' | 'supervisor';
  supervisedTeamIds: string[];
}

export function findUser(world: World, id: string | null | undefined): FinesseUser | undefined {
  if (!id) return undefined;
  const sup = world.supervisors.find((s) => s.id === id);
  if (sup) return { agent: sup, role: 'supervisor', supervisedTeamIds: [...sup.supervisedTeamIds] };
  const agent = world.agents.find((a) => a.id === id);
  return agent ? { agent, role: 'agent', supervisedTeamIds: [] } : undefined;
}

export const basicAuth = (id: string): string => `Basic ${Buffer.from(`${id}:${PASSWORD}`).toString('base64')}`;

const teamName = (world: World, id: string): string => world.teams.find((t) => t.id === id)?.name ?? id;

/** The user as the emulated finesse.js REST serves it (and as User getters read it). */
export function userJson(world: World, u: FinesseUser) {
  const a = u.agent;
  return {
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    extension: a.extension,
    skillTargetId: a.skillTargetId,
    teamId: a.teamId,
    teamName: teamName(world, a.teamId),
    // Finesse supervisors hold the agent role too.
    roles: u.role === 'supervisor' ? ['Agent', 'Supervisor'] : ['Agent'],
    supervisedTeams: u.supervisedTeamIds.map((id) => ({
      id,
      name: teamName(world, id),
      uri: `/finesse/api/Team/${encodeURIComponent(id)}`,
    })),
  };
}

export function agentsJson(world: World) {
  const sup = (s: EmuSupervisor) => ({
    id: s.id,
    firstName: s.firstName,
    lastName: s.lastName,
    skillTargetId: s.skillTargetId,
    teamId: s.teamId,
    supervisedTeamIds: s.supervisedTeamIds,
  });
  return {
    teams: world.teams.map((t) => ({ id: t.id, name: t.name })),
    agents: world.agents.map((a) => ({
      id: a.id,
      firstName: a.firstName,
      lastName: a.lastName,
      skillTargetId: a.skillTargetId,
      teamId: a.teamId,
      extension: a.extension,
    })),
    supervisors: world.supervisors.map(sup),
  };
}
