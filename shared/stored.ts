/**
 * What a gadget keeps for its next session in localStorage (never a token): read back through a check, since the
 * storage is shared by every script of the Finesse origin and survives our own format changes. An entry that does
 * not pass is removed, with a diagnostic naming `what`; storage that is full or refused (privacy settings) means
 * the next session starts cold.
 */
import { log } from './log.js';

/** The checked value, or undefined (no entry, or one that did not pass: removed). */
export function readStored<T>(key: string, what: string, check: (stored: unknown) => T | undefined): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return undefined;
    const value = check(JSON.parse(raw));
    if (value !== undefined) return value;
  } catch {
    /* not JSON, a shape the check tripped over, or storage refused */
  }
  log.warn(`${what} unreadable: removed`);
  store(key);
  return undefined;
}

/** Stores `value` under `key`; without a value, removes the entry. */
export function store(key: string, value?: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* full or refused: the next session starts cold */
  }
}
