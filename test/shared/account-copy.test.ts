/** Stale-while-revalidate of the account's settings and questions (shared/wxm/account-copy.ts), on a counting fetch. */
import { expect } from '@open-wc/testing';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import { copyKey } from '../../shared/wxm/account-copy.js';
import { fakeFetch, json } from '../fakes/fetch.js';
import { fakeTokens } from '../fakes/tokens.js';

const BASE = 'https://wxm.example';
const ORIGIN = 'https://finesse-a.example:8445';
const question = (id: string, tags: string[]) => ({ id, text: id, displayType: 'Scale', multiSelect: ['0;No-10;Yes'], questionTags: tags, setName: 'Voice' });

/** A WxM that answers settings and questions after `hold` resolves (so the test sees what goes first). */
function wxm(questions: unknown[], settings: unknown = { timeZoneOffset: 60, npsRange: '7,8' }) {
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const f = fakeFetch(async (call) => {
    const path = new URL(call.url).pathname;
    if (path === '/api/settings') return hold.then(() => json({ ...(settings as object), integrations: { smtp: { password: 'secret' } } }));
    if (path === '/api/Questions/Active') return hold.then(() => json(questions));
    return json({ responses: [], totalCount: 0, totalPages: 0, currentPage: 1 });
  });
  const client = createWxmClient({ baseUrl: BASE, tokens: fakeTokens().tokens, fetch: f.fetch, finesseOrigin: ORIGIN, retryLimit: 0 });
  return { client, calls: f.calls, release };
}
const paths = (calls: { url: string }[]) => calls.map((c) => new URL(c.url).pathname);

describe('account copy (stale-while-revalidate)', () => {
  beforeEach(() => localStorage.clear());
  after(() => localStorage.clear());

  it('a cold load stores settings and questions, never a token nor other settings', async () => {
    const cold = wxm([question('q1', ['NPS'])]);
    cold.release();
    await Promise.all([cold.client.settings(), cold.client.tagMap()]);
    const stored = localStorage.getItem(copyKey(ORIGIN, BASE))!;
    expect(JSON.parse(stored).settings).to.deep.equal({ timeZoneOffset: 60, npsRange: '7,8' });
    expect(stored).not.to.contain('secret');
    expect(stored).not.to.match(/token|Bearer/i);
  });

  it('a warm load answers from the copy before WxM answered, and redoes nothing when WxM agrees', async () => {
    const first = wxm([question('q1', ['NPS'])]);
    first.release();
    await Promise.all([first.client.settings(), first.client.tagMap()]);
    const warm = wxm([question('q1', ['NPS'])]);
    let stale = 0;
    warm.client.onStale!(() => stale++);
    const [settings, map] = await Promise.all([warm.client.settings(), warm.client.tagMap()]); // WxM still holds them
    expect(settings.timeZoneOffset).to.equal(60);
    expect(map.nps.map((q) => q.id)).to.deep.equal(['q1']);
    await warm.client.answersPage({}, 1, 10);
    expect(paths(warm.calls).indexOf('/api/answers/page/0/10')).to.be.greaterThan(-1);
    warm.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(stale).to.equal(0);
    expect(await warm.client.tagMap()).to.equal(map);
    expect(paths(warm.calls).filter((p) => p === '/api/Questions/Active')).to.have.length(1);
  });

  it('a stale copy is replaced and the listeners redo their work with the fresh questions', async () => {
    const first = wxm([question('q1', ['NPS'])]);
    first.release();
    await Promise.all([first.client.settings(), first.client.tagMap()]);
    const warm = wxm([question('q2', ['NPS'])], { timeZoneOffset: -300 });
    const redone: string[][] = [];
    warm.client.onStale!(() => void warm.client.tagMap().then((m) => redone.push(m.nps.map((q) => q.id))));
    expect((await warm.client.tagMap()).nps.map((q) => q.id)).to.deep.equal(['q1']);
    warm.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(redone).to.deep.equal([['q2']]);
    expect((await warm.client.settings()).timeZoneOffset).to.equal(-300);
    expect(JSON.parse(localStorage.getItem(copyKey(ORIGIN, BASE))!).questions[0].id).to.equal('q2');
  });

  it('a failed check after a warm start drops the copy: the redo meets the failure as without a copy', async () => {
    const first = wxm([question('q1', ['NPS'])]);
    first.release();
    await Promise.all([first.client.settings(), first.client.tagMap()]);
    const f = fakeFetch(() => json({ message: 'down' }, 503));
    const warm = createWxmClient({ baseUrl: BASE, tokens: fakeTokens().tokens, fetch: f.fetch, finesseOrigin: ORIGIN, retryLimit: 0 });
    let redo: Promise<unknown> | undefined;
    // The redo's failure is taken as it happens (as the view's task would), not left unhandled meanwhile.
    warm.onStale!(() => (redo = warm.tagMap().catch((e: unknown) => e)));
    await warm.tagMap();
    await new Promise((r) => setTimeout(r, 20));
    const error = await redo;
    expect((error as { code?: string }).code).to.equal('wxm-server');
  });

  it('corrupt or foreign-shaped entries are ignored and removed', async () => {
    for (const bad of ['{not json', '{"settings":{},"questions":[{"nope":1}]}', '[1,2]', '{"questions":[]}']) {
      const key = copyKey(ORIGIN, BASE);
      localStorage.setItem(key, bad);
      const c = wxm([question('q1', ['NPS'])]);
      const map = c.client.tagMap();
      expect(paths(c.calls).filter((p) => p === '/api/Questions/Active'), bad).to.have.length(0); // not yet: token first
      c.release();
      expect((await map).nps.map((q) => q.id), bad).to.deep.equal(['q1']);
      expect(paths(c.calls), bad).to.contain('/api/Questions/Active');
      localStorage.clear();
    }
  });

  it('copies are kept apart by Finesse origin and WxM address', async () => {
    const first = wxm([question('q1', ['NPS'])]);
    first.release();
    await Promise.all([first.client.settings(), first.client.tagMap()]);
    expect(copyKey(ORIGIN, BASE)).not.to.equal(copyKey('https://finesse-b.example:8445', BASE));
    expect(copyKey(ORIGIN, BASE)).not.to.equal(copyKey(ORIGIN, 'https://wxm-eu.example'));
    const f = fakeFetch(() => json([question('q9', ['NPS'])]));
    const other = createWxmClient({ baseUrl: BASE, tokens: fakeTokens().tokens, fetch: f.fetch, finesseOrigin: 'https://finesse-b.example:8445' });
    expect((await other.tagMap()).nps.map((q) => q.id)).to.deep.equal(['q9']);
  });
});
