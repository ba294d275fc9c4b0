/**
 * When an emulated call ends on a survey call type, play CVP's post-call survey (the WxM half implements it
 * in cvp/survey.ts). A survey failure is logged and recorded, never allowed to break the call flow.
 */
import type { World } from '../world/types.js';
import { callerContext } from './caller.js';
import type { EndedCall } from './calls.js';

/** The call context CVP has when it starts the survey. */
export interface SurveyCall {
  /** cc_AgentId: the agent's CCE skill target id. */
  agentId: string;
  skillTargetId: string;
  teamId: string;
  customerId?: string;
  mobile?: string;
  email?: string;
  queueId?: string;
  channel: string;
  dialogId: string;
}

export interface SurveyArgs {
  wxmUrl: string;
  cloudConnectUrl: string;
  call: SurveyCall;
  answers?: unknown;
  deferred?: boolean;
}

export type SurveyRunner = (args: SurveyArgs) => Promise<unknown>;

export interface SurveyOutcome {
  dialogId: string;
  at: string;
  status: 'pending' | 'done' | 'failed';
  error?: string;
  result?: unknown;
}

export function surveyCall(world: World, ended: EndedCall): SurveyCall {
  const agent = ended.agent.agent;
  const caller = callerContext(ended.podId, ended.ani);
  const call: SurveyCall = {
    agentId: agent.skillTargetId,
    skillTargetId: agent.skillTargetId,
    teamId: agent.teamId,
    channel: 'voice',
    dialogId: ended.dialog.id,
    ...caller,
  };
  if (ended.queueId) call.queueId = ended.queueId;
  void world;
  return call;
}

export class SurveyLog {
  private outcomes: SurveyOutcome[] = [];

  constructor(private readonly run: SurveyRunner) {}

  list(): readonly SurveyOutcome[] {
    return this.outcomes;
  }

  /** Starts the survey; the promise never rejects. */
  start(args: SurveyArgs): Promise<SurveyOutcome> {
    const outcome: SurveyOutcome = { dialogId: args.call.dialogId, at: new Date().toISOString(), status: 'pending' };
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
