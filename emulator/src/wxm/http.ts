/** Small node:http helpers for the WxM routes: CORS like the real API, JSON in and out. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const DENIED = { message: 'Authorization has been denied for this request.' };
export const INVALID = { message: 'The request is invalid.' };
const MAX_BODY = 1_000_000;

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: unknown, readonly headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
  }
}

/** Browsers call the API from gadgets and web surveys: echo the origin, allow the two headers the API needs. */
export function setCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  // So a browser client can read the back-off hint on a cross-origin 429.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Access-Control-Max-Age', '600');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Write a large JSON array piece by piece, honouring back-pressure (1M answers never become one string). */
export async function streamJsonArray<T>(res: ServerResponse, count: number, item: (k: number) => T): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.write('[');
  for (let k = 0; k < count; k++) {
    if (res.destroyed) return;
    const ok = res.write((k ? ',' : '') + JSON.stringify(item(k)));
    if (!ok) {
      await new Promise<void>((resolve) => {
        const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end(']');
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, { message: 'Request entity too large.' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson<T>(req: IncomingMessage): Promise<T | undefined> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HttpError(400, INVALID);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
