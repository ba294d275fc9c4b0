/**
 * Control routes for behaviours the sources leave open: WxM's aggregate routes (present/missing, numeric key
 * format, unknown-question status), note writes (refused, stalled after applying, author) plus the notes written
 * lately (the control panel lists them), and whether Finesse team rosters carry skill target ids. Also what a WxM
 * admin does in the questionnaire editor that a gadget must notice: a question's tags edited.
 */
import { aggregateOptions } from '../wxm/aggregates.js';
import { noteState } from '../wxm/notes.js';
import type { FinesseContext } from './context.js';
import { BadRequest, readJson, sendJson, type Req, type Res } from './http.js';
import { rosterOptions } from './teams.js';

function pick<T extends string | number>(v: unknown, allowed: readonly T[], name: string): T | undefined {
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw new BadRequest(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

/** Handles /_emulator/wxm/aggregates, /_emulator/wxm/questions/ID, /_emulator/notes and /_emulator/finesse/roster; false for any other path. */
export async function optionsControl(ctx: FinesseContext, req: Req, res: Res, p: string, m: string): Promise<boolean> {
  if (p === '/wxm/aggregates' && (m === 'GET' || m === 'POST')) {
    const o = aggregateOptions(ctx.world);
    if (m === 'POST') {
      const b = await readJson(req);
      o.routes = pick(b.routes, ['present', 'missing'] as const, 'routes') ?? o.routes;
      o.numericKeys = pick(b.numericKeys, ['integer', 'decimal'] as const, 'numericKeys') ?? o.numericKeys;
      o.unknownQuestionStatus = pick(b.unknownQuestionStatus, [400, 404] as const, 'unknownQuestionStatus') ?? o.unknownQuestionStatus;
    }
    sendJson(res, 200, { ...o });
    return true;
  }
  const question = /^\/wxm\/questions\/([^/]+)$/.exec(p);
  if (question && m === 'POST') {
    const q = ctx.world.questions.find((x) => x.id === decodeURIComponent(question[1]!));
    if (!q) {
      sendJson(res, 404, { message: 'no such question' });
      return true;
    }
    const { questionTags } = await readJson(req);
    if (!Array.isArray(questionTags) || !questionTags.every((t) => typeof t === 'string')) throw new BadRequest('questionTags must be an array of strings');
    q.questionTags = questionTags as string[];
    sendJson(res, 200, q);
    return true;
  }
  if (p === '/notes' && (m === 'GET' || m === 'POST')) {
    const state = noteState(ctx.world);
    if (m === 'POST') {
      const b = await readJson(req);
      const o = state.options;
      o.writes = pick(b.writes, ['allowed', 'refused'] as const, 'writes') ?? o.writes;
      o.author = pick(b.author, ['service', 'finesse-user'] as const, 'author') ?? o.author;
      if (b.stallAfterApplyMs !== undefined) {
        const ms = Number(b.stallAfterApplyMs);
        if (!Number.isFinite(ms) || ms < 0) throw new BadRequest('stallAfterApplyMs must be a number ≥ 0');
        o.stallAfterApplyMs = ms;
      }
    }
    sendJson(res, 200, { options: { ...state.options }, notes: state.log });
    return true;
  }
  if (p === '/finesse/roster' && (m === 'GET' || m === 'POST')) {
    const o = rosterOptions(ctx.world);
    if (m === 'POST') {
      const b = await readJson(req);
      if (typeof b.skillTargetId !== 'boolean') throw new BadRequest('skillTargetId must be true or false');
      o.skillTargetId = b.skillTargetId;
    }
    sendJson(res, 200, { ...o });
    return true;
  }
  return false;
}
