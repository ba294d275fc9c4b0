import { css } from 'lit';

export const trendPanelStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
    margin-bottom: 6px;
  }
  h3 {
    margin: 0;
    font-size: 1em;
    flex: 1;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 2px 6px;
    border-bottom: 1px solid var(--cx-divider);
  }
  td.num,
  th.num {
    text-align: right;
  }
  .empty {
    color: var(--cx-muted);
  }
`;
