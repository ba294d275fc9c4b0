/**
 * Which view the gadget shows, from what it knows (configuration, Finesse session, the chosen or remembered team,
 * the period). Pure: the app element calls it on every render and the Task compares its result by value.
 */
import type { FinesseSession, Team } from '../../shared/finesse/types.js';
import type { FilterTag, GadgetConfig } from '../../shared/config/types.js';
import type { AnswerScope } from './filter.js';
import type { PeriodChoice } from './period.js';

export interface ViewRequest {
  scope: AnswerScope;
  period: PeriodChoice;
  /** What the view is benchmarked against: the agent's team, or all teams (no scope). */
  benchmark?: { kind: 'team' | 'all'; scope?: AnswerScope };
  /** Team view: per-agent table. */
  perAgent: boolean;
  now?: Date;
}

export interface ViewMode {
  tag: FilterTag;
  /** No filterTags parameter: the mode follows the Finesse role (the gadget says so). */
  derived: boolean;
}

export interface ViewChoice {
  mode: ViewMode;
  /** Teams the select offers (team view). */
  teams: Team[];
  /** The team shown in the team view. */
  team?: Team;
  /** Undefined while there is nothing to show (no session yet, a team view without teams). */
  request?: ViewRequest;
}

export interface ViewInputs {
  config?: Pick<GadgetConfig, 'filterTag'>;
  session?: FinesseSession;
  /** The team picked in this session, else the one remembered in the UserPref. */
  chosenTeamId?: string;
  rememberedTeamId?: string;
  period: PeriodChoice;
}

export function modeOf(config: ViewInputs['config'], session: FinesseSession | undefined): ViewMode {
  if (config?.filterTag) return { tag: config.filterTag, derived: false };
  return { tag: session?.role === 'supervisor' ? 'cc_TeamId' : 'cc_AgentId', derived: true };
}

export function teamsOf(session: FinesseSession | undefined): Team[] {
  if (!session) return [];
  if (session.supervisedTeams.length > 0) return session.supervisedTeams;
  return session.team ? [session.team] : [];
}

export function chooseView({ config, session, chosenTeamId, rememberedTeamId, period }: ViewInputs): ViewChoice {
  const mode = modeOf(config, session);
  const teams = teamsOf(session);
  const wanted = chosenTeamId ?? rememberedTeamId;
  const team = teams.find((t) => t.id === wanted) ?? teams[0];
  const choice: ViewChoice = { mode, teams, ...(team ? { team } : {}) };
  if (!session || !config) return choice;
  if (mode.tag === 'cc_AgentId') {
    const request: ViewRequest = { scope: { tag: 'cc_AgentId', value: session.wxmAgentId }, period, perAgent: false };
    if (session.team) request.benchmark = { kind: 'team', scope: { tag: 'cc_TeamId', value: session.team.id } };
    return { ...choice, request };
  }
  if (!team) return choice;
  return { ...choice, request: { scope: { tag: 'cc_TeamId', value: team.id }, period, perAgent: true, benchmark: { kind: 'all' } } };
}

/** Two requests ask for the same view (same people, same period). */
export function sameView(a: ViewRequest | undefined, b: ViewRequest | undefined): boolean {
  return viewKey(a) === viewKey(b);
}

/** A stable key of a request ('' for none). */
export function viewKey(req: ViewRequest | undefined): string {
  if (!req) return '';
  const p = req.period;
  return JSON.stringify([req.scope.tag, req.scope.value, p.key, p.from ?? '', p.to ?? '', req.benchmark?.scope?.value ?? '']);
}
