/**
 * Design tokens (`--cx-*`: colours, spacing, radius) and the kit's shared styles (base, buttons, fields, headings). The light palette follows Finesse's look; every text/background
 * pair meets WCAG 2.1 AA (test/ui/theme.test.ts computes it from the live custom properties).
 *
 * How it cascades: the light tokens are registered (CSS.registerProperty) as inheriting properties with
 * their light value as initial value, so any component works standalone. The gadget's root element adds
 * `themeStyles`, which switches the whole subtree to dark (`theme="dark"`, or the OS preference unless
 * `theme="light"`). Inner components use `baseStyles` only, so they never reset an ancestor's theme.
 */
import { css, unsafeCSS } from 'lit';

export const lightPalette = {
  text: '#242424',
  muted: '#5b5f63',
  surface: '#ffffff',
  'surface-alt': '#f3f4f5',
  border: '#878c91',
  divider: '#dfe1e3',
  accent: '#0a66a8',
  'on-accent': '#ffffff',
  focus: '#0a66a8',
  good: '#1d7a36',
  neutral: '#9a6400',
  bad: '#c42830',
  'good-bg': '#e2f4e6',
  'good-text': '#14532a',
  'neutral-bg': '#fdf1d3',
  'neutral-text': '#5e4300',
  'bad-bg': '#fce4e4',
  'bad-text': '#9b1c22',
} as const;

export type PaletteToken = keyof typeof lightPalette;

export const darkPalette: Record<PaletteToken, string> = {
  text: '#e9eaeb',
  muted: '#a8adb2',
  surface: '#1d1f21',
  'surface-alt': '#2a2d30',
  border: '#7d838a',
  divider: '#3a3e42',
  accent: '#6cb4f0',
  'on-accent': '#0b1b2a',
  focus: '#6cb4f0',
  good: '#4fc46f',
  neutral: '#e3a72e',
  bad: '#f47171',
  'good-bg': '#1b3a24',
  'good-text': '#a6ebb8',
  'neutral-bg': '#3b3115',
  'neutral-text': '#f6d989',
  'bad-bg': '#45201f',
  'bad-text': '#ffbdb9',
};

/** Spacing steps (`--cx-space-1` … `--cx-space-4`): gaps, paddings and margins use these, not raw pixels. */
export const spacing = { 'space-1': '2px', 'space-2': '4px', 'space-3': '8px', 'space-4': '12px' } as const;
/** Corner radii: `--cx-radius` for controls, bars and panels, `--cx-radius-pill` for score chips. */
export const radius = { radius: '3px', 'radius-pill': '10px' } as const;

const FONT = `"CiscoSansTT", "Helvetica Neue", Helvetica, Arial, sans-serif`;

/** Registers tokens once per document; a second bundle in the same document throws, which is harmless. */
function register(tokens: Record<string, string>, syntax: string) {
  for (const [name, value] of Object.entries(tokens)) {
    try {
      CSS.registerProperty({ name: `--cx-${name}`, syntax, inherits: true, initialValue: value });
    } catch {
      /* already registered */
    }
  }
}
register(lightPalette, '<color>');

register({ ...spacing, ...radius }, '<length>');

const decls = (p: Record<string, string>) =>
  unsafeCSS(Object.entries(p).map(([k, v]) => `--cx-${k}:${v};`).join(''));

/** For inner components: font, colours from the tokens, visible focus ring, reduced motion. */
export const baseStyles = css`
  :host {
    font-family: var(--cx-font, ${unsafeCSS(FONT)});
    color: var(--cx-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--cx-focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** For the gadget's root element: base styles plus the light/dark switch. */
export const themeStyles = css`
    ${baseStyles}
    :host {
      ${decls(lightPalette)}
      color-scheme: light;
      font-size: var(--cx-font-size, 13px);
      background: var(--cx-surface);
    }
    :host([theme='dark']) {
      ${decls(darkPalette)}
      color-scheme: dark;
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${decls(darkPalette)}
        color-scheme: dark;
      }
    }
  `;

/** Buttons that look at home in Finesse: `.btn`, `.btn.primary` (accent), `.btn.link` (text-only). */
export const buttonStyles = css`
  .btn {
    font: inherit;
    min-height: 24px;
    padding: var(--cx-space-1) var(--cx-space-4);
    border: 1px solid var(--cx-border);
    border-radius: var(--cx-radius);
    background: var(--cx-surface);
    color: var(--cx-text);
    cursor: pointer;
  }
  .btn:hover {
    background: var(--cx-surface-alt);
  }
  .btn:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .btn.primary {
    border-color: var(--cx-accent);
    background: var(--cx-accent);
    color: var(--cx-on-accent);
  }
  .btn.link {
    border: 0;
    padding: 0 2px;
    background: none;
    color: var(--cx-accent);
    text-decoration: underline;
  }
`;

/** Text fields, selects and text areas: the same height, border and colours everywhere. */
export const fieldStyles = css`
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    min-height: 24px;
    padding: var(--cx-space-1) var(--cx-space-2);
    border: 1px solid var(--cx-border);
    border-radius: var(--cx-radius);
    background: var(--cx-surface);
    color: var(--cx-text);
  }
  [aria-invalid='true'] {
    border-color: var(--cx-bad);
  }
`;

/** Section headings inside a gadget: h2 for the gadget's title, h3 for a section, h4 for a group within it. */
export const headingStyles = css`
  h2,
  h3,
  h4 {
    margin: 0 0 var(--cx-space-2);
    font-size: 1em;
    font-weight: 600;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.15em;
  }
`;
