/**
 * Integration helpers: make this test page a Finesse gadget iframe on the emulator (container.js + finesse.js),
 * boot the journey gadget, drive calls through the control API, and read what the agent sees.
 */
import { testEnv } from '../helpers/env.js';
import { startGadget } from '../../shared/gadget-root.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import { createWxmReader } from '../../shared/wxm/wxm-client.js';
import { JOURNEY_PARAMS } from '../../shared/config/journey-params.js';
import '../../gadgets/journey/app.js';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { JourneyEntry } from '../../gadgets/journey/entry.js';
import type { Answer, FilterBy, Question } from '../../shared/wxm/types.js';
import { loadScript } from '../helpers/load-script.js';

export interface Customer {
  id: string;
  mobile: string | null;
  email: string | null;
  surveyCount: number;
}


export async function control<T = unknown>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const res = await fetch(`/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status}`);
  return res.json() as Promise<T>;
}

export async function customer(trait: string): Promise<Customer> {
  const { customers } = await control<{ customers: Customer[] }>(`/customers?trait=${trait}&limit=1`);
  if (!customers[0]) throw new Error(`no customer with trait ${trait}`);
  return customers[0];
}

/** Boots the real gadget into this page as `user` and returns the app element. */
export async function bootAs(user: string): Promise<JourneyApp> {
  const env = await testEnv();
  const gadgetUrl = `${location.origin}/3rdpartygadget/files/cx/journey.xml?wxmBaseUrl=${encodeURIComponent(env.wxmUrl)}`;
  await loadScript(`/gadgets/container.js?${new URLSearchParams({ user, url: gadgetUrl, manualDismiss: 'true' })}`);
  await loadScript('/desktop/assets/js/finesse.js');
  const app = document.createElement('cx-journey-app');
  await startGadget({ gadget: 'journey', wxmClient: createWxmReader, params: JOURNEY_PARAMS, app, adapter: createFinesseAdapter({ calls: watchCalls }) });
  if (!app.services) throw new Error('the journey did not boot');
  return app;
}

export const view = (app: JourneyApp) => app.shadowRoot!.querySelector('cx-journey-view')!;
const root = (app: JourneyApp) => view(app).shadowRoot!;

export async function until<T>(what: string, fn: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What the agent sees, read from the rendered DOM. */
export function seen(app: JourneyApp) {
  const r = root(app);
  const entries = [...r.querySelectorAll('cx-journey-entry')] as Array<HTMLElement & { entry?: { id: string } }>;
  const panel = r.querySelector('cx-state-panel');
  return {
    entryIds: entries.map((e) => e.entry?.id ?? ''),
    entries,
    brief: r.querySelector('[part="brief"]') as HTMLElement | null,
    text: r.textContent ?? '',
    panel: panel as (HTMLElement & { kind: string }) | null,
    panelText: `${panel?.shadowRoot?.textContent ?? ''}`,
    live: r.querySelector('[role="status"]')?.textContent ?? '',
    loadMore: [...r.querySelectorAll('button')].find((b) => /load more/i.test(b.textContent ?? '')) ?? null,
  };
}

export async function placeCall(body: Record<string, unknown>): Promise<string> {
  const { id } = await control<{ id: string }>('/calls', { survey: false, ...body });
  return id;
}
export const answerCall = (id: string) => control(`/calls/${id}/answer`, {});
export const endCall = (id: string) => control(`/calls/${id}/end`, {});

/** A WxM bearer token from the Cloud Connect token service, as `user`. */
export async function wxmToken(user: string): Promise<string> {
  const tokenRes = await fetch('/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', {
    headers: { Authorization: `Basic ${btoa(`${user}:emulator`)}` },
  });
  return ((await tokenRes.json()) as { access_token: string }).access_token;
}

/** The caller's answers straight from WxM, with a token of our own: the independent expectation. */
export async function expectedAnswers(user: string, tag: 'cc_CustomerId' | 'Mobile' | 'Email', value: string, rows = 100): Promise<{ ids: string[]; totalCount: number }> {
  const env = await testEnv();
  const auth = { Authorization: `Bearer ${await wxmToken(user)}` };
  const questions = (await (await fetch(`${env.wxmUrl}/api/Questions/Active`, { headers: auth })).json()) as Question[];
  const ids = questions.filter((q) => q.questionTags.some((t) => t.toLowerCase() === tag.toLowerCase())).map((q) => q.id);
  const filter: FilterBy = { filterquestions: ids.map((questionId) => ({ questionId, answerCheck: [value], groupBy: 'OR' as const })) };
  const res = await fetch(`${env.wxmUrl}/api/answers/page/1/${rows}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(filter),
  });
  const page = (await res.json()) as { totalCount: number; responses: Answer[] };
  const sorted = [...page.responses].sort((a, b) => Date.parse(b.responseDateTime) - Date.parse(a.responseDateTime));
  return { ids: sorted.map((a) => a.id), totalCount: page.totalCount };
}

/** The surveys WxM holds for an agent (cc_AgentId = their skill target id), each with its cc_CustomerId: straight from WxM. */
export async function surveysOfAgent(user: string, skillTargetId: string, rows = 1000): Promise<Array<{ id: string; customerId?: string }>> {
  const env = await testEnv();
  const auth = { Authorization: `Bearer ${await wxmToken(user)}` };
  const questions = (await (await fetch(`${env.wxmUrl}/api/Questions/Active`, { headers: auth })).json()) as Question[];
  const tagged = (tag: string) => questions.filter((q) => q.questionTags.some((t) => t.toLowerCase() === tag.toLowerCase())).map((q) => q.id);
  const customerQ = new Set(tagged('cc_CustomerId'));
  const filter: FilterBy = { filterquestions: tagged('cc_AgentId').map((questionId) => ({ questionId, answerCheck: [skillTargetId], groupBy: 'OR' as const })) };
  const res = await fetch(`${env.wxmUrl}/api/answers/page/1/${rows}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(filter),
  });
  const page = (await res.json()) as { responses: Answer[] };
  return page.responses.map((a) => ({ id: a.id, customerId: a.responses.find((r) => customerQ.has(r.questionId))?.textInput ?? undefined }));
}

