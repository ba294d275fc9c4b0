import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../shared/i18n/catalogue.js';
import type { CxScoreChip } from '../../shared/ui/score-chip.js';
import '../../shared/ui/score-chip.js';
import '../helpers/german.js';

const chip = (el: CxScoreChip) => el.shadowRoot!.querySelector<HTMLElement>('[part="chip"]')!;
const shapeOf = (el: CxScoreChip) => getComputedStyle(el.shadowRoot!.querySelector('[part="shape"]')!).clipPath;

describe('<cx-score-chip>', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  afterEach(() => setLocale('en'));

  it('names metric, value, scale and class for screen readers', async () => {
    const el = await fixture<CxScoreChip>(html`<cx-score-chip metric="nps" .value=${9} .scaleMax=${10} klass="good"></cx-score-chip>`);
    expect(chip(el).getAttribute('aria-label')).to.equal('NPS 9 of 10, promoter');
    // Visible: the metric's name and the number (several chips sit side by side).
    expect(chip(el).querySelector('[part=metric]')!.textContent).to.equal('NPS');
    expect(chip(el).querySelector('[part=value]')!.textContent).to.equal('9');
    await expect(el).to.be.accessible();
  });

  it('shows the class by shape as well as colour (not colour alone)', async () => {
    const make = (k: string) =>
      fixture<CxScoreChip>(html`<cx-score-chip metric="csat" .value=${3} .scaleMax=${5} klass=${k}></cx-score-chip>`);
    const [good, neutral, bad] = await Promise.all([make('good'), make('neutral'), make('bad')]);
    const shapes = new Set([shapeOf(good), shapeOf(neutral), shapeOf(bad)]);
    expect(shapes.size).to.equal(3);
    const colours = new Set([good, neutral, bad].map((e) => getComputedStyle(chip(e)).backgroundColor));
    expect(colours.size).to.equal(3);
    expect(chip(bad).getAttribute('aria-label')).to.equal('CSAT 3 of 5, dissatisfied');
    for (const e of [good, neutral, bad]) await expect(e).to.be.accessible();
  });

  it('says "no responses" for a missing value rather than 0', async () => {
    const el = await fixture<CxScoreChip>(html`<cx-score-chip metric="ces" .value=${null} .scaleMax=${7}></cx-score-chip>`);
    expect(chip(el).getAttribute('aria-label')).to.equal('CES, No responses');
    expect(chip(el).textContent).to.not.contain('0');
  });

  it('formats decimals in the locale and translates the class', async () => {
    setLocale('de-DE');
    const el = await fixture<CxScoreChip>(
      html`<cx-score-chip metric="ces" .value=${5.44} .scaleMax=${7} .digits=${1} klass="good"></cx-score-chip>`,
    );
    expect(chip(el).getAttribute('aria-label')).to.equal('CES 5,4 von 7, einfach');
  });
});
