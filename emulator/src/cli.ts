/**
 * `node --import tsx emulator/src/cli.ts [--port N] [--wxm-port N] [--seed S] [--profile small|large]
 *  [--latency-ms L] [--dist DIR] [--host H] [--page-base 0|1] [--token-expiry at-ms|at-s|in-s]
 *  [--token-body access_token|accessToken|token]` — prints one line per origin (tests parse them), then a hint.
 */
import { startEmulator, type EmulatorOptions } from './index.js';
import { PAGE_BASES, TOKEN_BODIES, TOKEN_EXPIRIES } from './variants.js';

function variant<T extends string | number>(name: string, v: string | undefined, allowed: readonly T[]): T {
  const found = allowed.find((a) => String(a) === v);
  if (found === undefined) throw new Error(`${name} must be one of ${allowed.join(', ')}`);
  return found;
}

function parseArgs(argv: string[]): EmulatorOptions {
  const opts: EmulatorOptions = {};
  const int = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number ≥ 0`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port': opts.port = int(flag, value()); break;
      case '--wxm-port': opts.wxmPort = int(flag, value()); break;
      case '--seed': opts.seed = int(flag, value()); break;
      case '--latency-ms': opts.latencyMs = int(flag, value()); break;
      case '--dist': opts.distDir = value(); break;
      case '--host': opts.host = value(); break;
      case '--page-base': opts.variants = { ...opts.variants, pageBase: variant(flag, value(), PAGE_BASES) }; break;
      case '--token-expiry': opts.variants = { ...opts.variants, tokenExpiry: variant(flag, value(), TOKEN_EXPIRIES) }; break;
      case '--token-body': opts.variants = { ...opts.variants, tokenBody: variant(flag, value(), TOKEN_BODIES) }; break;
      case '--profile': {
        const p = value();
        if (p !== 'small' && p !== 'large') throw new Error('--profile must be small or large');
        opts.profile = p;
        break;
      }
      case '--help':
      case '-h':
        console.log('emulator [--port 3000] [--wxm-port PORT+1] [--seed 42] [--profile small|large] [--latency-ms 0] [--dist dist] [--host 127.0.0.1]' +
          ' [--page-base 0|1] [--token-expiry at-ms|at-s|in-s] [--token-body access_token|accessToken|token]');
        process.exit(0);
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  return opts;
}

let opts: EmulatorOptions;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`emulator: ${(e as Error).message}`);
  process.exit(2);
}

const emu = await startEmulator(opts);
console.log(`Finesse desktop: ${emu.finesseUrl}/`);
console.log(`WxM API: ${emu.wxmUrl}/`);
console.log(
  `  ${emu.world.agents.length} agents, ${emu.world.supervisors.length} supervisors, ${emu.world.customers.length} customers (seed ${emu.world.seed}, ${emu.world.profile}).\n` +
    `  Sign in: any agent/supervisor id with password "emulator" (list: GET /_emulator/agents); WxM LoginToken admin / emulator.\n` +
    `  Control API: ${emu.finesseUrl}/_emulator/... (see emulator/README.md). Ctrl+C stops.`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(0), 2000);
  timer.unref();
  emu.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  void signal;
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGHUP', () => stop('SIGHUP'));
