import { css } from 'lit';

export const analyticsHeaderStyles = css`
  :host {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin-bottom: 8px;
  }
  h2 {
    margin: 0;
    font-size: 1.15em;
  }
  .status {
    margin-left: auto;
    color: var(--cx-muted);
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .spinner {
    display: inline-block;
    width: 10px;
    height: 10px;
    border: 2px solid var(--cx-divider);
    border-top-color: var(--cx-accent);
    border-radius: 50%;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
