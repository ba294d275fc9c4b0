/** Helpers for tests against the emulator (served same-origin through the test server's Finesse proxy). */
export async function control<T = unknown>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const res = await fetch(`/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const basic = (id: string) => `Basic ${btoa(`${id}:emulator`)}`;

export interface EmuAgentJson {
  id: string;
  skillTargetId: string;
  teamId: string;
  extension: string;
  firstName: string;
  lastName: string;
  supervisedTeamIds?: string[];
}

export async function world() {
  return control<{ teams: { id: string; name: string }[]; agents: EmuAgentJson[]; supervisors: EmuAgentJson[] }>('agents');
}

export { loadScript } from '../helpers/load-script.js';

/** Waits until `pred` holds (polling), or fails after `ms`. */
export async function until(pred: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
