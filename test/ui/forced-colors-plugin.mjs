/**
 * Test-runner command `emulate-forced-colors` ({ active: boolean }): Chromium's forced-colors emulation through
 * CDP. @web/test-runner-commands' emulateMedia drops `forcedColors` under puppeteer, and puppeteer's own
 * emulateMediaFeatures refuses the feature, so the command talks to the page's DevTools target directly.
 * The CDP session stays open while the emulation is on (closing it would end the emulation).
 */
const sessions = new Map();

export function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
