/**
 * When an emulated call ends on a survey call type, play CVP's post-call survey (the WxM half implements it
 * in cvp/survey.ts). A survey failure is logged and recorded, never allowed to break the call flow.
 */
import type { CallContext, PostCallSurveyOptions } from '../cvp/survey.js';
import { QUEUES } from '../world/store.js';
import type { World } from '../world/types.js';
import { callerContext } from './caller.js';
import type { EndedCall } from './calls.js';

export type SurveyArgs = PostCallSurveyOptions;
export type SurveyRunner = (args: SurveyArgs) => Promise<unknown>;

export interface SurveyOutcome {
  dialogId: string;
  at: string;
  status: 'pending' | 'done' | 'failed';
  error?: string;
  result?: unknown;
}

/** The call context CVP has when it starts the survey (cc_AgentId is the agent's skill target id). */
export function surveyCall(world: World, ended: EndedCall): CallContext {
  const agent = ended.agent.agent;
  const caller = callerContext(ended.podId, ended.ani);
  // CVP knows the queue the call came through; calls placed without one get their team's queue.
  const teamIndex = Math.max(0, world.teams.findIndex((t) => t.id === agent.teamId));
  return {
    agentId: agent.skillTargetId,
    teamId: agent.teamId,
    queueId: ended.queueId ?? QUEUES[teamIndex % QUEUES.length],
    channel: 'voice',
    ...caller,
  };
}

export class SurveyLog {
  private outcomes: SurveyOutcome[] = [];

  constructor(private readonly run: SurveyRunner) {}

  list(): readonly SurveyOutcome[] {
    return this.outcomes;
  }

  /** Starts the survey; the promise never rejects. */
  start(dialogId: string, args: SurveyArgs): Promise<SurveyOutcome> {
    const outcome: SurveyOutcome = { dialogId, at: new Date().toISOString(), status: 'pending' };
    this.outcomes.unshift(outcome);
    this.outcomes.length = Math.min(this.outcomes.length, 100);
    return Promise.resolve()
      .then(() => this.run(args))
      .then(
        (result) => {
          outcome.status = 'done';
          outcome.result = result;
          console.log(`[emulator] post-call survey for dialog ${outcome.dialogId}: done`);
          return outcome;
        },
        (e: unknown) => {
          outcome.status = 'failed';
          // The message comes from our own survey code; it names hops and statuses, not caller data.
          outcome.error = e instanceof Error ? e.message : String(e);
          console.log(`[emulator] post-call survey for dialog ${outcome.dialogId} failed: ${outcome.error}`);
          return outcome;
        },
      );
  }
}
