/**
 * Finesse's Team—Get Team (`GET /finesse/api/Team/{id}`): the team's uri, id, name and a summary of each member
 * (uri, loginId, firstName, lastName, dialogs, extension, pendingState, state, stateChangeTime — the subset the
 * Finesse 12.5 developer guide lists; no skillTargetId). finesse.js 10.5.1 reads the roster through
 * `new Team({id}).getUsers()`, which GETs this same resource (GET /Team/{id}/Users does not exist). Served as JSON
 * (what finesse.js makes of Finesse's XML): only the emulated finesse.js reads it. Rules: emulator/README.md.
 */
import type { World } from '../world/types.js';
import { perWorld } from '../world/per-world.js';
import { sendJson, type Res } from './http.js';
import { findUser } from './users.js';

/** `skillTargetId: true` adds the CCE skill target id to each member (not in the documented summary). */
export const rosterOptions = perWorld(() => ({ skillTargetId: false }));

const apiError = (type: string, message: string) => ({ ApiErrors: { ApiError: { ErrorType: type, ErrorMessage: message } } });

export function teamJson(world: World, teamId: string) {
  const team = world.teams.find((t) => t.id === teamId);
  if (!team) return undefined;
  const withSkillTarget = rosterOptions(world).skillTargetId;
  const users = world.agents
    .filter((a) => a.teamId === team.id)
    .map((a) => ({
      uri: `/finesse/api/User/${a.id}/`,
      loginId: a.id,
      firstName: a.firstName,
      lastName: a.lastName,
      dialogs: `/finesse/api/User/${a.id}/Dialogs`,
      extension: a.extension,
      pendingState: '',
      // Agent states are not modelled: everyone reads as NOT_READY.
      state: 'NOT_READY',
      stateChangeTime: world.startDay.toISOString(),
      ...(withSkillTarget ? { skillTargetId: a.skillTargetId } : {}),
    }));
  return { uri: `/finesse/api/Team/${team.id}`, id: team.id, name: team.name, users: { User: users } };
}

/**
 * `requester`: the authenticated Finesse user (undefined → 401 Authorization Failure). Only a supervisor of the
 * team may read it; anyone else gets Finesse's 401 "Invalid Authorization User Specified". Unknown team → 404.
 */
export function getTeam(world: World, requester: string | undefined, teamId: string, res: Res): void {
  if (!requester) return sendJson(res, 401, apiError('Authorization Failure', 'Unauthorized'));
  const team = teamJson(world, teamId);
  if (!team) return sendJson(res, 404, apiError('Not Found', 'The team id is invalid. No such team exists.'));
  const user = findUser(world, requester);
  if (user?.role !== 'supervisor' || !user.supervisedTeamIds.includes(team.id)) {
    return sendJson(res, 401, apiError('Invalid Authorization User Specified', 'The user is not authorized to perform this operation'));
  }
  sendJson(res, 200, team);
}
