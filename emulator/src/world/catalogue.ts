/**
 * The seeded account: settings, questionnaires and their questions. Each question gets a `role` here (what the
 * compact answer store keeps for it); the wire shape is the plain Question.
 */
import type { Question, Questionnaire, WxmSettings } from '../../../shared/wxm/types.js';
import { hexId } from './prng.js';

export type Role =
  | 'nps' | 'csat' | 'ces' | 'comment' | 'reason'
  | 'agentId' | 'teamId' | 'customerId' | 'queueId' | 'mobile' | 'email'
  | 'account' | 'sensitive'
  | 'retired';

/** WxM answers these display types in numberInput; every other type in textInput, with numberInput 0. */
export const NUMERIC_DISPLAY = new Set(['Scale', 'Slider', 'Number', 'Smile-5', 'Star-5']);

/** Hidden context roles, in the order their prefills are written. */
export const HIDDEN_ROLES = ['agentId', 'teamId', 'customerId', 'queueId', 'mobile', 'email'] as const;
export type HiddenRole = (typeof HIDDEN_ROLES)[number];

export interface QuestionnaireDef {
  questionnaire: Questionnaire;
  /** Channels (surveyClient values) whose surveys use this questionnaire. */
  channels: string[];
  /** Question by role (absent when the questionnaire has no such question). */
  byRole: Partial<Record<Role, Question>>;
  questions: Question[];
}

/** What the emulator's /api/settings serves: the fields gadgets use plus what a real account also holds. */
export type EmuSettings = WxmSettings & Record<string, unknown>;

export interface Catalogue {
  settings: EmuSettings;
  defs: QuestionnaireDef[];
  questions: Question[];
  /** questionId → [questionnaire index, role] */
  roleOf: Map<string, { qn: number; role: Role }>;
}

export const VOICE = 'Post-call voice';
export const DIGITAL = 'Digital follow-up';
export const CHANNELS = ['voice', 'email', 'sms', 'JS-MicroWeb'] as const;
export const REASONS = ['Billing', 'Technical issue', 'Order status', 'Account change', 'Other'];

type Spec = Omit<Question, 'id' | 'setName' | 'sequence' | 'isRetired' | 'apiFill'> & { role: Role; apiFill?: boolean; isRetired?: boolean };

const hidden = (role: HiddenRole, tag: string, text: string, pii?: string): Spec => ({
  role, text, displayType: 'Text', multiSelect: null, questionTags: [tag], apiFill: true,
  piiSettings: pii ? { isPII: true, piiType: pii } : { isPII: false },
});

const HIDDEN_SPECS: Spec[] = [
  hidden('agentId', 'cc_AgentId', 'Agent'),
  hidden('teamId', 'cc_TeamId', 'Team'),
  hidden('customerId', 'cc_CustomerId', 'Customer id'),
  hidden('queueId', 'cc_QueueId', 'Queue'),
  hidden('mobile', 'Mobile', 'Mobile number', 'Phone'),
  hidden('email', 'Email', 'Email address', 'Email'),
];

const NPS: Spec = {
  role: 'nps', text: 'How likely are you to recommend us to a friend or colleague?', displayType: 'Scale',
  multiSelect: ['0;Not likely-10;Very likely'], questionTags: ['NPS'],
};
const COMMENTS: Spec = {
  role: 'comment', text: 'Is there anything you would like to tell us?', displayType: 'MultilineText',
  multiSelect: null, questionTags: ['Comments'],
};

/** Flagged questions (vendor `restrictedData` / `sensitiveData`): answered, never for display. */
const ACCOUNT: Spec = {
  role: 'account', text: 'Account number', displayType: 'Text', multiSelect: null, questionTags: ['accountNumber'],
  restrictedData: true,
};
const SENSITIVE: Spec = {
  role: 'sensitive', text: 'Is there anything about your circumstances we should take into account?',
  displayType: 'MultilineText', multiSelect: null, questionTags: [], sensitiveData: true,
};

const VOICE_SPECS: Spec[] = [
  NPS,
  { role: 'csat', text: 'How satisfied were you with the agent who helped you?', displayType: 'Scale',
    multiSelect: ['1;Very dissatisfied-5;Very satisfied'], questionTags: ['CSAT', 'csat_satisfaction_5'] },
  { role: 'ces', text: 'How easy was it to get your issue resolved?', displayType: 'Scale',
    multiSelect: ['1;Very difficult-7;Very easy'], questionTags: ['CES', 'ces_effort_7'] },
  { role: 'reason', text: 'What was the main reason for your call?', displayType: 'Select',
    multiSelect: REASONS, questionTags: ['reason'] },
  COMMENTS,
  { role: 'retired', text: 'How did you hear about our hotline?', displayType: 'Select', isRetired: true,
    multiSelect: ['Website', 'Bill', 'Friend'], questionTags: [] },
  ACCOUNT,
  SENSITIVE,
  ...HIDDEN_SPECS,
];

const DIGITAL_SPECS: Spec[] = [
  NPS,
  { role: 'ces', text: 'The company made it easy for me to handle my issue.', displayType: 'Scale',
    multiSelect: ['1;Strongly disagree-5;Strongly agree'], questionTags: ['CES', 'ces_agree_5'] },
  COMMENTS,
  SENSITIVE,
  ...HIDDEN_SPECS,
];

function build(seed: number, name: string, display: string, channels: string[], specs: Spec[]): QuestionnaireDef {
  const byRole: Partial<Record<Role, Question>> = {};
  const questions = specs.map(({ role, ...spec }, i): Question => {
    const q: Question = {
      ...spec,
      id: hexId(seed, `question/${name}/${role}`),
      setName: name,
      sequence: i + 1,
      apiFill: spec.apiFill ?? false,
      isRetired: spec.isRetired ?? false,
    };
    byRole[role] = q;
    return q;
  });
  return { questionnaire: { name, displayName: display, isNameImmutable: true, hashPIIBy: null }, channels, byRole, questions };
}

export function buildCatalogue(seed: number): Catalogue {
  const defs = [
    build(seed, VOICE, 'Post-call voice survey', ['voice'], VOICE_SPECS),
    build(seed, DIGITAL, 'Digital follow-up (email, SMS, web)', ['email', 'sms', 'JS-MicroWeb'], DIGITAL_SPECS),
  ];
  const roleOf = new Map<string, { qn: number; role: Role }>();
  defs.forEach((d, qn) => {
    for (const [role, q] of Object.entries(d.byRole)) roleOf.set(q.id, { qn, role: role as Role });
  });
  const settings: EmuSettings = {
    timeZoneOffset: 60,
    npsRange: '7,8',
    // A list of objects on the real wire (vendor UserSettings), not of names.
    locationList: defs.map((d) => ({ name: d.questionnaire.name, displayName: d.questionnaire.displayName })),
    accountName: 'Emulated Contact Centre',
    dateFormat: 'dd/MM/yyyy',
    // The real body also carries account integration secrets (field names assumed): a client must not keep them.
    integrations: {
      smtp: { server: 'smtp.example.com', port: 587, user: 'surveys@example.com', password: 'EMU-SMTP-PASSWORD-7f3a' },
      sms: { provider: 'twilio', accountSid: 'ACemulator0000', authToken: 'EMU-SMS-AUTHTOKEN-91c2' },
      crm: { clientId: 'emu-crm-client', clientSecret: 'EMU-CRM-CLIENT-SECRET-44de' },
    },
  };
  return { settings, defs, questions: defs.flatMap((d) => d.questions), roleOf };
}
