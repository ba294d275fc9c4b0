/**
 * When an emulated call ends on a survey call type, play CVP's post-call survey (the WxM half implements it
 * in cvp/survey.ts). A survey failure is logged and recorded, never allowed to break the call flow.
 */
import { answerSurvey, type CallContext, type PostCallSurveyOptions, type SurveyAnswers } from '../cvp/survey.js';
import { QUEUES } from '../world/store.js';
import type { World } from '../world/types.js';
import { callerContext } from './caller.js';
import type { EndedCall } from './calls.js';

export type SurveyArgs = PostCallSurveyOptions;
export type SurveyRunner = (args: SurveyArgs) => Promise<unknown>;
/** Answers a survey link as the customer (default: cvp/survey.ts answerSurvey); resolves with the answer id. */
export type LinkAnswerer = (wxmUrl: string, token: string, answers: SurveyAnswers, opts: { seed?: number }) => Promise<string | undefined>;

/** A deferred (SMS/email link) survey: waiting for the customer, being answered, answered or refused. */
export interface LinkState {
  state: 'waiting' | 'answering' | 'answered' | 'failed';
  answerId?: string;
  error?: string;
  answeredAt?: string;
}

/** Why a link cannot be answered now (the control API maps it to a status). */
export class LinkRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface SurveyOutcome {
  dialogId: string;
  at: string;
  status: 'pending' | 'done' | 'failed';
  error?: string;
  result?: unknown;
  /** The agent (Finesse id) whose call this survey follows. */
  agentId?: string;
  /** Set for deferred surveys once the link has been handed out. */
  link?: LinkState;
}

/** The call context CVP has when it starts the survey (cc_AgentId is the agent's skill target id). */
export function surveyCall(world: World, ended: EndedCall): CallContext {
  const agent = ended.agent.agent;
  // The customer's number, never the agent's extension (outbound: the number the agent dialed).
  const caller = callerContext(ended.podId, ended.customerNumber);
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

  /** Per outcome, what the deferred link needs: WxM's origin and the survey token (kept out of list()). */
  private links = new WeakMap<SurveyOutcome, { wxmUrl: string; token: string; seed?: number }>();

  constructor(
    private readonly run: SurveyRunner,
    private readonly answerLink: LinkAnswerer = answerSurvey,
  ) {}

  list(): readonly SurveyOutcome[] {
    return this.outcomes;
  }

  /** Starts the survey; the promise never rejects. */
  start(dialogId: string, args: SurveyArgs, agentId?: string): Promise<SurveyOutcome> {
    const outcome: SurveyOutcome = { dialogId, at: new Date().toISOString(), status: 'pending', agentId };
    this.outcomes.unshift(outcome);
    this.outcomes.length = Math.min(this.outcomes.length, 100);
    return Promise.resolve()
      .then(() => this.run(args))
      .then(
        (result) => {
          outcome.status = 'done';
          outcome.result = result;
          const r = result as { deferred?: unknown; surveyToken?: unknown } | undefined;
          if (r?.deferred === true && typeof r.surveyToken === 'string') {
            outcome.link = { state: 'waiting' };
            this.links.set(outcome, { wxmUrl: args.wxmUrl, token: r.surveyToken, seed: args.seed });
          }
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

  /**
   * The customer answers the deferred survey of `dialogId` (the SMS/email link). Once only: a second answer, or
   * one while the first is on its way, is refused without reaching WxM; a link WxM refuses (expired, used) is
   * reported, never retried into a double.
   */
  async answerLater(dialogId: string, answers: SurveyAnswers = {}): Promise<SurveyOutcome> {
    const outcome = this.outcomes.find((o) => o.dialogId === dialogId);
    if (!outcome) throw new LinkRefused(404, 'no survey for this call');
    const link = this.links.get(outcome);
    if (!outcome.link || !link) throw new LinkRefused(409, outcome.status === 'pending' ? 'the survey link is not out yet' : 'this survey has no link to answer (inline or failed)');
    if (outcome.link.state === 'answering') throw new LinkRefused(409, 'this survey is being answered');
    if (outcome.link.state === 'answered') throw new LinkRefused(409, 'this survey has already been answered');
    if (outcome.link.state === 'failed') throw new LinkRefused(410, `the survey link was refused: ${outcome.link.error ?? 'unknown'}`);
    outcome.link = { state: 'answering' };
    try {
      const answerId = await this.answerLink(link.wxmUrl, link.token, answers, { seed: link.seed });
      outcome.link = { state: 'answered', answerId, answeredAt: new Date().toISOString() };
      console.log(`[emulator] deferred survey for dialog ${dialogId}: answered`);
      return outcome;
    } catch (e) {
      const status = (e as { status?: unknown }).status;
      const error = e instanceof Error ? e.message : String(e);
      // WxM said no for good (400 expired/used, 404 unknown): the link is dead. Anything else may be retried.
      if (typeof status === 'number' && status >= 400 && status < 500) {
        outcome.link = { state: 'failed', error };
        throw new LinkRefused(410, `the survey link was refused: ${error}`);
      }
      outcome.link = { state: 'waiting', error };
      throw new LinkRefused(502, `the answer did not reach WxM, try again: ${error}`);
    }
  }
}
