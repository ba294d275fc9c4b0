/** The Finesse origin: desktop, gadget rendering, finesse.js, Cloud Connect token service and control API. */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { containerScript, upPrefs } from './container.js';
import type { FinesseContext } from './context.js';
import { desktopPage } from './desktop.js';
import { BadRequest, cors, sendJson, sendText, type Req, type Res } from './http.js';
import { GADGET_FILES, renderIfr } from './ifr.js';
import { control } from './control.js';
import { serveFile } from './static.js';
import { getTeam } from './teams.js';
import { applyFault, authenticate, cherrypointAuthToken, cloudConnectToken } from './token-service.js';
import { findUser, userJson, type FinesseUser } from './users.js';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

export function createFinesseHandler(ctx: FinesseContext): (req: Req, res: Res) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      if (e instanceof BadRequest) return sendJson(res, e.status, { error: e.message });
      console.error('[emulator] finesse route failed:', (e as Error)?.stack ?? e);
      sendJson(res, 500, { error: 'internal emulator error' });
    });
  };
}

/** The user a gadget page is for: ?user=, else the last signed-in agent, else the first agent. */
function pageUser(ctx: FinesseContext, url: URL): FinesseUser | undefined {
  const id = url.searchParams.get('user');
  if (id) return findUser(ctx.world, id);
  return findUser(ctx.world, ctx.calls.lastAgent) ?? findUser(ctx.world, ctx.world.agents[0]?.id);
}

function markSignedIn(ctx: FinesseContext, user: FinesseUser): void {
  if (user.role === 'agent') ctx.calls.lastAgent = user.agent.id;
}

async function handle(ctx: FinesseContext, req: Req, res: Res): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  cors(res);
  if (method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Max-Age': '600' });
    return void res.end();
  }
  const get = method === 'GET' || method === 'HEAD';

  if (path === '/finesse/api/CloudConnectTokenService' && get) return cloudConnectToken(ctx, req, res, url);
  if (path === '/cherrypoint/authtoken' && (get || method === 'POST')) return cherrypointAuthToken(ctx, req, res, url);
  const team = /^\/finesse\/api\/Team\/([^/]+)\/?$/.exec(path);
  if (team && get) {
    // A roster refused (status), slow (delayMs) or broken (malformed: no members list) for the gadgets' fallbacks.
    if (await applyFault(ctx, path, res, { id: team[1], users: 42 })) return;
    return getTeam(ctx.world, authenticate(ctx, req.headers.authorization), decodeURIComponent(team[1]!), res);
  }

  if (path.startsWith('/_emulator/')) {
    if (get && path.startsWith('/_emulator/ui/')) {
      if (await serveFile(res, PUBLIC + 'ui/', path.slice('/_emulator/ui/'.length), method === 'HEAD')) return;
      return sendText(res, 404, 'not found');
    }
    if (path === '/_emulator/events' && get) {
      const user = findUser(ctx.world, url.searchParams.get('user'));
      if (!user) return sendJson(res, 404, { error: 'unknown user' });
      return ctx.hub.open(user.agent.id, res, [['snapshot', { dialogs: ctx.calls.dialogsOf(user.agent.id) }]]);
    }
    const userRoute = /^\/_emulator\/users\/([^/]+)(\/dialogs)?$/.exec(path);
    if (userRoute && get) {
      const user = findUser(ctx.world, decodeURIComponent(userRoute[1]!));
      if (!user) return sendJson(res, 404, { error: 'unknown user' });
      return sendJson(res, 200, userRoute[2] ? { dialogs: ctx.calls.dialogsOf(user.agent.id) } : userJson(ctx.world, user));
    }
    if (await control(ctx, req, res, url)) return;
    return sendJson(res, 404, { error: 'no such control route' });
  }

  if (get && path.startsWith('/desktop/assets/')) {
    if (await serveFile(res, PUBLIC + 'desktop/assets/', path.slice('/desktop/assets/'.length), method === 'HEAD')) return;
    return sendText(res, 404, 'not found');
  }
  if (get && path.startsWith(GADGET_FILES)) {
    if (await serveFile(res, ctx.distDir, path.slice(GADGET_FILES.length), method === 'HEAD')) return;
    return sendText(res, 404, `not found in ${ctx.distDir} (run npm run build)`);
  }
  if (get && path === '/gadgets/container.js') {
    const user = pageUser(ctx, url);
    if (!user) return sendText(res, 404, 'console.error("emulator: unknown user for container.js");', 'text/javascript');
    markSignedIn(ctx, user);
    const params = url.searchParams;
    const script = containerScript(ctx.world, {
      user,
      gadgetUrl: params.get('url') ?? '',
      prefs: upPrefs(params),
      manualDismiss: params.get('manualDismiss') === 'true',
      title: '',
      authToken: ssoToken(ctx, user, params),
      params: Object.fromEntries(params),
    });
    return sendText(res, 200, script, 'text/javascript; charset=utf-8');
  }
  if (get && path === '/gadgets/ifr') {
    const user = pageUser(ctx, url);
    if (!user) return sendText(res, 404, 'unknown user');
    const out = await renderIfr({
      world: ctx.world,
      distDir: ctx.distDir,
      selfOrigin: ctx.selfUrl(),
      params: url.searchParams,
      user,
      authToken: ssoToken(ctx, user, url.searchParams),
    });
    return sendText(res, out.status, out.html, 'text/html; charset=utf-8');
  }
  if (get && (path === '/' || path === '/desktop/container/' || path === '/desktop/container')) {
    const user = url.searchParams.get('user') ? findUser(ctx.world, url.searchParams.get('user')) : undefined;
    if (user) markSignedIn(ctx, user);
    const page = await desktopPage(ctx, url, user);
    return sendText(res, page.status, page.html, 'text/html; charset=utf-8');
  }
  if (get && path === '/favicon.ico') {
    res.writeHead(204);
    return void res.end();
  }
  sendText(res, 404, 'not found');
}

/** `sso=1` on a gadget page: Config carries an SSO bearer token (authToken) instead of Basic credentials. */
function ssoToken(ctx: FinesseContext, user: FinesseUser, params: URLSearchParams): string | undefined {
  if (params.get('sso') !== '1' && params.get('sso') !== 'true') return undefined;
  for (const [token, id] of ctx.ssoTokens) if (id === user.agent.id) return token;
  const token = randomBytes(24).toString('base64url');
  ctx.ssoTokens.set(token, user.agent.id);
  return token;
}
