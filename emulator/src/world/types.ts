/**
 * The emulated world: who works in the contact centre, who calls, and what they answered.
 * Built deterministically by seed.ts from (seed, profile, start day). Shared by the WxM and Finesse halves.
 */
import type { Answer, Question, Questionnaire, WxmSettings } from '../../../shared/wxm/types.js';

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
  /** Number of answers seeded for this customer (0..60). */
  surveyCount: number;
  language: string;
}

export interface World {
  seed: number;
  profile: Profile;
  /** Start day (UTC midnight) the dates are laid out relative to. */
  startDay: Date;
  settings: WxmSettings;
  questionnaires: Questionnaire[];
  /** All questions of all questionnaires (each has setName = questionnaire name). */
  questions: Question[];
  teams: EmuTeam[];
  agents: EmuAgent[];
  supervisors: EmuSupervisor[];
  customers: EmuCustomer[];
  /** All answers, sorted newest first. Mutable: the survey path (CVP emulation) appends. */
  answers: Answer[];
}
