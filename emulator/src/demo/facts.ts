/**
 * What the feedback-loop demo narrates: how many answers WxM holds for the agent (cc_AgentId) and for the
 * caller (cc_CustomerId), and the caller's newest one. Read straight from the world the WxM half serves, so the
 * narration states what the gadgets will find, computed independently of them.
 */
import type { Answer } from '../../../shared/wxm/types.js';
import type { World } from '../world/types.js';

export interface LoopFacts {
  /** Answers tagged with the agent's skill target id (all time). */
  agentResponses: number;
  /** Answers tagged with the customer id (all time); 0 without a customer. */
  customerResponses: number;
  /** The customer's newest answer: when, its NPS and CES, and which agent it rated. */
  newest?: {
    at: string; nps: number | null; csat: number | null; ces: number | null; comment: string | null; agentId: string | null; channel: string;
    /** The hidden context fields the answer carries (tag → value), as CVP prefilled them. */
    prefills: Record<string, string>;
  };
}

const CONTEXT_TAGS = ['cc_AgentId', 'cc_TeamId', 'cc_CustomerId', 'cc_QueueId', 'Mobile', 'Email'];

function idsTagged(world: World, tag: string): Set<string> {
  const t = tag.toLowerCase();
  return new Set(world.questions.filter((q) => q.questionTags?.some((x) => x.toLowerCase() === t)).map((q) => q.id));
}

export function loopFacts(world: World, skillTargetId: string, customerId?: string): LoopFacts {
  const agentQ = idsTagged(world, 'cc_AgentId');
  const customerQ = idsTagged(world, 'cc_CustomerId');
  // Malformed seeded records may lack responses: they never match.
  const has = (a: Answer, ids: Set<string>, value: string) => Array.isArray(a.responses) && a.responses.some((r) => ids.has(r?.questionId) && r.textInput === value);
  let agentResponses = 0;
  let customerResponses = 0;
  let newest: Answer | undefined;
  // A full walk: fine for the small profile the demo runs on (the large one takes a few seconds).
  for (const a of world.answers.newestFirst()) {
    if (has(a, agentQ, skillTargetId)) agentResponses++;
    if (customerId && has(a, customerQ, customerId)) {
      customerResponses++;
      newest ??= a;
    }
  }
  if (!newest) return { agentResponses, customerResponses };
  const num = (tag: string) => {
    const ids = idsTagged(world, tag);
    return newest!.responses.find((r) => ids.has(r?.questionId) && typeof r.numberInput === 'number')?.numberInput ?? null;
  };
  const text = (tag: string) => {
    const ids = idsTagged(world, tag);
    return newest!.responses.find((r) => ids.has(r?.questionId) && r.textInput)?.textInput ?? null;
  };
  const prefills: Record<string, string> = {};
  for (const tag of CONTEXT_TAGS) {
    const v = text(tag);
    if (v) prefills[tag] = v;
  }
  return {
    agentResponses,
    customerResponses,
    newest: {
      prefills, at: newest.responseDateTime, nps: num('NPS'), csat: num('CSAT'), ces: num('CES'), comment: text('Comments'), agentId: text('cc_AgentId'), channel: newest.surveyClient },
  };
}
