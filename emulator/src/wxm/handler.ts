/**
 * The WxM REST API of the emulator (routes and shapes: docs/wxm-api.md). Every request: CORS, emulated
 * latency, injected fault (if any), bearer auth, per-token rate limit, then the route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer, FilterBy } from '../../../shared/wxm/types.js';
import type { FaultRegistry, FaultSpec } from '../faults.js';
import type { TokenStore } from '../tokens.js';
import type { World } from '../world/types.js';
import { aggregateOptions, compare, flashNps, summary, UnknownQuestion } from './aggregates.js';
import { DENIED, HttpError, INVALID, readBody, readJson, sendJson, setCors, sleep, streamJsonArray } from './http.js';
import { breakBody } from './malformed.js';
import { addNote, authorOf, noteState, noteText } from './notes.js';
import { BadFilter, query } from './query.js';
import { RateLimiter } from './rate-limit.js';
import { SurveyTokenStore } from './surveys.js';
import { variantsOf } from '../variants.js';

export interface WxmContext {
  world: World;
  tokens: TokenStore;
  faults: FaultRegistry;
  /** Added to every call (mutable). */
  latencyMs: number;
  /** Per bearer token (mutable); see DEFAULT_RATE_LIMIT. */
  rateLimit: { max: number; windowMs: number };
  /** Survey tokens; created by createWxmHandler when absent so the caller can inspect them. */
  surveys?: SurveyTokenStore;
}

const USER = 'admin';
const PASSWORDS = new Set(['emulator', 'emulator-key']);

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** lower-cased path segments after /api/ */
  parts: string[];
  /** raw path segments (tokens and ids keep their case) */
  rawParts: string[];
  /** a malformed fault applies: break the body of the reply */
  malformed: boolean;
  /** paging faults (faults.ts) */
  repeatPage?: boolean;
  overlapRows?: number;
}

/** Page number, 0-based index and rows of `answers/page/{page}/{rows}` in the world's page base (variants.ts). */
function pageOf(world: World, parts: string[]): { page: number; index: number; rows: number } {
  const base = variantsOf(world).pageBase;
  // A page below the first is the first (page 0 on a 1-based server), as before.
  const page = Math.max(base, Math.trunc(Number(parts[2])) || base);
  return { page, index: page - base, rows: Math.trunc(Number(parts[3])) };
}

