/**
 * `npm start [-- --port 3000 --seed 42 --profile small|large --latency-ms 0]`
 * Builds the gadgets for the local emulator (into .emulator-dist/, so a production dist/ is left alone) and
 * runs the emulator (Finesse desktop + Cloud Connect on PORT, WxM on PORT+1). Open the printed desktop URL.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildGadgets } from './build.js';
import { formatFindings } from '../gadget-xml/validate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = '.emulator-dist';

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--${name} must be a port number 1-65535 (the gadgets' URLs need it)`);
  return n;
}

/**
 * The emulator's WxM as the build's only allowed WxM address(es). Plain http is trusted on loopback only, so a
 * wildcard --host still gets gadgets that work from this machine (by 127.0.0.1 or localhost), and another host
 * name is refused here rather than by every gadget.
 */
function emulatorWxmBaseUrls(host: string, wxmPort: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://127.0.0.1:${wxmPort},http://localhost:${wxmPort}`;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(`--host ${host}: the emulator's WxM is plain http, which the gadgets only trust on 127.0.0.1/localhost; use one of those or 0.0.0.0`);
  }
  return `http://${host.includes(':') ? `[${host}]` : host}:${wxmPort}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'wxm-port': { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      'latency-ms': { type: 'string' },
      host: { type: 'string' },
    },
  });
  const finessePort = port('port', values.port, 3000);
  const wxmPort = port('wxm-port', values['wxm-port'], finessePort + 1);
  const host = values.host ?? '127.0.0.1';

  console.log(`Building the gadgets for the emulator into ${OUT_DIR}/ …`);
  const result = await buildGadgets({
    outDir: `${root}${OUT_DIR}`,
    baseUrl: `http://${host}:${finessePort}/3rdpartygadget/files/cx/`,
    wxmBaseUrl: emulatorWxmBaseUrls(host, wxmPort),
    quiet: true,
  });
  const errors = result.findings.filter((f) => f.level === 'error');
  if (errors.length) {
    console.error(formatFindings(errors));
    return 1;
  }

  const args = ['--import', 'tsx', 'emulator/src/cli.ts', '--port', String(finessePort), '--wxm-port', String(wxmPort), '--dist', OUT_DIR];
  for (const flag of ['seed', 'profile', 'latency-ms', 'host'] as const) {
    if (values[flag] !== undefined) args.push(`--${flag}`, values[flag]);
  }
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  // Ctrl+C reaches the whole process group; forward explicit signals (kill PID) too, then exit with the emulator.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
    child.on('error', (e) => {
      console.error(`cannot start the emulator: ${e.message}`);
      resolve(1);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
