import { build } from 'vite';
import { gadgetBuildConfig } from './vite.config.ts';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const outDir = '/tmp/ana-dist';
rmSync(outDir, { recursive: true, force: true });
await build(gadgetBuildConfig({ bundle: 'analytics', outDir, emitLayout: false, logLevel: 'error' }));
for (const f of readdirSync(outDir)) if (f.endsWith('.js')) console.log(f, readFileSync(`${outDir}/${f}`).length, 'gzip', gzipSync(readFileSync(`${outDir}/${f}`)).length);
