/**
 * The desktop layout (CFAdmin's `<finesseLayout>`, here `${distDir}/layout-snippet.xml`): page gadgets and
 * tabs per role. Gadget URLs on a Finesse host's /3rdpartygadget/ path are mapped onto the emulator,
 * since the emulator plays that host.
 */
import { DOMParser } from '@xmldom/xmldom';

export interface LayoutTab {
  id: string;
  label: string;
  gadgets: string[];
}

export interface RoleLayout {
  page: string[];
  tabs: LayoutTab[];
}

export interface DesktopLayout {
  Agent: RoleLayout;
  Supervisor: RoleLayout;
}

export const LAYOUT_FILE = 'layout-snippet.xml';
const LAYOUT_PATH = `/3rdpartygadget/files/cx/${LAYOUT_FILE}`;
const PLACEHOLDER = 'http://finesse.invalid';

const LABELS: Record<string, string> = {
  home: 'Home',
  myStatistics: 'My Statistics',
  teamData: 'Team Data',
  myHistory: 'My History',
  queueData: 'Queue Data',
  manageCall: 'Manage Call',
};

const DEFAULT_TABS: Record<keyof DesktopLayout, string[]> = {
  Agent: ['home', 'myStatistics'],
  Supervisor: ['home', 'teamData'],
};

/** A gadget URL as the desktop should load it: root-relative when it lives on "the Finesse host". */
export function gadgetUrl(raw: string): string {
  const url = new URL(raw.trim(), PLACEHOLDER + LAYOUT_PATH);
  if (url.origin === PLACEHOLDER || url.pathname.startsWith('/3rdpartygadget/')) {
    return url.pathname + url.search;
  }
  return url.href;
}

type El = {
  tagName: string;
  textContent: string | null;
  getElementsByTagName(n: string): ArrayLike<El>;
};
const all = (el: El, tag: string): El[] => Array.from(el.getElementsByTagName(tag));
const text = (el: El | undefined): string => (el?.textContent ?? '').trim();

export function parseLayout(xml: string): DesktopLayout {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (l: string, m: string) => void (l !== 'warning' && errors.push(m)) }).parseFromString(
    xml,
    'text/xml',
  );
  if (errors.length || !doc.documentElement) throw new Error(`layout XML is not well-formed: ${errors[0] ?? 'empty'}`);
  const root = doc.documentElement as unknown as El;
  const result: DesktopLayout = { Agent: emptyRole('Agent'), Supervisor: emptyRole('Supervisor') };
  const layouts = all(root, 'layout');
  if (!layouts.length) {
    // A bare list of <gadget> lines: everything on home, for both roles.
    const gadgets = all(root, 'gadget').map((g) => gadgetUrl(text(g))).filter(Boolean);
    result.Agent.tabs[0]!.gadgets = gadgets;
    result.Supervisor.tabs[0]!.gadgets = [...gadgets];
    return result;
  }
  for (const layout of layouts) {
    const role = text(all(layout, 'role')[0]);
    if (role !== 'Agent' && role !== 'Supervisor') continue;
    const page = all(layout, 'page')[0];
    const tabs = all(layout, 'tab').map((tab) => {
      const id = text(all(tab, 'id')[0]);
      const label = text(all(tab, 'label')[0]);
      return { id, label: LABELS[id] ?? (label.includes('.') ? id : label || id), gadgets: all(tab, 'gadget').map((g) => gadgetUrl(text(g))) };
    });
    const target = result[role];
    target.page = page ? all(page, 'gadget').map((g) => gadgetUrl(text(g))) : [];
    for (const tab of tabs) {
      const existing = target.tabs.find((t) => t.id === tab.id);
      if (existing) existing.gadgets = tab.gadgets;
      else target.tabs.push(tab);
    }
  }
  return result;
}

export function emptyRole(role: keyof DesktopLayout): RoleLayout {
  return { page: [], tabs: DEFAULT_TABS[role].map((id) => ({ id, label: LABELS[id] ?? id, gadgets: [] })) };
}
