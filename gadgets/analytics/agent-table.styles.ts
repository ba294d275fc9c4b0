import { css } from 'lit';

export const agentTableStyles = css`
  :host {
    display: block;
  }
  h3 {
    margin: 0 0 4px;
    font-size: 1em;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    padding: 2px 6px;
    border-bottom: 1px solid var(--cx-divider);
    text-align: right;
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  th button {
    font: inherit;
    font-weight: 600;
    background: none;
    border: 0;
    padding: 0;
    color: inherit;
    cursor: pointer;
  }
  .ci {
    color: var(--cx-muted);
    font-size: 0.9em;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 4px;
  }
  tr.team th,
  tr.team td {
    font-weight: 600;
    border-bottom: 2px solid var(--cx-divider);
  }
  .role {
    color: var(--cx-muted);
    font-weight: normal;
  }
  .low {
    color: var(--cx-neutral-text);
  }
  tr.open {
    background: var(--cx-surface-alt);
  }
  .comments {
    margin-top: 6px;
    padding: 6px 8px;
    border: 1px solid var(--cx-divider);
    border-radius: 4px;
  }
  .comments-bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  h4 {
    margin: 0;
    font-size: 1em;
  }
  .empty {
    color: var(--cx-muted);
  }
`;
