/** Static files (the built gadgets in dist, the emulator's own browser files) with correct content types. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Res } from './http.js';

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Resolves `rel` inside `root`, or undefined when it would escape it. */
export function safeJoin(root: string, rel: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = path.resolve(root);
  const full = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  return full === base || full.startsWith(base + path.sep) ? full : undefined;
}

export async function readInside(root: string, rel: string): Promise<string | undefined> {
  const file = safeJoin(root, rel);
  if (!file) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Serves root/rel; false when there is no such file (the caller answers 404). */
export async function serveFile(res: Res, root: string, rel: string, head = false): Promise<boolean> {
  const file = safeJoin(root, rel);
  if (!file) return false;
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      // Gadget scripts may be module scripts loaded from another origin (e.g. a dev server page).
      'Access-Control-Allow-Origin': '*',
    });
    res.end(head ? undefined : body);
    return true;
  } catch {
    return false;
  }
}
