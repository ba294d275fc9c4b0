/** Queries that pierce shadow roots (the gadget is a tree of Lit elements). */
export function deepQueryAll(root: Element | ShadowRoot | Document, selector: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    out.push(...node.querySelectorAll(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return [...new Set(out)];
}

export const deepQuery = (root: Element | ShadowRoot | Document, selector: string): Element | null =>
  deepQueryAll(root, selector)[0] ?? null;

/** The text of each KPI value, keyed by its card's data-metric. */
export function kpiValues(root: Element | Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const card of deepQueryAll(root, '[part~=kpi]')) {
    const v = card.shadowRoot?.querySelector('[part~=kpi-value]');
    if (v) out[card.getAttribute('data-metric') ?? '?'] = v.textContent?.trim() ?? '';
  }
  return out;
}

/** Text of one part of a metric's KPI card ('' when absent). */
export function kpiPart(root: Element | Document, metric: string, part: string): string {
  const card = deepQueryAll(root, `[part~=kpi][data-metric=${metric}]`)[0];
  return card?.shadowRoot?.querySelector(`[part~=${part}]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
