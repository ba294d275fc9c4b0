/**
 * The Finesse adapter: the ONLY module that touches the `finesse.*` (finesse.js) and `gadgets.*` (Shindig)
 * globals. Everything else receives typed values (FinesseSession, CallEvent). It works against the emulator's
 * finesse.js and, by construction (only the documented surface of docs/finesse.md is used), against the real one.
 */
import { AppError } from '../errors.js';
import { log } from '../log.js';
import { PARAM_NAMES } from '../config/config.js';
import { noteDiagnostic } from '../ui/diagnostic-notes.js';
import type { CallWatcher } from './calls.js';
import type { AgentIdSource, FinesseAdapter, FinesseSession, Team } from './types.js';

type F = FinesseGlobals.Finesse;
type G = FinesseGlobals.Gadgets;

export interface AdapterOptions {
  /** The window whose globals to use (tests may pass a fake). Default: globalThis. */
  win?: { finesse?: F; gadgets?: G; location: { search: string; origin: string; href: string } };
  /** How long to wait for the container's onConnect. Default 30 s. */
  connectTimeoutMs?: number;
  /** Extra UserPref names the gadget keeps state in (read by userPrefs()). */
  prefNames?: readonly string[];
  /**
   * Call events for onCall (calls.ts `watchCalls`): only the journey watches calls, so only its bundle
   * carries the dialog tracking. Without it onCall throws.
   */
  calls?: CallWatcher;
}

const AGENT_ID_SOURCE_TEXT: Record<AgentIdSource, string> = {
  config: 'finesse.gadget.Config.cceSkillTargetId',
  pref: 'cceSkillTargetId UserPref (up_cceSkillTargetId)',
  login: 'Finesse login id (no cceSkillTargetId given)',
};

/** Real finesse.js sometimes wraps lists as {Participant: [...]} or a single object. */
export function asList<T>(v: T[] | Record<string, T | T[] | undefined> | undefined, key: string): T[] {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  const inner = (v as Record<string, T | T[] | undefined>)[key];
  if (inner === undefined) return [];
  return Array.isArray(inner) ? inner : [inner];
}

/** "en_US" → "en-US" (canonical), falling back to en-US for anything unusable. */
export function toBcp47(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales((locale ?? '').replace(/_/g, '-'))[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** scheme://host[:port] from Finesse's Config, default ports omitted. */
export function originFromConfig(cfg: FinesseGlobals.Config, fallback: string): string {
  if (!cfg.host) return fallback;
  const scheme = cfg.scheme === 'http' ? 'http' : 'https';
  const port = String(cfg.hostPort ?? '');
  const defaultPort = scheme === 'https' ? '443' : '80';
  return `${scheme}://${cfg.host}${port && port !== defaultPort ? `:${port}` : ''}`;
}

/** The gadget URL's own query, from the iframe's `url` parameter (docs/finesse.md). */
export function gadgetQuery(search: string, fallbackUrl?: string): URLSearchParams {
  let url = new URLSearchParams(search).get('url') ?? fallbackUrl ?? '';
  if (!url.includes('?') && /%3F/i.test(url)) {
    try {
      url = decodeURIComponent(url); // double-encoded by some proxies
    } catch {
      /* keep as is */
    }
  }
  const q = url.indexOf('?');
  if (q < 0) return new URLSearchParams();
  const hash = url.indexOf('#', q);
  return new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash));
}

