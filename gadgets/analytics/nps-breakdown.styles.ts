import { css } from 'lit';

export const npsBreakdownStyles = css`
  :host {
    display: block;
  }
  h3 {
    margin: 0 0 4px;
    font-size: 1em;
  }
  .bar {
    display: flex;
    height: 14px;
    border-radius: 3px;
    overflow: hidden;
    background: var(--cx-surface-alt);
  }
  .good {
    background: var(--cx-good);
  }
  .neutral {
    background: var(--cx-neutral);
  }
  .bad {
    background: var(--cx-bad);
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 4px 0 0;
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
  }
  .dot {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 4px;
    vertical-align: middle;
  }
  /* Forced colours replace backgrounds with Canvas: keep the three shares apart with system colours and a hatch. */
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .bar > span,
    .dot {
      forced-color-adjust: none;
    }
    .good {
      background: CanvasText;
    }
    .neutral {
      background: GrayText;
    }
    .bad {
      background: repeating-linear-gradient(45deg, CanvasText 0 2px, Canvas 2px 4px);
    }
  }
`;
