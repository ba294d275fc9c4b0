/**
 * Forced colours (Windows high contrast): the score chip's class shape and the NPS bar's three shares stay visible
 * and distinct when the system replaces every background with Canvas (Chromium's emulation, via CDP).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CxScoreChip } from '../../shared/ui/score-chip.js';
import type { NpsBreakdown } from '../../gadgets/analytics/nps-breakdown.js';
import '../../shared/ui/score-chip.js';
import '../../gadgets/analytics/nps-breakdown.js';
import { npsSummary } from '../fakes/answers.js';

const forcedColors = (active: boolean) => executeServerCommand('emulate-forced-colors', { active });

/** A system colour resolved to rgb() by the browser. */
function system(name: string): string {
  const s = document.createElement('span');
  s.style.color = name;
  document.body.append(s);
  const c = getComputedStyle(s).color;
  s.remove();
  return c;
}

const bg = (el: Element) => getComputedStyle(el).backgroundColor;
const paint = (el: Element) => {
  const s = getComputedStyle(el);
  return s.backgroundImage !== 'none' ? s.backgroundImage : s.backgroundColor;
};

describe('forced colours', function () {
  this.timeout(60_000);
  afterEach(() => forcedColors(false));

  it('the emulation is on (the media query matches)', async () => {
    await forcedColors(true);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    await forcedColors(false);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
  });

  it('keeps a score chip\'s class shape painted in the text colour, with a border, and passes axe', async () => {
    await forcedColors(true);
    const chip = await fixture<CxScoreChip>(html`<cx-score-chip metric="nps" .value=${3} klass="bad"></cx-score-chip>`);
    const shape = chip.shadowRoot!.querySelector('[part="shape"]')!;
    const box = chip.shadowRoot!.querySelector('[part="chip"]')!;
    expect(bg(shape)).to.equal(system('CanvasText'));
    expect(bg(shape)).to.not.equal(bg(box));
    expect(getComputedStyle(box).borderTopColor).to.equal(system('CanvasText'));
    await expect(chip).to.be.accessible();
  });

  it('draws the NPS bar\'s promoter, passive and detractor shares in three different, visible paints', async () => {
    await forcedColors(true);
    const el = await fixture<NpsBreakdown>(html`<cx-nps-breakdown .nps=${npsSummary(5, 3, 2).nps}></cx-nps-breakdown>`);
    const parts = [...el.shadowRoot!.querySelectorAll('.bar > span')];
    expect(parts).to.have.length(3);
    const paints = parts.map(paint);
    expect(new Set(paints).size, paints.join(' | ')).to.equal(3);
    for (const p of paints) expect(p).to.not.equal(system('Canvas'));
    // The legend dots match the bar.
    expect([...el.shadowRoot!.querySelectorAll('.dot')].map(paint)).to.deep.equal(paints);
    await expect(el).to.be.accessible();
  });
});
