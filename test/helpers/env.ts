/** Where the emulator runs for this test run (served by web-test-runner.config.mjs). */
export interface TestEnv {
  /** The emulator's Finesse origin; also reachable same-origin through the test server's proxy. */
  finesseUrl: string;
  /** The emulator's WxM origin (a different origin: CORS is real). */
  wxmUrl: string;
}

let cached: Promise<TestEnv> | undefined;

export function testEnv(): Promise<TestEnv> {
  cached ??= fetch('/__env.json').then((r) => r.json() as Promise<TestEnv>);
  return cached;
}
