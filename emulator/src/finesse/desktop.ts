/**
 * The desktop page: a user chooser, or one user's Finesse-like desktop (header, page gadgets, tabs with the
 * gadgets of dist/layout-snippet.xml, each in its own /gadgets/ifr iframe) with the emulator control panel.
 * Behaviour lives in public/ui/desktop.js; this renders the structure so it is readable without script.
 */
import type { FinesseContext } from './context.js';
import { escapeHtml as e, scriptJson } from './http.js';
import { emptyRole, gadgetUrl, LAYOUT_FILE, parseLayout, type RoleLayout } from './layout.js';
import { readInside } from './static.js';
import { agentsJson, userJson, type FinesseUser } from './users.js';

interface Page {
  status: number;
  html: string;
}

const shell = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${e(title)}</title><link rel="stylesheet" href="/_emulator/ui/desktop.css"></head>\n<body>\n${body}\n</body></html>\n`;

function chooser(ctx: FinesseContext): Page {
  const teams = new Map(ctx.world.teams.map((t) => [t.id, t.name]));
  const item = (id: string, name: string, detail: string) =>
    `<li><a href="?user=${encodeURIComponent(id)}">${e(name)}</a> <span class="muted">${e(detail)}</span></li>`;
  const agents = ctx.world.agents
    .map((a) => item(a.id, `${a.firstName} ${a.lastName}`, `${a.id} · ${teams.get(a.teamId) ?? a.teamId}`))
    .join('\n');
  const sups = ctx.world.supervisors
    .map((s) =>
      item(s.id, `${s.firstName} ${s.lastName}`, `${s.id} · supervises ${s.supervisedTeamIds.map((t) => teams.get(t) ?? t).join(', ')}`),
    )
    .join('\n');
  return {
    status: 200,
    html: shell(
      'Finesse desktop (emulator) — sign in',
      `<header class="top"><h1>Finesse desktop <span class="muted">(emulator)</span></h1></header>
<main class="chooser">
<p>Choose who signs in. Password for everyone: <code>emulator</code>.</p>
<section aria-labelledby="h-sup"><h2 id="h-sup">Supervisors</h2><ul>${sups}</ul></section>
<section aria-labelledby="h-agents"><h2 id="h-agents">Agents</h2><ul class="columns">${agents}</ul></section>
</main>`,
    ),
  };
}

async function loadLayout(ctx: FinesseContext, role: 'Agent' | 'Supervisor'): Promise<{ layout: RoleLayout; problem?: string }> {
  const xml = await readInside(ctx.distDir, LAYOUT_FILE);
  if (xml === undefined) {
    return { layout: emptyRole(role), problem: `No built gadgets: ${LAYOUT_FILE} is missing in ${ctx.distDir}. Run npm run build.` };
  }
  try {
    return { layout: parseLayout(xml)[role] };
  } catch (err) {
    return { layout: emptyRole(role), problem: `${LAYOUT_FILE} could not be read: ${(err as Error).message}` };
  }
}

function frame(url: string, tab: string): string {
  const name = url.split('?')[0]!.split('/').pop() || url;
  return `<div class="gadget" data-gadget-url="${e(url)}" data-tab="${e(tab)}">
<div class="gadget-head"><span class="gadget-title">${e(name)}</span> <span class="gadget-loading">Loading…</span></div>
<iframe title="Gadget ${e(name)}" class="gadget-frame"></iframe></div>`;
}

export async function desktopPage(ctx: FinesseContext, url: URL, user: FinesseUser | undefined): Promise<Page> {
  if (!user) {
    const page = chooser(ctx);
    return url.searchParams.get('user') ? { status: 404, html: page.html.replace('<p>Choose', '<p role="alert">Unknown user.</p><p>Choose') } : page;
  }
  const role = user.role === 'supervisor' ? 'Supervisor' : 'Agent';
  // ?layout=0: no dist gadgets (only ?gadget= ones), e.g. for a probe gadget on its own.
  const { layout, problem } = url.searchParams.get('layout') === '0' ? { layout: emptyRole(role), problem: undefined } : await loadLayout(ctx, role);
  // Extra gadgets (?gadget=URL, repeatable) go on the home tab: handy for dev sources and test probes.
  const extra = url.searchParams.getAll('gadget').map(gadgetUrl);
  const tabs = layout.tabs.map((t) => (t.id === 'home' ? { ...t, gadgets: [...t.gadgets, ...extra] } : t));
  const info = userJson(ctx.world, user);
  const roleLabel = user.role === 'supervisor' ? 'Supervisor' : 'Agent';
  const tabButtons = tabs
    .map(
      (t, i) =>
        `<button type="button" role="tab" id="tab-${e(t.id)}" aria-controls="panel-${e(t.id)}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}" data-tab="${e(t.id)}">${e(t.label)}</button>`,
    )
    .join('');
  const panels = tabs
    .map(
      (t, i) =>
        `<section role="tabpanel" id="panel-${e(t.id)}" aria-labelledby="tab-${e(t.id)}" data-tab="${e(t.id)}"${i === 0 ? '' : ' hidden'}>
${t.gadgets.length ? t.gadgets.map((g) => frame(g, t.id)).join('\n') : '<p class="muted">No gadgets on this tab.</p>'}
</section>`,
    )
    .join('\n');
  const boot = {
    user: info,
    role: user.role,
    agents: agentsJson(ctx.world),
    // Gadget URLs without wxmBaseUrl get the emulator's WxM origin (as an admin would set it in the layout).
    wxmUrl: url.searchParams.get('wxm') === 'keep' ? null : ctx.wxmUrl(),
  };
  const body = `<header class="top">
<h1>Finesse <span class="muted">(emulator)</span></h1>
<p class="who"><span data-part="user-name">${e(info.firstName)} ${e(info.lastName)}</span> · <span data-part="user-role">${roleLabel}</span> · ${e(info.teamName)} · ext. ${e(info.extension)}</p>
<a href="?">Switch user</a>
</header>
<div class="desk">
<main id="main">
${problem ? `<p class="problem" role="alert">${e(problem)}</p>` : ''}
${layout.page.length ? `<section class="page-gadgets" aria-label="Page gadgets">${layout.page.map((g) => frame(g, 'page')).join('\n')}</section>` : ''}
<div role="tablist" aria-label="Desktop tabs" class="tabs">${tabButtons}</div>
${panels}
</main>
<aside id="control" aria-labelledby="control-title" class="control">
<h2 id="control-title">Emulator control</h2>
<p id="control-status" role="status" aria-live="polite" class="status"></p>
</aside>
</div>
<script>window.__cxDesktop = ${scriptJson(boot)};</script>
<script src="/_emulator/ui/desktop.js"></script>`;
  return { status: 200, html: shell(`Finesse — ${info.firstName} ${info.lastName}`, body) };
}
