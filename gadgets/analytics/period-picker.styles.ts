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
  .invalid {
    color: var(--cx-bad-text);
  }
`;
