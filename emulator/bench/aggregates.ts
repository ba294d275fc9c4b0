/**
 * `npx tsx emulator/bench/aggregates.ts [runs]` — how fast the emulated WxM answers the analytics team view's
 * aggregates on the large profile (1M answers): /api/summary and per-questionnaire /api/answers/compare
 * (cc_AgentId × NPS) for one 50-agent team over 90 days, over HTTP on loopback, no added latency.
 * Prints median and max per request, the response size, and the raw-answers count the aggregates replace.
 */
import type { FilterBy, Question } from '../../shared/wxm/types.js';
import { startWxm } from '../src/wxm/testing.js';

const runs = Number(process.argv[2] ?? 7);
const t0 = performance.now();
const wxm = await startWxm({ profile: 'large' });
console.log(`large world built in ${Math.round(performance.now() - t0)} ms (${wxm.ctx.world.answers.size} answers)`);
const token = await wxm.login();
const questions = (await (await wxm.call('GET', '/api/Questions/Active', { token })).json()) as Question[];
const world = wxm.ctx.world;
const team = world.teams[0]!;
const newest = world.answers.timeOf(world.answers.seeded.n - 1);
const period: FilterBy = { afterdate: new Date(newest - 90 * 86_400_000).toISOString(), beforedate: new Date(newest).toISOString() };
const teamFilter: FilterBy = {
  ...period,
  filterquestions: questions.filter((q) => q.questionTags.includes('cc_TeamId')).map((q) => ({ questionId: q.id, answerCheck: [team.id], groupBy: 'OR' as const })),
};

async function measure(label: string, path: string, body: FilterBy): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    const res = await wxm.call('POST', path, { token, body });
    const text = await res.text();
    times.push(performance.now() - start);
    bytes = text.length;
    if (res.status !== 200) throw new Error(`${label}: ${res.status}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${times[runs >> 1]!.toFixed(0).padStart(5)} ms  max ${times.at(-1)!.toFixed(0).padStart(5)} ms  ${(bytes / 1024).toFixed(1).padStart(7)} kB`);
}

const count = Number(await (await wxm.call('POST', '/api/answers/count', { token, body: teamFilter })).text());
console.log(`team ${team.id} (${world.agents.filter((a) => a.teamId === team.id).length} agents), 90 days: ${count} answers; ${runs} runs each`);
await measure('POST /api/answers/count (team, 90 d)', '/api/answers/count', teamFilter);
await measure('POST /api/summary (team, 90 d)', '/api/summary', teamFilter);
await measure('POST /api/summary (all teams, 90 d)', '/api/summary', period);
for (const location of world.questionnaires.map((q) => q.name)) {
  const agentQ = questions.find((q) => q.setName === location && q.questionTags.includes('cc_AgentId'))!;
  const npsQ = questions.find((q) => q.setName === location && q.questionTags.includes('NPS'))!;
  await measure(`POST compare agent×NPS (${location.slice(0, 16)})`, `/api/answers/compare/${agentQ.id}/${npsQ.id}`, { ...teamFilter, location: [location] });
}
await wxm.close();