export function createWxmHandler(ctx: WxmContext): (req: IncomingMessage, res: ServerResponse) => void {
  const limiter = new RateLimiter();
  const surveys = (ctx.surveys ??= new SurveyTokenStore(ctx.world));
  let malformedHits = 0;

  const reply = (call: Call, route: string, body: unknown, status = 200) =>
    sendJson(call.res, status, call.malformed ? breakBody(route, body, malformedHits++) : body);

  const faultReply = (res: ServerResponse, fault: FaultSpec) => {
    const status = fault.status!;
    if (status === 401) return sendJson(res, 401, DENIED, { 'WWW-Authenticate': 'Bearer' });
    if (status === 429) return sendJson(res, 429, { message: 'Too many requests.' }, { 'Retry-After': '1' });
    if (status >= 500) return sendJson(res, status, { message: 'An error has occurred.', exceptionMessage: 'Injected fault' });
    return sendJson(res, status, { message: `Injected fault ${status}.` });
  };

  const authorise = (call: Call): string => {
    const header = call.req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (ctx.tokens.check(token) !== 'ok') throw new HttpError(401, DENIED, { 'WWW-Authenticate': 'Bearer' });
    const wait = limiter.check(token!, ctx.rateLimit);
    if (wait !== undefined) throw new HttpError(429, { message: 'Too many requests.' }, { 'Retry-After': String(wait) });
    return token!;
  };

  const noRoute = (call: Call) =>
    new HttpError(404, { message: `No HTTP resource was found that matches the request URI '${call.req.url ?? ''}'.` });

  const filterOf = async (call: Call): Promise<FilterBy> => {
    const body = await readJson<FilterBy>(call.req);
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) throw new HttpError(400, INVALID);
    return body ?? {};
  };

  const refsFor = (filter: FilterBy): number[] => {
    try {
      return query(ctx.world, filter);
    } catch (e) {
      if (e instanceof BadFilter) throw new HttpError(400, { message: 'The request is invalid.', detail: e.message });
      throw e;
    }
  };

  async function login(call: Call): Promise<void> {
    const form = new URLSearchParams(await readBody(call.req));
    if (form.get('grant_type') !== 'password') {
      throw new HttpError(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be password.' });
    }
    if (form.get('username') !== USER || !PASSWORDS.has(form.get('password') ?? '')) {
      throw new HttpError(400, { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' });
    }
    const { token, expiresAt } = ctx.tokens.issue(USER);
    const now = new Date();
    reply(call, 'login', {
      access_token: token, token_type: 'bearer', expires_in: Math.max(0, Math.round((expiresAt - now.getTime()) / 1000)),
      userName: USER, email: 'admin@example.com', primaryRole: 'MasterUser', managedBy: USER,
      '.issued': now.toUTCString(), '.expires': new Date(expiresAt).toUTCString(),
    });
  }

  /** Routes that need a bearer token. */
  async function api(call: Call, token: string): Promise<void> {
    const { method, parts, rawParts } = call;
    const { world } = ctx;
    const key = `${method} ${parts.join('/')}`;
    if (key === 'GET questions/active') return reply(call, 'questions', world.questions);
    if (key === 'POST questions/questionnaire') {
      const body = await readJson<{ name?: string }>(call.req);
      return reply(call, 'questions', world.questions.filter((q) => q.setName === body?.name));
    }
    if (key === 'GET allsurveyquestionnaires') return reply(call, 'questionnaires', world.questionnaires);
    if (key === 'GET settings') return reply(call, 'settings', world.settings);
    if (key === 'POST answers') {
      const refs = refsFor(await filterOf(call));
      if (call.malformed) return reply(call, 'answers', refs.slice(0, 50).map((r) => world.answers.materialise(r)));
      return streamJsonArray(call.res, refs.length, (k) => world.answers.materialise(refs[k]!));
    }
    if (method === 'POST' && parts[0] === 'answers' && parts.length === 4 && parts[1] === 'page') {
      const { page, index, rows } = pageOf(world, parts);
      if (!(rows >= 1)) throw new HttpError(400, INVALID);
      const refs = refsFor(await filterOf(call));
      const served = call.repeatPage ? index - 1 : index; // a server that repeats a page
      const from = Math.max(0, served * rows - (call.overlapRows ?? 0));
      const responses: Answer[] = refs.slice(from, (served + 1) * rows).map((r) => world.answers.materialise(r));
      return reply(call, 'answers/page', { currentPage: page, totalCount: refs.length, totalPages: Math.ceil(refs.length / rows), responses });
    }
    if (key === 'POST answers/count') return reply(call, 'count', refsFor(await filterOf(call)).length);
    if (method === 'GET' && parts[0] === 'answer' && parts.length === 2) {
      const answer = world.answers.get(rawParts[1]!);
      if (!answer) throw new HttpError(404, { message: 'Answer not found.' });
      return reply(call, 'answer', answer);
    }
    if (key === 'POST flashnps') {
      const filter = await filterOf(call);
      return reply(call, 'flashnps', flashNps(world, refsFor(filter), filter));
    }
    if (key === 'POST summary' || (method === 'POST' && parts[0] === 'answers' && parts[1] === 'compare' && parts.length === 4)) {
      return aggregate(call);
    }
    if (method === 'POST' && parts[0] === 'answers' && parts[1] === 'note' && parts.length === 3) return note(call, token);
    if (key === 'POST surveytoken') {
      const token = surveys.create(await readJson<Record<string, unknown>>(call.req), USER);
      return reply(call, 'surveytoken', surveys.describe(token));
    }
    throw noRoute(call);
  }

  /** /api/summary and /api/answers/compare/{q1}/{q2} (aggregates.ts). */
  async function aggregate(call: Call): Promise<void> {
    const options = aggregateOptions(ctx.world);
    if (options.routes === 'missing') throw noRoute(call);
    const filter = await filterOf(call);
    const refs = refsFor(filter);
    if (call.parts[0] === 'summary') return reply(call, 'summary', summary(ctx.world, refs, filter, options.numericKeys));
    try {
      return reply(call, 'compare', compare(ctx.world, refs, call.rawParts[2]!, call.rawParts[3]!, options.numericKeys));
    } catch (e) {
      if (!(e instanceof UnknownQuestion)) throw e;
      throw new HttpError(options.unknownQuestionStatus, { message: options.unknownQuestionStatus === 404 ? 'Question not found.' : 'The request is invalid.' });
    }
  }

  /** POST /api/Answers/Note/{answerId} (notes.ts). */
  async function note(call: Call, token: string): Promise<void> {
    const { options } = noteState(ctx.world);
    if (options.writes === 'refused') throw new HttpError(403, DENIED);
    const ref = ctx.world.answers.refOf(call.rawParts[2]!);
    if (ref === undefined) throw new HttpError(404, { message: 'Answer not found.' });
    const text = noteText(await readJson<unknown>(call.req));
    if ('error' in text) throw new HttpError(400, { message: 'The request is invalid.', detail: text.error });
    const answer = addNote(ctx.world, ref, authorOf(ctx.world, ctx.tokens.userOf(token) ?? 'unknown', options.author), text.text);
    if (options.stallAfterApplyMs > 0) await sleep(options.stallAfterApplyMs);
    return reply(call, 'answer', answer);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCors(req, res);
    if (ctx.latencyMs > 0) await sleep(ctx.latencyMs);
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      res.writeHead(204);
      return void res.end();
    }
    const path = new URL(req.url ?? '/', 'http://wxm').pathname;
    // Paging faults skip a first page: there is no page before it to repeat.
    const paging = /^\/api\/answers\/page\/[^/]+\/[^/]+$/i.test(path) ? pageOf(ctx.world, path.split('/').slice(2)) : undefined;
    const fault = ctx.faults.take(path, (f) => !(f.repeatPage || f.overlapRows) || (paging !== undefined && paging.index > 0));
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status) return faultReply(res, fault);
    let rawParts: string[];
    try {
      rawParts = path.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new HttpError(400, INVALID);
    }
    if (rawParts[0]?.toLowerCase() !== 'api') throw new HttpError(404, { message: 'Not found.' });
    rawParts.shift();
    const call: Call = { req, res, method, rawParts, parts: rawParts.map((p) => p.toLowerCase()), malformed: fault?.malformed === true,
      repeatPage: fault?.repeatPage, overlapRows: fault?.overlapRows };
    const head = call.parts[0];
    if (method === 'POST' && head === 'logintoken' && call.parts.length === 1) return login(call);
    if (head === 'surveybytoken' && call.parts.length === 2) {
      const token = call.rawParts[1]!;
      if (method === 'GET') return reply(call, 'questions', surveys.questions(token));
      if (method === 'POST') return reply(call, 'answer', surveys.submit(token, await readJson<Record<string, unknown>>(req)));
    }
    return api(call, authorise(call));
  }

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendJson(res, e.status, e.body, e.headers);
      // Never echo internals (or request content) back; the emulator's own console gets the stack.
      console.error('wxm emulator:', e);
      sendJson(res, 500, { message: 'An error has occurred.' });
    });
  };
}
