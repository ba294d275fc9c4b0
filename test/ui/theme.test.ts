import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AppError } from '../../shared/errors.js';
import { baseStyles, buttonStyles, fieldStyles, headingStyles, lightPalette, radius, spacing, themeStyles, type PaletteToken } from '../../shared/ui/theme.js';
import '../../shared/ui/state-panel.js';
import '../../shared/ui/score-chip.js';
import '../../shared/ui/segmented.js';
import '../../shared/ui/clamped-text.js';

@customElement('cx-theme-probe')
class Probe extends LitElement {
  static override styles = themeStyles;
  override render() {
    return html`<slot></slot>`;
  }
}

/** WCAG 2.1 relative luminance and contrast ratio, from the spec's formulas. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Reads the computed custom property and resolves it to RGB through a real element's `color`. */
function read(el: Element, token: PaletteToken): number[] {
  const raw = getComputedStyle(el).getPropertyValue(`--cx-${token}`).trim();
  const span = document.createElement('span');
  span.style.color = raw;
  document.body.append(span);
  const rgb = getComputedStyle(span).color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
  span.remove();
  expect(raw, token).to.not.equal('');
  return rgb;
}

const TEXT_PAIRS: Array<[PaletteToken, PaletteToken]> = [
  ['text', 'surface'],
  ['text', 'surface-alt'],
  ['muted', 'surface'],
  ['muted', 'surface-alt'],
  ['accent', 'surface'],
  ['accent', 'surface-alt'],
  ['on-accent', 'accent'],
  ['good-text', 'good-bg'],
  ['neutral-text', 'neutral-bg'],
  ['bad-text', 'bad-bg'],
];
// Non-text UI (borders, focus ring, class swatches and chip borders): 3:1 against what they sit on.
const UI_PAIRS: Array<[PaletteToken, PaletteToken]> = [
  ['border', 'surface'],
  ['border', 'surface-alt'],
  ['focus', 'surface'],
  ['focus', 'surface-alt'],
  ['good', 'surface'],
  ['neutral', 'surface'],
  ['bad', 'surface'],
  ['bad', 'surface-alt'],
];

describe('theme palette', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  after(() => emulateMedia({ colorScheme: 'light' }));

  for (const theme of ['light', 'dark'] as const) {
    it(`meets WCAG AA in the ${theme} theme (computed from the live custom properties)`, async () => {
      const el = await fixture<Probe>(html`<cx-theme-probe theme=${theme}></cx-theme-probe>`);
      const fails: string[] = [];
      for (const [fg, bg] of TEXT_PAIRS) {
        const r = contrast(read(el, fg), read(el, bg));
        if (r < 4.5) fails.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
      }
      for (const [fg, bg] of UI_PAIRS) {
        const r = contrast(read(el, fg), read(el, bg));
        if (r < 3) fails.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
      }
      expect(fails).to.deep.equal([]);
    });
  }

  it('is light by default, dark with theme="dark" and with the OS preference, and inherits into children', async () => {
    const surface = (el: Element) => read(el, 'surface').join(',');
    const white = '255,255,255';
    await emulateMedia({ colorScheme: 'light' });
    const plain = await fixture<Probe>(html`<cx-theme-probe><span>x</span></cx-theme-probe>`);
    expect(surface(plain)).to.equal(white);
    const dark = await fixture<Probe>(html`<cx-theme-probe theme="dark"><span>x</span></cx-theme-probe>`);
    expect(surface(dark)).to.not.equal(white);
    expect(surface(dark.querySelector('span')!)).to.equal(surface(dark));
    await emulateMedia({ colorScheme: 'dark' });
    expect(surface(plain)).to.equal(surface(dark));
    const forcedLight = await fixture<Probe>(html`<cx-theme-probe theme="light"></cx-theme-probe>`);
    expect(surface(forcedLight)).to.equal(white);
  });

  it('gives components outside a themed root the light values (registered initial values)', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const div = document.body.appendChild(document.createElement('div'));
    expect(read(div, 'text').join(',')).to.equal(
      (() => {
        const s = document.createElement('span');
        s.style.color = lightPalette.text;
        document.body.append(s);
        const c = getComputedStyle(s).color.match(/\d+/g)!.slice(0, 3).join(',');
        s.remove();
        return c;
      })(),
    );
    div.remove();
  });
});

