/**
 * <cx-follow-up-list> against the emulator: a team's detractors without a note in the period, the count, adding a
 * note by mouse and by keyboard (the count drops, the response leaves the list), and a refused write.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createTokenClient } from '../../shared/token/token-client.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import { contextIds } from '../../shared/wxm/tag-map.js';
import type { FilterBy } from '../../shared/wxm/types.js';
import type { FollowUpList } from '../../gadgets/analytics/follow-up-list.js';
import type { NoteForm } from '../../gadgets/journey/note-form.js';
import '../../gadgets/analytics/follow-up-list.js';
import { testEnv } from '../helpers/env.js';
import { basic, control, until, world } from '../shared/live.js';
import { editorShown, writeNoteByMouse } from './note-ui.js';

async function setup() {
  const env = await testEnv();
  const tokens = createTokenClient({ authHeader: () => basic('1001') });
  const wxm = createWxmClient({ baseUrl: env.wxmUrl, tokens, timeoutMs: 8000 });
  // The team with the most detractors in the last 90 days, as a supervisor's view would ask for it.
  const map = await wxm.tagMap();
  const teamIds = contextIds(map, 'cc_TeamId');
  const afterdate = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const npsId = map.nps[0]!.id;
  const teams = (await world()).teams;
  let best: { filter: FilterBy; team: string; n: number } | undefined;
  for (const t of teams) {
    const filter: FilterBy = {
      afterdate,
      filterquestions: teamIds.map((questionId) => ({ questionId, answerCheck: [t.id], ...(teamIds.length > 1 ? { groupBy: 'OR' as const } : {}) })),
    };
    const n = await wxm.count({ ...filter, filterquestions: [...filter.filterquestions!, { questionId: npsId, answerCheck: ['lt'], number: 7 }] });
    if (!best || n > best.n) best = { filter, team: t.id, n };
  }
  expect(best!.n, 'the seeded world has detractors').to.be.at.least(3);
  const view = { scope: { tag: 'cc_TeamId' as const, value: best!.team }, range: { start: new Date(afterdate), end: new Date() } };
  return { wxm, tokens, view };
}

async function mount(wxm: Awaited<ReturnType<typeof setup>>['wxm'], view: Awaited<ReturnType<typeof setup>>['view']) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const list = document.createElement('cx-follow-up-list');
  list.wxm = wxm;
  list.scope = view.scope;
  list.range = view.range;
  list.agentNames = new Map((await world()).agents.map((a) => [a.skillTargetId, `${a.firstName} ${a.lastName}`]));
  host.append(list);
  await until(() => !!list.shadowRoot?.querySelector('[part="count"]'), 15_000, 'follow-up list loaded');
  return list;
}

const count = (l: FollowUpList) => l.shadowRoot!.querySelector('[part="count"]')!.textContent!;
const items = (l: FollowUpList) => [...l.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
const countNumber = (l: FollowUpList) => Number(/(\d+) detractors? without follow-up/.exec(count(l))?.[1]);
const formOf = (item: HTMLElement) => item.querySelector<NoteForm>('cx-note-form')!;

describe('<cx-follow-up-list> against the emulator', function () {
  this.timeout(90_000);
  let tokens: { dispose(): void } | undefined;
  afterEach(async () => {
    await control('notes', { writes: 'allowed', stallAfterApplyMs: 0 });
    tokens?.dispose();
  });

  it('lists the detractors without a note, newest first, with a count, score, agent and comment as text', async () => {
    const s = await setup();
    tokens = s.tokens;
    const list = await mount(s.wxm, s.view);
    const n = countNumber(list);
    expect(n).to.be.at.least(1);
    expect(items(list)).to.have.length(n);
    const times = items(list).map((i) => Date.parse(i.querySelector('time')!.getAttribute('datetime')!));
    expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
    for (const i of items(list)) {
      const chip = i.querySelector('cx-score-chip')!;
      expect(chip.value).to.be.below(7);
      expect(chip.klass).to.equal('bad');
    }
    // Agents by name where the roster knows them; comments as text only.
    const names = new Set((await world()).agents.map((a) => `Agent: ${a.firstName} ${a.lastName}`));
    const agents = items(list).map((i) => i.querySelector('.meta')?.textContent ?? '');
    expect(agents.some((a) => names.has(a)), agents.slice(0, 3).join(' | ')).to.equal(true);
    for (const t of list.shadowRoot!.querySelectorAll('cx-clamped-text')) expect(t.shadowRoot!.querySelector('[part="text"] *')).to.equal(null);
    // No answer in the list has a note in WxM.
    for (const i of items(list).slice(0, 5)) expect((await s.wxm.answer(i.dataset.answer!))!.notes ?? []).to.deep.equal([]);
    await expect(list).to.be.accessible();
  });

  it('adding a note by mouse, then by keyboard, takes the response off the list and the count drops', async () => {
    const s = await setup();
    tokens = s.tokens;
    const list = await mount(s.wxm, s.view);
    const n = countNumber(list);
    expect(n).to.be.at.least(2);
    // Mouse.
    const first = items(list)[0]!;
    const firstId = first.dataset.answer!;
    const form = formOf(first);
    await writeNoteByMouse(form, 'Called the customer back');
    await until(() => countNumber(list) === n - 1, 10_000, 'count dropped to n-1');
    expect(items(list).map((i) => i.dataset.answer)).to.not.include(firstId);
    expect((await s.wxm.answer(firstId))!.notes!.map((x) => x.note)).to.deep.equal(['Called the customer back']);
    // Keyboard.
    const second = items(list)[0]!;
    const secondId = second.dataset.answer!;
    const form2 = formOf(second);
    form2.shadowRoot!.querySelector<HTMLButtonElement>('[part="add"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await editorShown(form2);
    await sendKeys({ type: 'Refund issued' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => countNumber(list) === n - 2, 10_000, 'count dropped to n-2');
    expect(items(list).map((i) => i.dataset.answer)).to.not.include(secondId);
    // A fresh list (a reload) agrees: both are followed up.
    const again = await mount(s.wxm, s.view);
    expect(countNumber(again)).to.equal(n - 2);
  });

  it('after a refused note the list stays, says why in one line, and offers no "Add note"', async () => {
    const s = await setup();
    tokens = s.tokens;
    const list = await mount(s.wxm, s.view);
    const n = countNumber(list);
    await control('notes', { writes: 'refused' });
    const form = formOf(items(list)[0]!);
    await writeNoteByMouse(form, 'x');
    await until(() => !!list.shadowRoot!.querySelector('[part="refused"]'), 10_000, 'refusal line');
    expect(list.shadowRoot!.querySelector('[part="refused"]')!.textContent).to.match(/does not let this sign-in add notes/);
    expect(countNumber(list)).to.equal(n);
    await Promise.all(items(list).map((i) => formOf(i).updateComplete));
    expect(items(list).filter((i) => formOf(i).shadowRoot!.querySelector('[part="add"]'))).to.have.length(0);
  });
});
