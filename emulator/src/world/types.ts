/**
 * The emulated world: who works in the contact centre, who calls, and what they answered.
 * Built deterministically by seed.ts from (seed, profile, start day). Shared by the WxM and Finesse halves.
 */
import type { Question, Questionnaire } from '../../../shared/wxm/types.js';
import type { EmuSettings } from './catalogue.js';
import type { AnswerStore } from './store.js';

export type Profile = 'small' | 'large';

export interface EmuTeam {
  id: string;
  name: string;
}

export interface EmuAgent {
  /** Finesse login id (also the Basic-auth user name). */
  id: string;
  /** CCE skill target id: what cc_AgentId holds in WxM. */
  skillTargetId: string;
  firstName: string;
  lastName: string;
  teamId: string;
  extension: string;
}

export interface EmuSupervisor extends EmuAgent {
  /** A supervisor may supervise several teams. */
  supervisedTeamIds: string[];
}

export interface EmuCustomer {
  /** cc_CustomerId (the ICM POD.ID value). */
  id: string;
  name: string;
  /** "+digits" */
  mobile: string | null;
  email: string | null;
  /** Number of answers held for this customer (seeded 0..60; grows when a survey lands via addAnswer). */
  surveyCount: number;
  language: string;
  /**
   * Fixture markers tests can look for: 'max-history' (exactly 60 surveys), 'no-surveys', 'hostile' (newest
   * answer has a hostile comment), 'malformed' (≥1 malformed record among good ones), 'mobile-only' (answers
   * carry Mobile but no cc_CustomerId), 'email-only' (answers carry Email only), 'mobile-formats' (answers carry
   * only the Mobile, a North American number, each of the four stored forms in turn: phone-forms.ts),
   * 'partial-ids' (an ordinary customer some of whose answers lack cc_CustomerId). Customers without a trait have
   * cc_CustomerId on every answer. The fixtures other than 'mobile-formats' keep their mobile canonical ("+digits").
   */
  traits?: string[];
}

export interface World {
  seed: number;
  profile: Profile;
  /** Start day (UTC midnight) the dates are laid out relative to. */
  startDay: Date;
  settings: EmuSettings;
  questionnaires: Questionnaire[];
  /** All questions of all questionnaires (each has setName = questionnaire name). */
  questions: Question[];
  teams: EmuTeam[];
  agents: EmuAgent[];
  supervisors: EmuSupervisor[];
  customers: EmuCustomer[];
  /**
   * All answers, in a compact store (the large profile holds 1M): materialise with `answers.get(id)`,
   * walk with `answers.newestFirst()`, append with `addAnswer(world, answer)` (store.ts) so indexes stay right.
   */
  answers: AnswerStore;
}
