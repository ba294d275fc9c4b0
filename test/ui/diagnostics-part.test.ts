/**
 * "Copy diagnostics" builds its text in a part loaded on the first copy (shared/ui/diagnostics.ts). When that part
 * cannot load, the copy still happens, with what the main script knows for sure (the error's code and hop), and the
 * console says why. The failure is a real one: a load of the part from a missing file is in flight when the agent
 * presses Copy, so the panel waits on that same load. (Its own file: a part, once loaded, stays loaded for the page.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { AppError } from '../../shared/errors.js';
import { loadPart } from '../../shared/parts/loader.js';
import type { CxStatePanel } from '../../shared/ui/state-panel.js';
import '../../shared/ui/state-panel.js';
import { spyConsole } from '../fakes/console.js';

const BEARER = 'Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ9876543210abcdef';

describe('Copy diagnostics when the diagnostics part cannot load', () => {
  it('copies the error code and hop, never the message text with its token, and says why on the console', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    const console = spyConsole();
    try {
      const error = new AppError('wxm-auth', 'wxm', `401 from WxM (${BEARER})`, { status: 401 });
      const el = await fixture<CxStatePanel>(html`<cx-state-panel kind="error" .error=${error}></cx-state-panel>`);
      const missing = loadPart('diagnostics', { files: { diagnostics: 'no-such-part.js' }, base: `${location.origin}/test/` });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy"]')!.click();
      await missing.catch(() => undefined);
      await waitUntil(() => copied !== '', 'the fallback text was copied');
      expect(copied).to.contain('error: wxm-auth');
      expect(copied).to.contain('hop: wxm');
      expect(copied).to.not.contain('QWxhZGRpbjpvcGVuIHNlc2FtZQ');
      expect(console.text()).to.match(/the diagnostics part did not load/);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.actions [role="status"]')!.textContent).to.equal('Diagnostics copied');
    } finally {
      console.restore();
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });
});
