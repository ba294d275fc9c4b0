/** The control API (`/_emulator/...`): drives calls, faults, tokens and Cloud Connect; lists the world. */
import type { SurveyAnswers } from '../cvp/survey.js';
import type { EmuCustomer } from '../world/types.js';
import type { FinesseContext } from './context.js';
import { BadRequest, readJson, sendJson, type Req, type Res } from './http.js';
import { loopFacts } from '../demo/facts.js';
import { isPodIdForm, POD_ID_FORMS, type PodIdForm } from './caller.js';
import { LinkRefused, surveyCall } from './survey-hook.js';
import { agentsJson, basicAuth, findUser } from './users.js';
import { randomBytes } from 'node:crypto';
import { optionsControl } from './control-options.js';
import { customerFacts } from '../world/customer-facts.js';
import { setVariants, variantsOf } from '../variants.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function num(v: unknown, name: string, min = 0): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new BadRequest(`${name} must be a number ≥ ${min}`);
  return n;
}

export const traitsOf = (c: EmuCustomer): string[] => {
  const t = (c as EmuCustomer & { traits?: unknown }).traits;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
};

/** Handles a /_emulator/ control route; false when the path is not one. */
export async function control(ctx: FinesseContext, req: Req, res: Res, url: URL): Promise<boolean> {
  const p = url.pathname.slice('/_emulator'.length);
  const m = req.method ?? 'GET';
  const { calls } = ctx;

  // Aggregate-route, note-write and roster variants; the notes written lately (control-options.ts).
  if (await optionsControl(ctx, req, res, p, m)) return true;

  if (p === '/calls' && m === 'POST') {
    const b = await readJson(req);
    const dialog = calls.place({
      ani: str(b.ani),
      podId: str(b.podId),
      callType: str(b.callType),
      user: str(b.user),
      customerId: str(b.customerId),
      dnis: str(b.dnis),
      queueId: str(b.queueId),
      podIdKey: str(b.podIdKey),
      podIdForm: podIdForm(b.podIdForm),
      callVariables: b.callVariables as Record<string, string> | undefined,
      survey: b.survey === false ? false : undefined,
    });
    sendJson(res, 200, { id: dialog.id, dialog });
    return true;
  }
  // Outbound: the agent dials a customer (or a number); answer = the customer picks up.
  if (p === '/dial' && m === 'POST') {
    const b = await readJson(req);
    const dialog = calls.dial({
      user: str(b.user),
      to: str(b.to),
      customerId: str(b.customerId),
      callType: str(b.callType),
      podId: str(b.podId),
      podIdForm: podIdForm(b.podIdForm),
      podIdKey: str(b.podIdKey),
      survey: b.survey === true,
    });
    sendJson(res, 200, { id: dialog.id, dialog });
    return true;
  }
  if (p === '/calls' && m === 'GET') {
    const user = url.searchParams.get('user') ?? '';
    sendJson(res, 200, { dialogs: calls.dialogsOf(user) });
    return true;
  }
  const action = /^\/calls\/([^/]+)\/(answer|hold|resume|consult|end)$/.exec(p);
  if (action && m === 'POST') {
    const [, id, verb] = action as unknown as [string, string, string];
    const b = await readJson(req);
    if (verb === 'end') {
      const ended = calls.end(id);
      let survey: unknown = 'skipped';
      if (ended.survey) {
        const call = surveyCall(ctx.world, ended);
        const deferred = b.deferred === true || b.deferred === 'sms' || b.deferred === 'email';
        // A deferred survey goes out as a link: SMS when CVP knows a mobile (or was asked to), else email.
        if (deferred) call.channel = b.deferred === 'email' || (b.deferred !== 'sms' && !call.mobile && call.email) ? 'email' : 'sms';
        const started = ctx.surveys.start(id, {
          wxmUrl: ctx.wxmUrl(),
          cloudConnectUrl: ctx.selfUrl(),
          call,
          answers: surveyAnswers(b.answers),
          deferred,
          seed: nextSeed(ctx),
        }, ended.agent.agent.id);
        survey = b.wait === true ? await started : 'started';
      }
      sendJson(res, 200, { id, state: 'DROPPED', survey });
      return true;
    }
    const dialog =
      verb === 'answer'
        ? calls.answer(id)
        : verb === 'hold'
          ? calls.hold(id)
          : verb === 'resume'
            ? calls.resume(id)
            : calls.consult(id, str(b.to));
    sendJson(res, 200, { id: dialog.id, dialog });
    return true;
  }
  if (p === '/surveys' && m === 'GET') {
    sendJson(res, 200, { surveys: ctx.surveys.list() });
    return true;
  }
  // Keyed by the call's dialog id, not the survey token: tokens stay out of URLs.
  const later = /^\/surveys\/([^/]+)\/answer$/.exec(p);
  if (later && m === 'POST') {
    const b = await readJson(req);
    try {
      const outcome = await ctx.surveys.answerLater(decodeURIComponent(later[1]!), surveyAnswers(b.answers));
      sendJson(res, 200, { dialogId: outcome.dialogId, link: outcome.link });
    } catch (e) {
      if (!(e instanceof LinkRefused)) throw e;
      sendJson(res, e.status, { error: e.message });
    }
    return true;
  }
  if (p === '/demo/facts' && m === 'POST') {
    // POST so that the customer id travels in the body, never in a URL.
    const b = await readJson(req);
    const agent = findUser(ctx.world, str(b.agent));
    if (!agent) throw new BadRequest('unknown agent', 404);
    sendJson(res, 200, loopFacts(ctx.world, agent.agent.skillTargetId, str(b.customer)));
    return true;
  }
  if (p === '/monitor' && m === 'POST') {
    const b = await readJson(req);
    const dialog = calls.monitor(str(b.supervisor) ?? '', str(b.agent) ?? '');
    sendJson(res, 200, { id: dialog.id, dialog });
    return true;
  }
  if (p === '/faults' && m === 'POST') {
    const b = await readJson(req);
    const route = str(b.route);
    if (!route) throw new BadRequest('route is required ("*" for every WxM route, or a path prefix)');
    const spec = {
      route,
      status: num(b.status, 'status', 100),
      delayMs: num(b.delayMs, 'delayMs'),
      count: num(b.count, 'count', 1),
      malformed: b.malformed === true ? true : undefined,
      repeatPage: b.repeatPage === true ? true : undefined,
      overlapRows: num(b.overlapRows, 'overlapRows', 1),
    };
    for (const k of Object.keys(spec) as Array<keyof typeof spec>) if (spec[k] === undefined) delete spec[k];
    // Finesse-side paths have their own registry so that a WxM "*" fault never hits the token service.
    const finesseSide = route.startsWith('/finesse/') || route.startsWith('/cherrypoint/');
    (finesseSide ? ctx.finesseFaults : ctx.wxmFaults).add(spec);
    sendJson(res, 200, faultsJson(ctx));
    return true;
  }
  if (p === '/faults' && m === 'GET') {
    sendJson(res, 200, faultsJson(ctx));
    return true;
  }
  if (p === '/faults' && m === 'DELETE') {
    ctx.wxmFaults.clear();
    ctx.finesseFaults.clear();
    sendJson(res, 200, faultsJson(ctx));
    return true;
  }
  // Unknown vendor behaviours, switched at run time (variants.ts).
  if (p === '/variants' && (m === 'POST' || m === 'GET')) {
    try {
      sendJson(res, 200, m === 'POST' ? setVariants(ctx.world, await readJson(req)) : variantsOf(ctx.world));
    } catch (e) {
      throw e instanceof BadRequest ? e : new BadRequest((e as Error).message);
    }
    return true;
  }
  if (p === '/cloudconnect' && m === 'POST') {
    const b = await readJson(req);
    if (typeof b.down !== 'boolean') throw new BadRequest('down must be true or false');
    ctx.cloudConnect.down = b.down;
    sendJson(res, 200, { down: ctx.cloudConnect.down });
    return true;
  }
  if (p === '/tokens/expire' && m === 'POST') {
    ctx.tokens.expireAll();
    sendJson(res, 200, { expired: true });
    return true;
  }
  if (p === '/tokens' && m === 'POST') {
    const b = await readJson(req);
    const ttlMs = num(b.ttlMs, 'ttlMs', 1);
    if (ttlMs === undefined) throw new BadRequest('ttlMs is required');
    ctx.tokens.ttlMs = ttlMs;
    sendJson(res, 200, { ttlMs });
    return true;
  }
  if (p === '/rate-limit' && m === 'POST') {
    const b = await readJson(req);
    const max = num(b.max, 'max', 1);
    const windowMs = num(b.windowMs, 'windowMs', 1);
    if (max !== undefined) ctx.rateLimit.max = max;
    if (windowMs !== undefined) ctx.rateLimit.windowMs = windowMs;
    sendJson(res, 200, { ...ctx.rateLimit });
    return true;
  }
  if (p === '/state' && m === 'GET') {
    sendJson(res, 200, {
      cloudConnect: { ...ctx.cloudConnect },
      rateLimit: { ...ctx.rateLimit },
      tokenTtlMs: ctx.tokens.ttlMs,
      ...faultsJson(ctx),
    });
    return true;
  }
  if (p === '/customers' && m === 'GET') {
    const limit = Math.min(num(url.searchParams.get('limit') || undefined, 'limit', 0) ?? 100, 10_000);
    const trait = url.searchParams.get('trait');
    const out = [];
    for (const [index, c] of ctx.world.customers.entries()) {
      if (out.length >= limit) break;
      const traits = traitsOf(c);
      if (trait && !traits.includes(trait)) continue;
      out.push({ id: c.id, name: c.name, mobile: c.mobile, email: c.email, surveyCount: c.surveyCount, language: c.language, traits,
        ...customerFacts(ctx.world, index) });
    }
    sendJson(res, 200, { total: ctx.world.customers.length, customers: out });
    return true;
  }
  if (p === '/agents' && m === 'GET') {
    sendJson(res, 200, agentsJson(ctx.world));
    return true;
  }
  if (p === '/login' && m === 'POST') {
    const b = await readJson(req);
    const id = str(b.agentId) ?? str(b.supervisorId) ?? str(b.id);
    const user = findUser(ctx.world, id);
    if (!user || (b.supervisorId !== undefined && user.role !== 'supervisor')) throw new BadRequest('unknown user', 404);
    if (user.role === 'agent') calls.lastAgent = user.agent.id;
    const authToken = randomBytes(24).toString('base64url');
    ctx.ssoTokens.set(authToken, user.agent.id);
    sendJson(res, 200, {
      id: user.agent.id,
      role: user.role,
      authorization: basicAuth(user.agent.id),
      authToken,
      cceSkillTargetId: user.agent.skillTargetId,
      teamId: user.agent.teamId,
      supervisedTeamIds: user.supervisedTeamIds,
    });
    return true;
  }
  return false;
}

function podIdForm(v: unknown): PodIdForm | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (!isPodIdForm(v)) throw new BadRequest(`podIdForm must be one of ${POD_ID_FORMS.join(', ')}`);
  return v;
}

/** Seeds for the callers' random answers: the world's seed, then one more per survey (reproducible runs). */
const surveyCounters = new WeakMap<FinesseContext, number>();
function nextSeed(ctx: FinesseContext): number {
  const n = (surveyCounters.get(ctx) ?? 0) + 1;
  surveyCounters.set(ctx, n);
  return (ctx.world.seed * 1_000_003 + n) >>> 0;
}

function faultsJson(ctx: FinesseContext) {
  return { faults: [...ctx.wxmFaults.list()], finesseFaults: [...ctx.finesseFaults.list()] };
}

/** Scripted caller answers ({nps?, csat?, ces?, comment?}); anything else is ignored. */
function surveyAnswers(v: unknown): SurveyAnswers | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const a = v as Record<string, unknown>;
  const out: SurveyAnswers = {};
  for (const k of ['nps', 'csat', 'ces'] as const) if (typeof a[k] === 'number') out[k] = a[k] as number;
  if (typeof a.comment === 'string') out.comment = a.comment;
  return out;
}
