import { css } from 'lit';

export const analyticsAppStyles = css`
  :host {
    display: block;
    padding: 8px;
  }
  .notes p {
    margin: 2px 0 6px;
    color: var(--cx-muted);
  }
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(190px, 1fr));
    gap: 8px;
    margin-bottom: 10px;
  }
  .panels > * {
    margin-bottom: 12px;
  }
`;
