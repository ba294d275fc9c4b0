import { build } from 'vite';
import { gadgetBuildConfig } from './vite.config.ts';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const deps = `import { bootGadget } from '../../shared/boot.js'; import '../../shared/ui/state-panel.js'; import '../../shared/ui/segmented.js'; import '../../shared/ui/clamped-text.js'; import '../../shared/ui/score-chip.js'; import * as M from '../../shared/metrics/index.js'; import * as F from '../../shared/i18n/format.js'; import { Task } from '@lit/task'; import { ContextProvider, consume } from '@lit/context';
import { Chart, CategoryScale, LinearScale, LineController, LineElement, PointElement } from 'chart.js'; Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale); Object.assign(window as any, { Chart, bootGadget, M, F, Task, ContextProvider, consume });`;
const variants: Record<string, string> = { deps, msgs: deps + `import { msg } from './messages.js'; (window as any).msg = msg;` };
for (const [name, src] of Object.entries(variants)) {
  const entry = `gadgets/analytics/.var-${name}.ts`;
  writeFileSync(entry, src);
  const outDir = `/tmp/ana-var/${name}`;
  rmSync(outDir, { recursive: true, force: true });
  try { await build(gadgetBuildConfig({ bundle: 'analytics', outDir, emitLayout: false, logLevel: 'error', entry })); } finally { rmSync(entry); }
  for (const f of readdirSync(outDir)) if (f.endsWith('.js')) console.log(name, gzipSync(readFileSync(`${outDir}/${f}`)).length);
}
