/**
 * Starts the emulator as a child process (tsx) and resolves once it printed its two origin lines
 * ("Finesse desktop: URL" and "WxM API: URL", see emulator/README.md).
 * Used by the browser test config and the benchmarks.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A port free on 127.0.0.1 right now: for a WxM address that must be known before the emulator starts (the
 * gadgets are built for it, since they only trust WxM addresses fixed at build time).
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function spawnEmulator(args = [], { timeoutMs = 60_000, echo = false } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Never leave an emulator behind, whatever way our process ends.
  process.once('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    const urls = {};
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`emulator did not start within ${timeoutMs} ms`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      child.kill();
      reject(error);
    }
    child.on('exit', (code) => fail(new Error(`emulator exited (${code}) before it was ready`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (echo) process.stdout.write(chunk);
      for (const m of buffer.matchAll(/^(Finesse desktop|WxM API): (\S+?)\/?$/gm)) {
        urls[m[1] === 'WxM API' ? 'wxmUrl' : 'finesseUrl'] = m[2];
      }
      if (urls.finesseUrl && urls.wxmUrl) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.stdout.resume();
        resolve({
          ...urls,
          close: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', done);
              child.kill();
            }),
        });
      }
    });
  });
}
