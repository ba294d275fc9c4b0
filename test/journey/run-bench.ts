// Runs the journey benchmark under test/journey/bench.wtr.config.mjs and prints its figures (no assertions on time).
import run from '../bench/journey.bench.js';
import { testEnv } from '../helpers/env.js';

describe('journey benchmark (figures in the console)', function () {
  this.timeout(180_000);
  it('runs', async () => {
    const figures = await run(await testEnv());
    console.log(`JOURNEY-BENCH ${JSON.stringify(figures)}`);
  });
});