describe('kit components inside a themed root', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  const err = new AppError('wxm-server', 'wxm', 'HTTP 502', { status: 502 });
  const opts = [
    { value: 'a', label: 'Today' },
    { value: 'b', label: '7 d' },
  ];
  for (const theme of ['light', 'dark'] as const) {
    it(`pass axe (including colour contrast) in the ${theme} theme`, async () => {
      const root = await fixture<Probe>(html`<cx-theme-probe theme=${theme}>
        <cx-state-panel kind="error" .error=${err}></cx-state-panel>
        <cx-score-chip metric="nps" .value=${3} klass="bad"></cx-score-chip>
        <cx-score-chip metric="nps" .value=${7} klass="neutral"></cx-score-chip>
        <cx-score-chip metric="nps" .value=${10} klass="good"></cx-score-chip>
        <cx-segmented label="Period" .options=${opts} value="b"></cx-segmented>
        <cx-clamped-text .text=${'Lovely service'}></cx-clamped-text>
      </cx-theme-probe>`);
      // No animation frames here: a background test page may never paint.
      await Promise.all([...root.children].map((c) => (c as LitElement).updateComplete));
      const panel = root.querySelector('cx-state-panel')!;
      // The themed root's colours reach inside the components' shadow roots.
      const btn = panel.shadowRoot!.querySelector('[part="copy"]')!;
      expect(getComputedStyle(btn).backgroundColor).to.equal(getComputedStyle(root).backgroundColor);
      await expect(root).to.be.accessible();
    });
  }
});

@customElement('cx-field-probe')
class FieldProbe extends LitElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, headingStyles];
  override render() {
    return html`<h3>Section</h3>
      <label>Name <input /></label>
      <label>Team <select><option>T1</option></select></label>
      <button class="btn">Save</button>`;
  }
}

describe('spacing, radius, field and heading tokens', function () {
  this.timeout(60_000);

  it('registers the spacing and radius tokens with their values, so a component alone has them', () => {
    const div = document.body.appendChild(document.createElement('div'));
    const read = (name: string) => getComputedStyle(div).getPropertyValue(`--cx-${name}`).trim();
    for (const [name, value] of Object.entries({ ...spacing, ...radius })) expect(read(name), name).to.equal(value);
    div.remove();
  });

  it('gives inputs, selects and buttons one height, border and radius, and follows an overridden token', async () => {
    const el = await fixture<FieldProbe>(html`<cx-field-probe></cx-field-probe>`);
    const [input, select, button] = ['input', 'select', 'button'].map((s) => getComputedStyle(el.shadowRoot!.querySelector(s)!));
    for (const s of [input!, select!, button!]) {
      expect(s.borderTopLeftRadius).to.equal(radius.radius);
      expect(s.minHeight).to.equal('24px');
    }
    expect(input!.borderTopColor).to.equal(select!.borderTopColor);
    el.style.setProperty('--cx-radius', '0px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('input')!).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('h3')!).marginBottom).to.equal(spacing['space-2']);
    await expect(el).to.be.accessible();
  });

  it('the segmented control and the score chip take their shape from the tokens', async () => {
    const root = await fixture<Probe>(html`<cx-theme-probe>
      <cx-segmented label="Period" .options=${[{ value: 'a', label: 'Today' }, { value: 'b', label: '7 d' }]} value="a"></cx-segmented>
      <cx-score-chip metric="nps" .value=${9} klass="good"></cx-score-chip>
    </cx-theme-probe>`);
    await Promise.all([...root.children].map((c) => (c as LitElement).updateComplete));
    const seg = root.querySelector('cx-segmented')!;
    const chip = root.querySelector('cx-score-chip')!;
    const option = seg.shadowRoot!.querySelector('[part~="option"]')!;
    expect(option.classList.contains('btn'), 'a kit button').to.equal(true);
    expect(getComputedStyle(option).minHeight).to.equal('24px');
    root.style.setProperty('--cx-radius', '7px');
    root.style.setProperty('--cx-radius-pill', '1px');
    expect(getComputedStyle(seg.shadowRoot!.querySelector('[part="group"]')!).borderTopLeftRadius).to.equal('7px');
    expect(getComputedStyle(chip.shadowRoot!.querySelector('[part="chip"]')!).borderTopLeftRadius).to.equal('1px');
  });
});
