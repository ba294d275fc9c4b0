import { css } from 'lit';

export const trendChartStyles = css`
  :host {
    display: block;
  }
  .box {
    position: relative;
    height: var(--cx-chart-height, 180px);
    width: 100%;
  }
  .readout {
    min-height: 1.3em;
    margin: 2px 0 0;
    color: var(--cx-muted);
  }
`;
