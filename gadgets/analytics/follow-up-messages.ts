/** Strings of the analytics follow-up list (the note form's own are in shared/i18n/note-messages.ts). */
import { defineMessages } from '../../shared/i18n/catalogue.js';

const en = {
  'followUp.title': 'Follow up',
  'followUp.count': '{n, plural, =0 {No detractors without follow-up} one {# detractor without follow-up} other {# detractors without follow-up}}',
  'followUp.countCapped': 'At least {n} detractors without follow-up (the newest {max} detractors were checked)',
  'followUp.agent': 'Agent: {name}',
  'followUp.noComment': 'No comment',
  'followUp.loading': 'Looking for detractors without a note…',
} satisfies Record<string, string>;

export type FollowUpKey = keyof typeof en;

export const followUpMsg = defineMessages<FollowUpKey>('followUp', en);
