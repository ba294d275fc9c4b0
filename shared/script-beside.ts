/**
 * Files a gadget script loads from beside itself (its locale files, its parts): each is a classic `<script>` like
 * the gadget's own — no fetch, so no CORS; no dynamic import (README "Why classic scripts").
 */

// Read while the gadget script runs: the files sit beside it, wherever it is served from.
const gadgetScriptUrl = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : undefined;

/**
 * Runs the classic script `file` (relative to `base`, by default the gadget script's own URL) and removes its
 * element again; resolves true once it has run, false when it failed to load or took over `timeoutMs`.
 */
export async function runScriptBeside(file: string, timeoutMs: number, base = gadgetScriptUrl ?? document.baseURI): Promise<boolean> {
  const script = document.createElement('script');
  script.src = new URL(file, base).href;
  const loaded = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const done = (ok: boolean) => () => (clearTimeout(timer), resolve(ok));
    script.onload = done(true);
    script.onerror = done(false);
    document.head.append(script);
  });
  script.remove();
  return loaded;
}
