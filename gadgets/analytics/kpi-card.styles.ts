import { css } from 'lit';

export const kpiCardStyles = css`
  :host {
    display: block;
    border: 1px solid var(--cx-divider);
    border-radius: 6px;
    padding: 8px 10px;
    background: var(--cx-surface);
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  abbr {
    text-decoration: none;
  }
  .value {
    margin: 2px 0;
    font-size: 1.9em;
    font-weight: 600;
    line-height: 1.2;
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
  .value.empty {
    font-size: 1.1em;
    font-weight: 400;
    color: var(--cx-muted);
  }
  .badge {
    font-size: 0.5em;
    font-weight: 600;
    border-radius: 10px;
    padding: 1px 8px;
    background: var(--cx-neutral-bg);
    color: var(--cx-neutral-text);
  }
  p {
    margin: 2px 0;
  }
  .meta {
    color: var(--cx-muted);
  }
  .sig.up {
    color: var(--cx-good-text);
    font-weight: 600;
  }
  .sig.down {
    color: var(--cx-bad-text);
    font-weight: 600;
  }
  details {
    margin-top: 4px;
  }
  summary {
    cursor: pointer;
    color: var(--cx-accent);
  }
  .skeleton {
    height: 2em;
    border-radius: 4px;
    background: var(--cx-surface-alt);
  }
`;