export function createFinesseAdapter(options: AdapterOptions = {}): FinesseAdapter {
  const win = options.win ?? (globalThis as unknown as NonNullable<AdapterOptions['win']>);
  const connectTimeoutMs = options.connectTimeoutMs ?? 30_000;
  const finesse = (): F => win.finesse ?? {};
  const gadgets = (): G => win.gadgets ?? {};

  let user: FinesseGlobals.User | undefined;
  let connecting: Promise<FinesseSession> | undefined;

  // ---- session ----
  function waitForHub(): Promise<void> {
    const hub = gadgets().HubSettings;
    if (!hub) return Promise.reject(new AppError('unexpected', 'finesse', 'not inside a Finesse container (gadgets.HubSettings missing)', { retryable: false }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AppError('timeout', 'finesse', `the Finesse container did not connect within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      const previous = hub.onConnect;
      hub.onConnect = () => {
        clearTimeout(timer);
        if (typeof previous === 'function') previous();
        resolve();
      };
    });
  }

  function loadUser(cfg: FinesseGlobals.Config): Promise<FinesseGlobals.User> {
    const User = finesse().restservices?.User;
    if (!User) return Promise.reject(new AppError('unexpected', 'finesse', 'finesse.js is not loaded (finesse.restservices.User missing)', { retryable: false }));
    return new Promise((resolve, reject) => {
      const u = new User({
        id: cfg.id,
        onLoad: (loaded) => resolve(loaded ?? u),
        onError: (e) =>
          reject(
            e?.status === 401 || e?.status === 403
              ? new AppError('finesse-auth', 'finesse', 'Finesse refused to load the user', { status: e.status, retryable: false })
              : new AppError('unexpected', 'finesse', 'Finesse could not load the user', { status: e?.status }),
          ),
      });
    });
  }

  function teams(u: FinesseGlobals.User): Team[] {
    const raw = asList<FinesseGlobals.TeamRef>(u.getSupervisedTeams?.() as FinesseGlobals.TeamRef[] | undefined, 'Team');
    return raw.filter((t) => t.id !== undefined && t.id !== '').map((t) => ({ id: String(t.id), name: String(t.name ?? t.id) }));
  }

  async function doConnect(): Promise<FinesseSession> {
    await waitForHub();
    const f = finesse();
    const cfg = f.gadget?.Config;
    if (!cfg) throw new AppError('unexpected', 'finesse', 'finesse.gadget.Config missing', { retryable: false });
    f.clientservices?.ClientServices?.init(cfg, false);
    try {
      f.containerservices?.ContainerServices?.init();
    } catch (e) {
      log.warn('ContainerServices.init failed', e);
    }
    const u = await loadUser(cfg);
    user = u;
    const loginId = String(u.getId?.() ?? cfg.id ?? '');
    const { cceSkillTargetId, agentIdSource } = skillTargetId(cfg);
    const teamId = u.getTeamId?.();
    const authHeader = () => {
      const c = finesse().gadget?.Config ?? cfg;
      const viaLib = finesse().utilities?.Utilities?.getAuthHeaderString;
      if (viaLib) return viaLib(c);
      if (c.authToken) return `Bearer ${c.authToken}`;
      const a = String(c.authorization ?? '');
      return /^(Basic|Bearer) /.test(a) ? a : `Basic ${a}`;
    };
    const session: FinesseSession = {
      role: u.hasSupervisorRole?.() ? 'supervisor' : 'agent',
      loginId,
      ...(cceSkillTargetId ? { cceSkillTargetId } : {}),
      wxmAgentId: cceSkillTargetId ?? loginId,
      agentIdSource,
      firstName: u.getFirstName?.() ?? '',
      lastName: u.getLastName?.() ?? '',
      locale: toBcp47(cfg.locale),
      ...(teamId !== undefined && teamId !== '' ? { team: { id: String(teamId), name: u.getTeamName?.() ?? String(teamId) } } : {}),
      supervisedTeams: teams(u),
      finesseOrigin: originFromConfig(cfg, win.location.origin),
      authHeader,
    };
    // Keep the secret out of JSON.stringify / structured logging of the session.
    Object.defineProperty(session, 'authHeader', { value: authHeader, enumerable: false });
    noteDiagnostic('agent id from', AGENT_ID_SOURCE_TEXT[agentIdSource]);
    return session;
  }

  /**
   * The CCE skill target id: finesse.gadget.Config (12.5), else the `cceSkillTargetId` UserPref / `up_` iframe
   * parameter (the 12.6 container passes it next to up_id), else none — WxM then knows the agent by the login id.
   */
  function skillTargetId(cfg: FinesseGlobals.Config): { cceSkillTargetId?: string; agentIdSource: AgentIdSource } {
    const fromConfig = String(cfg.cceSkillTargetId ?? '').trim();
    if (fromConfig) return { cceSkillTargetId: fromConfig, agentIdSource: 'config' };
    let fromPref = '';
    try {
      fromPref = prefs()?.getString('cceSkillTargetId')?.trim() ?? '';
    } catch {
      /* no prefs */
    }
    fromPref ||= iframeParams().up_cceSkillTargetId?.trim() ?? '';
    if (fromPref) return { cceSkillTargetId: fromPref, agentIdSource: 'pref' };
    return { agentIdSource: 'login' };
  }

  // ---- prefs ----
  const prefCache: Record<string, string> = {};
  const prefs = (): FinesseGlobals.Prefs | undefined => {
    const P = gadgets().Prefs;
    try {
      return P ? new P() : undefined;
    } catch {
      return undefined;
    }
  };
  const iframeParams = (): Record<string, string> => {
    const out: Record<string, string> = {};
    try {
      Object.assign(out, gadgets().util?.getUrlParameters?.() ?? {});
    } catch {
      /* not available */
    }
    new URLSearchParams(win.location.search).forEach((v, k) => (out[k] = v));
    return out;
  };

  const api: FinesseAdapter = {
    connect() {
      connecting ??= doConnect().catch((e: unknown) => {
        connecting = undefined;
        throw e;
      });
      return connecting;
    },

    onCall(listener) {
      if (!onCall) throw new Error('this Finesse adapter watches no calls (AdapterOptions.calls)');
      return onCall(listener);
    },

    onTabActivated(listener) {
      const cs = finesse().containerservices?.ContainerServices;
      if (!cs) return () => undefined;
      const handler = (tabId?: unknown) => {
        const mine = cs.getMyTabId?.();
        if (typeof tabId === 'string' && mine && tabId !== mine) return;
        listener();
      };
      cs.addHandler(cs.Topics.ACTIVE_TAB, handler);
      // As Cisco's samples do: ask for the current tab now, so a gadget loaded on the visible tab hears it too.
      try {
        cs.makeActiveTabReq?.();
      } catch (e) {
        log.warn('makeActiveTabReq failed', e);
      }
      return () => cs.removeHandler?.(cs.Topics.ACTIVE_TAB, handler);
    },

    gadgetParams() {
      return gadgetQuery(win.location.search, iframeParams().url);
    },

    userPrefs() {
      const out: Record<string, string> = {};
      const p = prefs();
      const names = new Set<string>([...PARAM_NAMES, ...(options.prefNames ?? [])]);
      for (const [k, v] of Object.entries(iframeParams())) if (k.startsWith('up_') && k.length > 3) out[k.slice(3)] = v;
      for (const name of names) {
        const v = p?.getString(name);
        if (typeof v === 'string' && v !== '') out[name] = v;
      }
      return { ...out, ...prefCache };
    },

    setPref(name, value) {
      prefCache[name] = value;
      try {
        prefs()?.set(name, value);
      } catch (e) {
        log.warn(`could not save UserPref ${name}`, e);
      }
    },

    adjustHeight() {
      gadgets().window?.adjustHeight?.();
    },
    dismissLoading() {
      gadgets().loadingindicator?.dismiss?.();
    },
    setTitle(title) {
      gadgets().window?.setTitle?.(title);
    },
  };
  const onCall = options.calls?.({ user: () => user, connect: () => api.connect() });
  return api;
}
