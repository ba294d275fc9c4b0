import { css } from 'lit';

export const periodPickerStyles = css`
  :host {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--cx-surface);
    border: 1px solid var(--cx-border);
    border-radius: 3px;
  }
  .invalid {
    color: var(--cx-bad-text);
  }
`;
