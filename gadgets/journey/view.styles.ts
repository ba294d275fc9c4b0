/** Styles of <cx-journey-view> (view.ts). */
import { css } from 'lit';
import { baseStyles, buttonStyles } from '../../shared/ui/theme.js';

export const viewStyles = [
  baseStyles,
  buttonStyles,
  css`
    :host {
      display: block;
    }
    main {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 8px;
    }
    header {
      display: flex;
      gap: 8px;
      align-items: baseline;
    }
    h2 {
      margin: 0;
      font-size: 1.15em;
    }
    h3 {
      margin: 0;
      font-size: 1em;
    }
    .tag {
      color: var(--cx-muted);
      border: 1px solid var(--cx-border);
      border-radius: 3px;
      padding: 0 4px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 12px;
      margin: 6px 0;
    }
    h4 {
      margin: 10px 0 0;
      font-size: 0.95em;
      color: var(--cx-muted);
      border-bottom: 1px solid var(--cx-divider);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li + li {
      border-top: 1px solid var(--cx-divider);
    }
    .notice {
      margin: 4px 0;
      padding: 4px 8px;
      background: var(--cx-neutral-bg);
      color: var(--cx-neutral-text);
      border-radius: 3px;
    }
    .muted {
      color: var(--cx-muted);
      margin: 0;
    }
    .more {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
  `,
];
