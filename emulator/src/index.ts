// PLACEHOLDER until the emulator lands: two empty origins so the test rig can start.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatorOptions { port?: number; wxmPort?: number; seed?: number; profile?: 'small' | 'large'; latencyMs?: number }
export interface RunningEmulator { finesseUrl: string; wxmUrl: string; close(): Promise<void> }

async function listen(port: number): Promise<http.Server> {
  const server = http.createServer((_req, res) => { res.writeHead(404); res.end(); });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const f = await listen(opts.port ?? 0);
  const w = await listen(opts.wxmPort ?? 0);
  const url = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { finesseUrl: url(f), wxmUrl: url(w), close: async () => { f.close(); w.close(); } };
}
