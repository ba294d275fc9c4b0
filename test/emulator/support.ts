/** Helpers for the emulator's browser tests (the test page plays a gadget iframe on the Finesse host). */

export interface Agent {
  id: string;
  firstName: string;
  lastName: string;
  skillTargetId: string;
  teamId: string;
  extension: string;
}
export interface Supervisor extends Omit<Agent, 'extension'> {
  supervisedTeamIds: string[];
}
export interface Customer {
  id: string;
  mobile: string | null;
  email: string | null;
  surveyCount: number;
  traits: string[];
}

export async function control<T = any>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/_emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json() as Promise<T>;
}

export const people = () =>
  control<{ agents: Agent[]; supervisors: Supervisor[]; teams: { id: string; name: string }[] }>('/agents');

export async function customerWithMobile(): Promise<Customer> {
  const { customers } = await control<{ customers: Customer[] }>('/customers?limit=50');
  const c = customers.find((x) => x.mobile);
  if (!c) throw new Error('no customer with a mobile');
  return c;
}

export { loadScript } from '../helpers/load-script.js';

/** Polls until `fn` returns a truthy value (or throws after timeoutMs). */
export async function until<T>(fn: () => T | undefined | null | false, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
