/**
 * Notes on a response: `POST /api/Answers/Note/{answerId}` with `{"note": "..."}` (the vendor's Salesforce
 * connectors); the note lands in the answer's `notes[]` as `{user, authorName, noteTime, note}`. What the
 * sources leave open (limit, order of checks, reply body, who a Cloud Connect token writes as) is decided here and
 * listed in emulator/README.md ("Notes").
 */
import type { Answer, Note } from '../../../shared/wxm/types.js';
import { perWorld } from '../world/per-world.js';
import type { World } from '../world/types.js';

/** Longest note the emulated WxM accepts (assumed; the gadgets limit theirs to less). */
export const NOTE_MAX_CHARS = 4000;
/** How many written notes the control panel can list. */
const LOG_SIZE = 50;

export interface NoteOptions {
  /** 'refused': every note write answers 403 (a token that may read but not write). */
  writes: 'allowed' | 'refused';
  /** Apply the note, then hold the reply this long (the client's timeout fires after the write took effect). */
  stallAfterApplyMs: number;
  /**
   * Who a Cloud Connect token writes as: 'service' (assumed: Cloud Connect holds one WxM integration user for the
   * tenant) or 'finesse-user' (the signed-in Finesse user the token was fetched for).
   */
  author: 'service' | 'finesse-user';
}

export interface LoggedNote extends Note {
  answerId: string;
}

export interface NoteState {
  options: NoteOptions;
  /** Newest first. */
  log: LoggedNote[];
}

export const noteState = perWorld((): NoteState => ({
  options: { writes: 'allowed', stallAfterApplyMs: 0, author: 'service' },
  log: [],
}));

export const CLOUD_CONNECT_AUTHOR = { user: 'cloudconnect', authorName: 'Cloud Connect' };

/** The note's author from the token's owner (TokenStore.userOf). */
export function authorOf(world: World, tokenUser: string, mode: NoteOptions['author']): Pick<Note, 'user' | 'authorName'> {
  if (!tokenUser.startsWith('cloudconnect:')) return { user: tokenUser, authorName: tokenUser };
  const id = tokenUser.slice('cloudconnect:'.length);
  const person = mode === 'finesse-user' ? [...world.supervisors, ...world.agents].find((a) => a.id === id) : undefined;
  return person ? { user: person.id, authorName: `${person.firstName} ${person.lastName}` } : { ...CLOUD_CONNECT_AUTHOR };
}

/** Why a note body is refused (400), or the note text. */
export function noteText(body: unknown): { text: string } | { error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'body must be {"note": "..."}' };
  const note = (body as Record<string, unknown>).note;
  if (typeof note !== 'string') return { error: 'note must be a string' };
  if (note.trim() === '') return { error: 'note is empty' };
  if (note.length > NOTE_MAX_CHARS) return { error: `note is longer than ${NOTE_MAX_CHARS} characters` };
  return { text: note };
}

/** Appends the note to the answer (ref) and to the log; returns the updated answer. */
export function addNote(world: World, ref: number, author: Pick<Note, 'user' | 'authorName'>, text: string): Answer {
  const note: Note = { ...author, noteTime: new Date().toISOString(), note: text };
  world.answers.addNote(ref, note);
  const state = noteState(world);
  state.log.unshift({ answerId: world.answers.idOf(ref), ...note });
  state.log.length = Math.min(state.log.length, LOG_SIZE);
  return world.answers.materialise(ref);
}
