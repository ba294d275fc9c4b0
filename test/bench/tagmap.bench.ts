/**
 * Tag-map build time from large synthetic question sets (a tenant with many questionnaires), plus the scale
 * index and the run-time validation of answers that depends on it (the per-page cost of the WxM client).
 */
import { buildTagMap, scaleIndex } from '../../shared/wxm/tag-map.js';
import { validateAnswers, validateQuestions } from '../../shared/wxm/validate.js';
import type { Answer, Question } from '../../shared/wxm/types.js';

/** Pure computation: the small profile starts fastest. */
export const emulatorArgs = ['--port', '0', '--wxm-port', '0', '--profile', 'small', '--seed', '42'];

const TAGS: string[][] = [
  ['NPS'],
  ['CSAT', 'csat_satisfaction_5'],
  ['CES', 'ces_effort_7'],
  ['Comments'],
  ['cc_AgentId'],
  ['cc_TeamId'],
  ['cc_CustomerId'],
  ['Mobile'],
  ['Email'],
  ['reason'],
];

function questions(n: number): Question[] {
  const out: Question[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % TAGS.length;
    const scale = kind === 0 ? ['0;Not likely-10;Very likely'] : kind === 1 ? ['1;Bad-5;Good'] : kind === 2 ? ['1;Hard-7;Easy'] : null;
    out.push({
      id: i.toString(16).padStart(24, '0'),
      text: `Question ${i}`,
      displayType: scale ? 'Scale' : 'Text',
      multiSelect: scale,
      questionTags: TAGS[kind]!,
      apiFill: kind >= 4 && kind <= 6,
      isRetired: i % 17 === 0,
      setName: `Questionnaire ${Math.floor(i / 20)}`,
      sequence: i % 20,
      piiSettings: kind === 7 ? { isPII: true, piiType: 'Phone' } : null,
    });
  }
  return out;
}

function time(fn: () => void, repeat: number): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const s = performance.now();
    fn();
    samples.push(performance.now() - s);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

export default async function run(): Promise<Record<string, number | string>> {
  const q1k = questions(1_000);
  const q20k = questions(20_000);
  const raw20k = JSON.parse(JSON.stringify(q20k)) as unknown;
  const map20k = buildTagMap(q20k);

  const answers: Answer[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `a${i}`,
    user: 'u',
    locationId: 'Questionnaire 0',
    responseDateTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    responseDuration: 60,
    surveyClient: 'voice',
    responses: [0, 1, 2, 3, 4].map((k) => ({
      questionId: k.toString(16).padStart(24, '0'),
      questionText: '',
      textInput: k === 3 ? 'Some comment text' : k === 4 ? '5001' : null,
      numberInput: k === 0 ? i % 11 : k === 1 ? 1 + (i % 5) : k === 2 ? 1 + (i % 7) : null,
    })),
    archived: false,
    notes: null,
    openTicket: null,
    deviceId: null,
  }));
  const rawAnswers = JSON.parse(JSON.stringify(answers)) as unknown;
  const scales = scaleIndex(map20k);

  return {
    'tag map build, 1,000 questions (ms)': Number(time(() => buildTagMap(q1k), 50).toFixed(3)),
    'tag map build, 20,000 questions (ms)': Number(time(() => buildTagMap(q20k), 10).toFixed(2)),
    'tag map build, 20,000 questions, 5 questionnaires selected (ms)': Number(
      time(() => buildTagMap(q20k, ['Questionnaire 1', 'Questionnaire 2', 'Questionnaire 3', 'Questionnaire 4', 'Questionnaire 5']), 10).toFixed(2),
    ),
    'question validation, 20,000 questions (ms)': Number(time(() => validateQuestions(raw20k), 10).toFixed(2)),
    'scale index, 20,000 questions (ms)': Number(time(() => scaleIndex(map20k), 10).toFixed(2)),
    'answer validation, 10,000 answers × 5 responses (ms)': Number(time(() => validateAnswers(rawAnswers, scales), 10).toFixed(2)),
  };
}
