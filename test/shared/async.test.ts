import { expect } from '@open-wc/testing';
import { backoffDelay, raceAbort, sleep } from '../../shared/async.js';

describe('backoff', () => {
  it('doubles per attempt with equal jitter, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 100, 1000, () => 0))).to.deep.equal([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 100, 1000, () => 1))).to.deep.equal([100, 200, 400, 800]);
    expect(backoffDelay(10, 100, 1000, () => 1)).to.equal(1000);
  });

  it('sleep rejects with AbortError when aborted, before or during', async () => {
    const ac = new AbortController();
    ac.abort();
    const e1 = await sleep(10, ac.signal).then(() => null, (e: Error) => e);
    expect(e1?.name).to.equal('AbortError');
    const ac2 = new AbortController();
    const p = sleep(10_000, ac2.signal);
    ac2.abort();
    const e2 = await p.then(() => null, (e: Error) => e);
    expect(e2?.name).to.equal('AbortError');
  });

  it('raceAbort lets one waiter leave while the promise goes on', async () => {
    let resolve!: (v: string) => void;
    const shared = new Promise<string>((r) => (resolve = r));
    const ac = new AbortController();
    const leaving = raceAbort(shared, ac.signal);
    const staying = raceAbort(shared, new AbortController().signal);
    ac.abort();
    resolve('done');
    expect(await leaving.then(() => 'resolved', (e: Error) => e.name)).to.equal('AbortError');
    expect(await staying).to.equal('done');
  });
});