/** A trait-free customer (all surveys on the first page) with a survey by this agent and one by someone else. */
export async function customerServedBy(user: string, skillTargetId: string): Promise<Customer> {
  const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
  const plain = new Map(customers.filter((c) => !c.traits.length && c.surveyCount >= 2 && c.surveyCount <= 20).map((c) => [c.id, c]));
  const served = new Map<string, number>();
  for (const s of await surveysOfAgent(user, skillTargetId)) if (s.customerId) served.set(s.customerId, (served.get(s.customerId) ?? 0) + 1);
  for (const [id, n] of served) {
    const c = plain.get(id);
    if (c && n < c.surveyCount) return c;
  }
  throw new Error(`no plain customer served by ${skillTargetId}`);
}

/** An entry's visible text (its shadow root). */
export const entryText = (entry: Element) => (entry.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

interface Staff {
  id: string;
  firstName: string;
  lastName: string;
  skillTargetId: string;
  teamId: string;
}

/**
 * Boots the journey as supervisor `index`, the roster variant with skill target ids on and `faults` on the team
 * roster reads (in order); then a call from a customer that a member of their first team served, its entries on screen.
 */
export async function supervisorCallWithRoster(index: number, faults: Array<Record<string, unknown>> = []) {
  const world = await control<{ agents: Staff[]; supervisors: Array<Staff & { supervisedTeamIds: string[] }> }>('/agents');
  const sup = world.supervisors[index]!;
  const member = world.agents.find((a) => a.teamId === sup.supervisedTeamIds[0])!;
  const c = await customerServedBy(sup.id, member.skillTargetId);
  await control('/finesse/roster', { skillTargetId: true });
  for (const fault of faults) await control('/faults', { route: '/finesse/api/Team', ...fault });
  const app = await bootAs(sup.id);
  const call = await placeCall({ user: sup.id, customerId: c.id });
  await answerCall(call);
  const entries = await until('entries', () => seen(app).entries.length === c.surveyCount && (seen(app).entries as Array<JourneyEntry>));
  return { app, sup, member, agents: world.agents, call, entries };
}

/** Undoes supervisorCallWithRoster's faults and variant. */
export async function resetRoster(): Promise<void> {
  await fetch('/_emulator/faults', { method: 'DELETE' });
  await control('/finesse/roster', { skillTargetId: false });
}
