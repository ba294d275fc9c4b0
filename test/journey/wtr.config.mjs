/**
 * WORKAROUND config for the journey tests. The root config proxies every `/gadgets/` path to the emulator
 * (for /gadgets/container.js and /gadgets/ifr), which also swallows the gadget *sources* the tests import
 * (/gadgets/journey/*.ts → emulator 404). Until the root proxy prefixes are narrowed, serve those from disk.
 * Run: npx wtr --config test/journey/wtr.config.mjs
 */
import base from '../../web-test-runner.config.mjs';

function gadgetSources(ctx, next) {
  // '/./gadgets/...' does not match the proxy prefix; the static server normalises it back to the file.
  if (/^\/gadgets\/(journey|analytics)\/.*\.(ts|js)$/.test(ctx.path)) ctx.path = `/.${ctx.path}`;
  return next();
}

export default {
  ...base,
  files: ['test/journey/**/*.test.ts'],
  // The live tests inject emulator faults: one file at a time.
  concurrency: 1,
  middleware: [gadgetSources, ...base.middleware],
};
