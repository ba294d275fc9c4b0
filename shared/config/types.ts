/** The one validated configuration object a gadget runs with (built by config.ts from URL params + UserPrefs). */

export type FilterTag = 'cc_AgentId' | 'cc_TeamId';
export type CsatFormula = 'top2' | 'mean';
export type CesFormula = 'mean' | 'easyShare';

export interface GadgetConfig {
  /** WxM API base URL, no trailing slash. Default https://api.getcloudcherry.com. */
  wxmBaseUrl: string;
  /** Cloud Connect token source, default "cherrypoint". */
  tokenSource: string;
  /** CEA: which context tag filters the answers (agent vs team view). CEJ ignores it. */
  filterTag?: FilterTag;
  /** Questionnaire names to include; empty = all. */
  questionnaires: string[];
  metrics: Array<'nps' | 'csat' | 'ces'>;
  csatFormula: CsatFormula;
  cesFormula: CesFormula;
  /** Below this n a score is flagged low-sample. Default 10. */
  minSample: number;
  targets: { nps?: number; csat?: number; ces?: number };
  /** CEA auto-refresh, seconds; 0 = off. Default 300. */
  refreshSeconds: number;
  /** Overrides the Finesse user's locale (BCP-47). */
  locale?: string;
  /** Mask phone numbers and emails in the UI. */
  maskPii: boolean;
  /** Network timeout per WxM request, ms. Default 10000. */
  timeoutMs: number;
  /** CEJ: the country code a national number typed in the search belongs to (e.g. 44: "07913 221676"). */
  defaultCountryCode?: number;
  /** Colour scheme: Finesse's light look by default; 'auto' follows the OS preference. */
  theme: 'light' | 'dark' | 'auto';
  /** CEA: 'auto' reads WxM's aggregates (summary, compare) and pages raw answers only where they are missing; 'off' always pages. */
  aggregates: 'auto' | 'off';
}

export interface ConfigProblem {
  /** The parameter name as the admin typed it (e.g. "minSample"). */
  param: string;
  /** Human explanation, English (admins read it in the gadget and the console). */
  message: string;
}
