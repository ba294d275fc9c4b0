import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { testEnv } from './helpers/env.js';

@customElement('cx-smoke')
class Smoke extends LitElement {
  @property() name = 'world';
  override render() {
    return html`<p>hello ${this.name}</p>`;
  }
}

describe('test rig', () => {
  it('renders a Lit element with decorators in Chromium', async () => {
    const el = document.createElement('cx-smoke') as Smoke;
    el.name = 'agent';
    document.body.append(el);
    await el.updateComplete;
    if (el.shadowRoot?.textContent?.trim() !== 'hello agent') throw new Error('did not render');
  });
  it('knows where the emulator runs', async () => {
    const env = await testEnv();
    if (!env.wxmUrl.startsWith('http://127.0.0.1:')) throw new Error(env.wxmUrl);
  });
});
