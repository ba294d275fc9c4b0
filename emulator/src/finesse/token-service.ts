/**
 * Cloud Connect as Finesse exposes it to gadgets (`/finesse/api/CloudConnectTokenService`) and as CVP calls it
 * (`/cherrypoint/authtoken`). Tokens come from the shared TokenStore, so WxM accepts them and expiry is real.
 */
import type { FaultRegistry, FaultSpec } from '../faults.js';
import type { TokenStore } from '../tokens.js';
import type { World } from '../world/types.js';
import { tokenBody, variantsOf } from '../variants.js';
import { sendJson, sleep, type Req, type Res } from './http.js';
import { findUser, PASSWORD } from './users.js';

export interface TokenServiceState {
  world: World;
  /** WxM bearer tokens (shared with the WxM half). */
  tokens: TokenStore;
  /** SSO tokens the emulator issued to Finesse users (`Bearer …` on Finesse REST): token → user id. */
  ssoTokens: Map<string, string>;
  /** Faults on Finesse-side paths only (WxM "*" faults never hit Finesse). */
  finesseFaults: FaultRegistry;
  cloudConnect: { down: boolean };
}

/** Who the Authorization header names, or undefined when Finesse would answer 401. */
export function authenticate(state: TokenServiceState, header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at < 0) return undefined;
    const id = decoded.slice(0, at);
    return decoded.slice(at + 1) === PASSWORD && findUser(state.world, id) ? id : undefined;
  }
  if (scheme?.toLowerCase() === 'bearer') {
    return state.ssoTokens.get(value);
  }
  return undefined;
}

/** Applies a matching Finesse-side fault (token service, authtoken, Team); true when it already answered. */
export async function applyFault(state: TokenServiceState, path: string, res: Res, malformedBody: unknown): Promise<boolean> {
  const fault: FaultSpec | undefined = state.finesseFaults.take(path);
  if (!fault) return false;
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.status) {
    sendJson(res, fault.status, { error: 'injected_fault', error_description: `Injected ${fault.status}` });
    return true;
  }
  if (fault.malformed) {
    sendJson(res, 200, malformedBody);
    return true;
  }
  return false;
}

export async function cloudConnectToken(state: TokenServiceState, req: Req, res: Res, url: URL): Promise<void> {
  if (await applyFault(state, url.pathname, res, { access_token: 42, expires_at: 'soon' })) return;
  const user = authenticate(state, req.headers.authorization);
  if (!user) {
    sendJson(res, 401, { ApiErrors: { ApiError: { ErrorType: 'Authorization Failure', ErrorMessage: 'Unauthorized' } } });
    return;
  }
  const source = url.searchParams.get('tokenSource');
  if (source && source !== 'cherrypoint') {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'unknown tokenSource' });
    return;
  }
  if (state.cloudConnect.down) {
    sendJson(res, 503, { error: 'service_unavailable', error_description: 'Cloud Connect is not reachable' });
    return;
  }
  const { token, expiresAt } = state.tokens.issue(`cloudconnect:${user}`);
  sendJson(res, 200, tokenBody(variantsOf(state.world), token, expiresAt));
}

/** CVP's token call: no Finesse user; Cloud Connect authenticates CVP on its own (not emulated). */
export async function cherrypointAuthToken(state: TokenServiceState, _req: Req, res: Res, url: URL): Promise<void> {
  if (await applyFault(state, url.pathname, res, { access_token: null })) return;
  if (state.cloudConnect.down) {
    sendJson(res, 503, { error: 'service_unavailable', error_description: 'Cloud Connect is not reachable' });
    return;
  }
  const { token, expiresAt } = state.tokens.issue('cloudconnect:cvp');
  sendJson(res, 200, { access_token: token, expires_in: Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)) });
}
