/**
 * Writing a note on a response (docs/wxm-api.md, "Notes on an answer"): `POST /api/Answers/Note/{answerId}` with
 * `{"note": "..."}`. WxM attributes the note to the token's user: the gadget prefixes nothing and keeps nothing.
 * Carried by the note editor part (gadgets/journey/note-editor.ts), not by the gadget scripts.
 *
 * A write is sent once. The client repeats it only where the server refused it unapplied (401 → fresh token, 429);
 * a timeout, a 5xx or a network failure may come after WxM applied it, so they are reported as unconfirmed
 * ("check before trying again") and never repeated behind the user's back. A 401/403 that outlasts the token
 * refresh means this sign-in may read but not write (markWritesRefused: every "Add note" of the gadget goes).
 */
import { AppError, isAbort } from '../errors.js';
import { log } from '../log.js';
import { markWritesRefused, type NoteWriter } from './notes.js';
import type { Note } from './types.js';
import { validateNotes } from './validate.js';

/** Longest note the gadgets send, in characters (the emulated WxM takes more; the real limit is not published). */
export const NOTE_MAX_CHARS = 2000;

export type NoteCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long'; length: number };

/** The note as it will be sent (trimmed), or why it cannot be. Length in characters (code points), not UTF-16 units. */
export function checkNote(raw: string): NoteCheck {
  const text = raw.trim();
  const length = [...text].length;
  if (length === 0) return { ok: false, reason: 'empty', length };
  if (length > NOTE_MAX_CHARS) return { ok: false, reason: 'too-long', length };
  return { ok: true, text };
}

/**
 * Adds a note to the answer. Resolves to the answer's notes as WxM now holds them (from the reply when it is the
 * updated answer, else read back once), or null when they could not be read back — the note is saved either way.
 */
export async function addNote(wxm: NoteWriter, answerId: string, text: string, signal?: AbortSignal): Promise<Note[] | null> {
  const check = checkNote(text);
  if (!check.ok) throw new AppError('unexpected', 'client', `note not sent: ${check.reason}`, { retryable: false });
  let reply: unknown;
  try {
    reply = await wxm.write(`api/Answers/Note/${encodeURIComponent(answerId)}`, { note: check.text }, signal);
  } catch (e) {
    const err = writeError(e);
    if (err instanceof AppError && err.code === 'write-refused') markWritesRefused(wxm);
    throw err;
  }
  const fromReply = typeof reply === 'object' && reply !== null ? validateNotes((reply as { notes?: unknown }).notes) : null;
  if (fromReply || !wxm.answer) return fromReply;
  try {
    return (await wxm.answer(answerId, signal))?.notes ?? null;
  } catch (e) {
    if (isAbort(e)) throw e;
    log.warn('note saved, but the answer could not be read back', e);
    return null;
  }
}

/** A failed write in the words that matter for it: refused, unconfirmed, or as the read path maps it. */
function writeError(e: unknown): unknown {
  if (isAbort(e) || !(e instanceof AppError)) return e;
  if (e.status === 401 || e.status === 403) return new AppError('write-refused', 'wxm', `note refused (${e.status})`, { status: e.status, retryable: false });
  if (e.code === 'timeout' || e.code === 'wxm-server' || e.code === 'network') {
    return new AppError('write-unconfirmed', 'wxm', `note unconfirmed: ${e.detail}`, e.status === undefined ? {} : { status: e.status });
  }
  return e;
}
