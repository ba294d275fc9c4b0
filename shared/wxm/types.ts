/**
 * Every WxM wire shape the gadgets (and the emulator) use, in one place.
 * Source: docs/wxm-api.md. JSON on the wire is camelCase; dates are ISO-8601 UTC strings.
 * These describe what a well-formed server sends; the client validates at run time (see validate.ts)
 * because real tenants send malformed records.
 */

export type DisplayType =
  | 'Scale'
  | 'Slider'
  | 'Number'
  | 'Smile-5'
  | 'Star-5'
  | 'Text'
  | 'MultilineText'
  | 'Select'
  | 'MultiSelect'
  | 'Dropdown'
  | 'Date';

export interface Question {
  id: string;
  text: string;
  displayType: DisplayType | string;
  /** Choices; for Scale/Slider one entry "min;minLabel-max;maxLabel", e.g. "0;Not likely-10;Very likely". */
  multiSelect: string[] | null;
  questionTags: string[];
  /** true = hidden field filled by the system (e.g. cc_AgentId); never shown to anyone. */
  apiFill: boolean;
  isRetired: boolean;
  /** The questionnaire ("location") this question belongs to. */
  setName: string;
  sequence: number;
  piiSettings?: { isPII: boolean; piiType?: string } | null;
  /** Vendor flags for restricted / sensitive data (APIClient.cs): such questions are never displayed. */
  restrictedData?: boolean;
  sensitiveData?: boolean;
}

export interface Questionnaire {
  name: string;
  displayName: string;
  isNameImmutable: boolean;
  hashPIIBy: string | null;
}

/**
 * The account settings the gadgets use: nothing else is kept from `/api/settings`, whose real body also carries
 * account integration secrets (docs/wxm-api.md, "Verified in vendor sources").
 */
export interface WxmSettings {
  /** Minutes east of UTC for the account's reporting time zone. */
  timeZoneOffset: number;
  /** The NPS passive band, "7,8" by default. */
  npsRange?: string;
  /** Read by no gadget (on the wire it is a list of objects); tolerated in fakes only. */
  locationList?: unknown;
}

export interface ResponseItem {
  questionId: string;
  questionText: string;
  textInput: string | null;
  /**
   * A non-nullable integer on real WxM: 0 on text/select/comment answers (answer-value.ts decides which field
   * holds the answer). null is still tolerated (older data, other variants).
   */
  numberInput: number | null;
}

export interface Note {
  user: string;
  authorName: string;
  noteTime: string;
  note: string;
}

export interface OpenTicket {
  status: 'Open' | 'Resolved' | 'Declined' | 'Closed' | string;
  [key: string]: unknown;
}

/** One submitted survey (WxM calls it an "answer"). */
export interface Answer {
  id: string;
  user: string;
  /** The questionnaire name. */
  locationId: string;
  responseDateTime: string;
  responseDuration: number;
  /** "voice", "email", "sms", "JS-MicroWeb", "InApp-Droid", "tab", ... */
  surveyClient: string;
  responses: ResponseItem[];
  archived: boolean;
  notes: Note[] | null;
  openTicket: OpenTicket | null;
  deviceId: string | null;
}

export type NumberCheck = 'gt' | 'lt' | 'eq';

export interface FilterQuestion {
  questionId: string;
  /** ["gt"] | ["lt"] | ["eq"] with `number` for numbers; accepted values or ["Any Text"] for text. */
  answerCheck: string[];
  number?: number;
  groupBy?: 'AND' | 'OR';
}

export interface FilterBy {
  location?: string[];
  afterdate?: string;
  beforedate?: string;
  archived?: boolean;
  channel?: string;
  days?: number[];
  aftertime?: string;
  beforetime?: string;
  filterquestions?: FilterQuestion[];
}

export interface AnswerPage {
  currentPage: number;
  totalCount: number;
  totalPages: number;
  responses: Answer[];
}

export interface FlashNps {
  totalResponses: number;
  netPromoter: {
    questionID: string;
    questionText: string;
    promoters: number;
    passive: number;
    detractors: number;
    netPromoters: number;
    defaultIndex: number;
  };
}

export interface LoginTokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  userName: string;
  email: string;
  primaryRole: string;
  managedBy: string;
  '.issued': string;
  '.expires': string;
}

export interface OAuthError {
  error: string;
  error_description: string;
}

/** 401 body for an expired or invalid bearer token (body assumed in the spec). */
export interface DeniedBody {
  message: string;
}

/** Cloud Connect token service (via Finesse). `expires_at` epoch ms; tolerate `expires_in` seconds too. */
export interface CloudConnectToken {
  access_token: string;
  expires_at?: number;
  expires_in?: number;
}

// ---- Survey side (CVP path; the emulator implements it, the gadgets never call it) ----

export interface SurveyTokenRequest {
  location: string;
  validUses?: number;
  validTill?: string;
  preFill?: { questionId: string; textInput?: string | null; numberInput?: number | null }[];
  [key: string]: unknown;
}

export interface SurveyTokenResponse {
  id: string;
  [key: string]: unknown;
}
