import { css } from 'lit';

export const verbatimListStyles = css`
  :host {
    display: block;
  }
  h3 {
    margin: 0;
    font-size: 1em;
    flex: 1;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-bottom: 4px;
  }
  ol {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  li {
    padding: 4px 0;
    border-bottom: 1px solid var(--cx-divider);
  }
  .meta {
    color: var(--cx-muted);
    font-size: 0.92em;
  }
  .empty {
    color: var(--cx-muted);
  }
  .more {
    margin-top: 6px;
  }
`;
