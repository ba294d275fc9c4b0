/** WxM client against a scripted in-page server (fake fetch): retry, auth, abort and paging rules. */
import { expect } from '@open-wc/testing';
import { createWxmClient, type WxmClientOptions } from '../../shared/wxm/wxm-client.js';
import { AppError } from '../../shared/errors.js';
import type { Answer, Question } from '../../shared/wxm/types.js';
import type { AnswerBatch } from '../../shared/wxm/api.js';
import { fakeFetch, json, type FetchCall } from '../fakes/fetch.js';
import { spyConsole } from '../fakes/console.js';
import { fakeTokens } from '../fakes/tokens.js';

const BASE = 'https://wxm.example.com/tenant';
const NPS_ID = 'a'.repeat(24);

const questions: Question[] = [
  { id: NPS_ID, text: 'NPS', displayType: 'Scale', multiSelect: ['0;No-10;Yes'], questionTags: ['NPS'], apiFill: false, isRetired: false, setName: 'PostCall', sequence: 1 },
];

const makeAnswer = (i: number, nps = i % 11): Answer => ({
  id: `ans-${i}`,
  user: 'u',
  locationId: 'PostCall',
  responseDateTime: new Date(Date.UTC(2026, 10, 1) - i * 3_600_000).toISOString(),
  responseDuration: 30,
  surveyClient: 'voice',
  responses: [{ questionId: NPS_ID, questionText: 'NPS', textInput: null, numberInput: nps }],
  archived: false,
  notes: null,
  openTicket: null,
  deviceId: null,
});

/** A paged answers endpoint over `total` answers (1-based pages, 0 treated as 1, like the spec allows). */
function answersServer(total: number, opts: { malformedEvery?: number; delayMs?: number } = {}) {
  let inFlight = 0;
  const stats = { maxInFlight: 0, pages: [] as number[] };
  const handler = async (c: FetchCall): Promise<Response> => {
    const path = new URL(c.url).pathname.replace('/tenant/', '');
    if (path === 'api/Questions/Active') return json(questions);
    const m = /^api\/answers\/page\/(\d+)\/(\d+)$/.exec(path);
    if (!m) return json({ message: 'not found' }, 404);
    const page = Math.max(1, Number(m[1]));
    const rows = Number(m[2]);
    stats.pages.push(page);
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, opts.delayMs ?? 5));
    inFlight--;
    const list: unknown[] = [];
    for (let i = (page - 1) * rows; i < Math.min(total, page * rows); i++) {
      list.push(opts.malformedEvery && i % opts.malformedEvery === 0 ? { id: `bad-${i}` } : makeAnswer(i));
    }
    return json({ currentPage: page, totalCount: total, totalPages: Math.ceil(total / rows), responses: list });
  };
  return { handler, stats };
}

function client(handler: (c: FetchCall, i: number) => Response | Promise<Response>, extra: Partial<WxmClientOptions> = {}) {
  const net = fakeFetch(handler);
  const { tokens, stats } = fakeTokens();
  const wxm = createWxmClient({ baseUrl: `${BASE}/`, tokens, timeoutMs: 2000, fetch: net.fetch, backoffMs: 5, random: () => 0.5, ...extra });
  return { wxm, net, stats };
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

const settingsBody = { timeZoneOffset: 60, npsRange: '7,8', locationList: ['PostCall'] };

describe('WxM client (scripted server)', () => {
  it('sends the bearer token to the configured base URL', async () => {
    const { wxm, net } = client(() => json(settingsBody));
    expect(await wxm.settings()).to.deep.include({ timeZoneOffset: 60, npsRange: '7,8' });
    expect(net.calls[0]!.url).to.equal(`${BASE}/api/settings`);
    expect(net.calls[0]!.headers.get('authorization')).to.equal('Bearer T1-SECRETTOKEN');
  });

  it('keeps only the settings fields a gadget uses: never the account secrets of the body', async () => {
    const body = { ...settingsBody, locationList: [{ name: 'PostCall' }], smtp: { password: 'HUNTER2' }, apiKeys: ['K-SECRET'] };
    const { wxm } = client(() => json(body));
    const s = await wxm.settings();
    expect(s).to.deep.equal({ timeZoneOffset: 60, npsRange: '7,8' });
    expect(JSON.stringify(s)).to.not.include('HUNTER2').and.not.include('K-SECRET');
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const { wxm, net, stats } = client((_c, i) => (i === 0 ? json({ message: 'denied' }, 401) : json(settingsBody)));
    await wxm.settings();
    expect(stats.refresh).to.equal(1);
    expect(stats.rejected).to.deep.equal(['T1-SECRETTOKEN']);
    expect(net.calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer T1-SECRETTOKEN', 'Bearer T2-SECRETTOKEN']);
  });

  it('gives up with wxm-auth on a second 401, without looping', async () => {
    const { wxm, net, stats } = client(() => json({ message: 'denied' }, 401));
    const err = (await rejection(wxm.settings())) as AppError;
    expect(err.code).to.equal('wxm-auth');
    expect(err.hop).to.equal('wxm');
    expect(net.calls).to.have.length(2);
    expect(stats.refresh).to.equal(1);
    expect(err.message + err.detail).to.not.include('SECRETTOKEN');
  });

  it('waits for Retry-After (seconds) on 429, then succeeds', async () => {
    const { wxm, net } = client((_c, i) => (i === 0 ? json({ message: 'slow down' }, 429, { 'Retry-After': '1' }) : json(settingsBody)));
    await wxm.settings();
    expect(net.calls).to.have.length(2);
    expect(net.calls[1]!.at - net.calls[0]!.at).to.be.at.least(950);
  });

  it('understands Retry-After as an HTTP date', async () => {
    const { wxm, net } = client((_c, i) =>
      i === 0 ? json({}, 429, { 'Retry-After': new Date(Date.now() + 2000).toUTCString() }) : json(settingsBody),
    );
    await wxm.settings();
    // an HTTP date has whole seconds: the wait is between 1 and 2 s
    expect(net.calls[1]!.at - net.calls[0]!.at).to.be.at.least(900);
  });

  it('caps an excessive Retry-After', async () => {
    const { wxm, net } = client((_c, i) => (i === 0 ? json({}, 429, { 'Retry-After': '3600' }) : json(settingsBody)), { maxRetryAfterMs: 100 });
    await wxm.settings();
    expect(net.calls[1]!.at - net.calls[0]!.at).to.be.below(3_600_000);
    expect(net.calls).to.have.length(2);
  });

  it('reports wxm-rate-limited when 429 outlasts the retries', async () => {
    const { wxm, net } = client(() => json({}, 429), { retryLimit: 2 });
    const err = (await rejection(wxm.settings())) as AppError;
    expect(err.code).to.equal('wxm-rate-limited');
    expect(net.calls).to.have.length(3);
  });

  it('backs off on 5xx (growing delays) and reports wxm-server', async () => {
    const { wxm, net } = client(() => json({}, 503), { retryLimit: 3, backoffMs: 40 });
    const err = (await rejection(wxm.count({}))) as AppError;
    expect(err.code).to.equal('wxm-server');
    expect(err.status).to.equal(503);
    expect(net.calls).to.have.length(4);
    const gaps = net.calls.slice(1).map((c, i) => c.at - net.calls[i]!.at);
    // delays 40·2^(k−1) with equal jitter at 0.5 → 30, 60, 120 ms (timers only ever fire late)
    gaps.forEach((g, i) => expect(g).to.be.at.least(40 * 2 ** i * 0.75 - 2));
  });

  it('retries POST reads on 500 and then succeeds', async () => {
    const { wxm, net } = client((_c, i) => (i < 2 ? json({}, 500) : json(17)));
    expect(await wxm.count({})).to.equal(17);
    expect(net.calls).to.have.length(3);
    expect(net.calls.every((c) => c.method === 'POST')).to.equal(true);
  });

  it('reports an unreachable WxM as a network error', async () => {
    const { wxm } = client(() => Promise.reject(new TypeError('Failed to fetch')), { retryLimit: 1 });
    const err = (await rejection(wxm.settings())) as AppError;
    expect(err.code).to.equal('network');
    expect(err.hop).to.equal('wxm');
  });

  it('turns a request that hangs into a timeout error', async () => {
    const hang = (c: FetchCall) => new Promise<Response>(() => void c);
    const { wxm } = client(hang, { timeoutMs: 60 });
    const err = (await rejection(wxm.settings())) as AppError;
    expect(err).to.be.instanceOf(AppError);
    expect(err.code).to.equal('timeout');
    expect(err.hop).to.equal('wxm');
  });

  it('rejects with AbortError when the caller aborts mid-request', async () => {
    const net = fakeFetch(() => new Promise<Response>(() => undefined));
    const { tokens } = fakeTokens();
    // a fetch that honours the signal, like the browser's
    const abortable: typeof fetch = (input, init) =>
      new Promise((_resolve, reject) => {
        const req = input as Request;
        void net.fetch(input, init);
        req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const wxm = createWxmClient({ baseUrl: BASE, tokens, timeoutMs: 5000, fetch: abortable });
    const ac = new AbortController();
    const p = wxm.settings(ac.signal);
    setTimeout(() => ac.abort(), 20);
    const err = await rejection(p);
    expect(err.name).to.equal('AbortError');
    expect(err).to.not.be.instanceOf(AppError);
  });

  it('aborts while waiting out a Retry-After', async () => {
    const { wxm } = client(() => json({}, 429, { 'Retry-After': '10' }));
    const ac = new AbortController();
    const started = Date.now();
    const p = wxm.settings(ac.signal);
    setTimeout(() => ac.abort(), 50);
    const err = await rejection(p);
    expect(err.name).to.equal('AbortError');
    expect(Date.now() - started).to.be.below(5000);
  });

  it('reports a body that is not JSON as wxm-bad-response', async () => {
    const { wxm } = client(() => new Response('<html>proxy login</html>', { status: 200 }));
    expect(((await rejection(wxm.settings())) as AppError).code).to.equal('wxm-bad-response');
  });

  it('answers null for an unknown answer id', async () => {
    const { wxm } = client((c) => (c.url.includes('Questions') ? json(questions) : json({ message: 'Answer not found.' }, 404)));
    expect(await wxm.answer('nope')).to.equal(null);
  });

  it('builds the tag map once per client', async () => {
    const { wxm, net } = client(() => json(questions));
    const [a, b] = await Promise.all([wxm.tagMap(), wxm.tagMap()]);
    const c = await wxm.tagMap();
    expect(a).to.equal(b);
    expect(c).to.equal(a);
    expect(net.calls).to.have.length(1);
    expect(a.nps.map((x) => x.id)).to.deep.equal([NPS_ID]);
  });

  it('limits the tag map to the configured questionnaires', async () => {
    const { wxm } = client(() => json(questions), { questionnaires: ['OtherSurvey'] });
    expect((await wxm.tagMap()).nps).to.deep.equal([]);
  });

  it('counts malformed records in a page and drops out-of-scale numbers', async () => {
    const body = { currentPage: 1, totalCount: 3, totalPages: 1, responses: [makeAnswer(1), { id: 'broken' }, makeAnswer(2, 42)] };
    const { wxm } = client((c) => (c.url.includes('Questions') ? json(questions) : json(body)));
    const page = await wxm.answersPage({}, 1, 10);
    expect(page.malformed).to.equal(1);
    expect(page.answers.map((a) => a.id)).to.deep.equal(['ans-1', 'ans-2']);
    expect(page.answers[1]!.responses).to.deep.equal([]);
    expect(page.totalCount).to.equal(3);
  });

  describe('malformed pages (the shapes the emulator\'s `malformed` fault sends)', () => {
    // The four ways a record is broken, applied in turn (emulator/src/wxm/malformed.ts), written out here.
    const breakAnswer = (a: Answer, k: number): Record<string, unknown> => {
      const r: Record<string, unknown> = { ...a };
      if (k % 4 === 0) delete r.responses;
      else if (k % 4 === 1) r.responseDateTime = 12345;
      else if (k % 4 === 2) r.responses = [{ questionId: null, textInput: 7, numberInput: 'nine' }];
      else {
        delete r.id;
        r.locationId = null;
      }
      return r;
    };
    /** 25 answers, 10 a page; pages alternate `responses: null` / every record broken, starting with `nullFirst`. */
    function brokenServer(nullFirst: boolean) {
      const total = 25;
      const pages: number[] = [];
      const handler = (c: FetchCall): Response => {
        const path = new URL(c.url).pathname.replace('/tenant/', '');
        if (path === 'api/Questions/Active') return json(questions);
        const m = /^api\/answers\/page\/(\d+)\/(\d+)$/.exec(path)!;
        const page = Math.max(1, Number(m[1]));
        const rows = Number(m[2]);
        pages.push(page);
        const own = Array.from({ length: Math.max(0, Math.min(rows, total - (page - 1) * rows)) }, (_, k) => makeAnswer((page - 1) * rows + k));
        const head = { currentPage: page, totalCount: total, totalPages: Math.ceil(total / rows) };
        const asNull = (page % 2 === 1) === nullFirst;
        return json(asNull ? { ...head, responses: null } : { ...head, responses: own.map(breakAnswer) });
      };
      return { handler, pages, total };
    }

    for (const nullFirst of [true, false]) {
      it(`streams to the end and counts every lost record (first page ${nullFirst ? 'responses: null' : 'broken records'})`, async () => {
        const server = brokenServer(nullFirst);
        const { wxm } = client(server.handler);
        const batches: AnswerBatch[] = [];
        for await (const b of wxm.streamAnswers({}, { pageSize: 10, concurrency: 2 })) batches.push(b);
        // The records broken the third way (k % 4 === 2, k = place on its page) keep id and date; their one
        // response is unreadable and dropped. Everything else on the pages is lost and must be counted.
        const onBrokenPages = (p: number) => Array.from({ length: Math.min(10, server.total - (p - 1) * 10) }, (_, k) => (p - 1) * 10 + k);
        const brokenPages = [1, 2, 3].filter((p) => (p % 2 === 1) !== nullFirst);
        const kept = brokenPages.flatMap(onBrokenPages).filter((i) => (i % 10) % 4 === 2);
        const good = batches.flatMap((b) => b.answers);
        expect(good.map((a) => a.id)).to.deep.equal(kept.map((i) => `ans-${i}`));
        expect(good.every((a) => a.responses.length === 0)).to.equal(true);
        expect(batches.reduce((n, b) => n + b.malformed, 0)).to.equal(server.total - kept.length);
        expect([...new Set(server.pages)].sort()).to.deep.equal([1, 2, 3]);
      });
    }

    it('still rejects a page that has neither a list nor a total', async () => {
      const { wxm } = client((c) => (c.url.includes('Questions') ? json(questions) : json({ currentPage: 1, responses: null })));
      expect(((await rejection(wxm.answersPage({}, 1, 10))) as AppError).code).to.equal('wxm-bad-response');
    });
  });

  it('never puts the token or the filter into error messages or the console', async () => {
    const spy = spyConsole();
    const errors: string[] = [];
    try {
      for (const status of [401, 403, 404, 429, 500]) {
        const { wxm } = client((c) => (c.url.includes('Questions') ? json(questions) : json({ echo: 'T1-SECRETTOKEN' }, status)), { retryLimit: 1 });
        const e = (await rejection(wxm.answersPage({ filterquestions: [{ questionId: 'x', answerCheck: ['+14085550100'] }] }, 1, 10))) as AppError;
        errors.push(String(e), e.detail, e.stack ?? '');
      }
    } finally {
      spy.restore();
    }
    const all = errors.join('\n') + spy.text();
    expect(all).to.not.include('SECRETTOKEN');
    expect(all).to.not.include('4085550100');
  });

  describe('page numbering (0- or 1-based server)', () => {
    /** A server over 30 answers whose first page is `first`; other page numbers below it answer `below`. */
    function pagedServer(first: 0 | 1, below: 'first' | 'empty' | 400) {
      return (c: FetchCall): Response => {
        if (c.url.includes('Questions')) return json(questions);
        const m = /page\/(\d+)\/(\d+)$/.exec(c.url)!;
        let page = Number(m[1]);
        const rows = Number(m[2]);
        if (page < first) {
          if (below === 400) return json({ message: 'invalid' }, 400);
          if (below === 'empty') return json({ currentPage: page, totalCount: 30, totalPages: 3, responses: [] });
          page = first;
        }
        const start = (page - first) * rows;
        const list = Array.from({ length: Math.max(0, Math.min(rows, 30 - start)) }, (_, k) => makeAnswer(start + k));
        return json({ currentPage: page, totalCount: 30, totalPages: 3, responses: list });
      };
    }
    for (const [first, below] of [[0, 'first'], [1, 'first'], [1, 'empty'], [1, 400]] as const) {
      it(`reads pages 1..3 in order from a ${first}-based server (page below first: ${below})`, async () => {
        const { wxm } = client(pagedServer(first, below));
        const ids: string[] = [];
        for (const p of [1, 2, 3]) ids.push(...(await wxm.answersPage({}, p, 10)).answers.map((a) => a.id));
        expect(ids).to.deep.equal(Array.from({ length: 30 }, (_, i) => `ans-${i}`));
      });
    }
  });

  describe('streamAnswers', () => {
    async function collect(gen: AsyncGenerator<AnswerBatch>) {
      const batches: AnswerBatch[] = [];
      for await (const b of gen) batches.push(b);
      return batches;
    }

    /** 30 answers in pages of 10 (1-based); `lie` decides what a request for page p (the n-th of it) holds instead. */
    function lyingServer(lie: (page: number, nth: number) => number[] | undefined) {
      const asked = new Map<number, number>();
      return (c: FetchCall): Response => {
        if (c.url.includes('Questions')) return json(questions);
        const page = Math.max(1, Number(/page\/(\d+)\//.exec(c.url)![1]));
        const nth = (asked.get(page) ?? 0) + 1;
        asked.set(page, nth);
        const rows = lie(page, nth) ?? Array.from({ length: 10 }, (_, k) => (page - 1) * 10 + k);
        return json({ currentPage: page, totalCount: 30, totalPages: 3, responses: rows.map(makeAnswer) });
      };
    }
    const all30 = Array.from({ length: 30 }, (_, i) => `ans-${i}`);

    it('never counts an answer twice when pages overlap (by answer id)', async () => {
      const { wxm } = client(lyingServer((page) => (page === 1 ? undefined : Array.from({ length: 12 }, (_, k) => (page - 1) * 10 - 2 + k))));
      const ids = (await collect(wxm.streamAnswers({}, { pageSize: 10, concurrency: 1 }))).flatMap((b) => b.answers.map((a) => a.id));
      expect(ids).to.deep.equal(all30);
    });

    it('asks once more for a page the server served as a repeat of the previous one', async () => {
      const { wxm } = client(lyingServer((page, nth) => (page === 2 && nth === 1 ? Array.from({ length: 10 }, (_, k) => k) : undefined)));
      const ids = (await collect(wxm.streamAnswers({}, { pageSize: 10, concurrency: 1 }))).flatMap((b) => b.answers.map((a) => a.id));
      expect(ids).to.deep.equal(all30);
    });

    it('yields every page in order with bounded concurrency', async () => {
      const server = answersServer(95);
      const { wxm } = client(server.handler);
      const batches = await collect(wxm.streamAnswers({}, { pageSize: 10, concurrency: 3 }));
      const ids = batches.flatMap((b) => b.answers.map((a) => a.id));
      expect(ids).to.deep.equal(Array.from({ length: 95 }, (_, i) => `ans-${i}`));
      expect(server.stats.maxInFlight).to.be.at.most(3);
      expect(server.stats.maxInFlight).to.be.greaterThan(1);
    });

    it('sends every page request through the caller’s pacer, so the stream keeps to a shared rate budget', async () => {
      const server = answersServer(95);
      const { wxm } = client(server.handler);
      let granted = 0;
      let inFlight = 0;
      let maxInFlight = 0;
      // A pacer that lets one request run at a time: the stream must wait for it, whatever its own concurrency.
      let queue = Promise.resolve();
      const pace = <T,>(request: () => Promise<T>): Promise<T> => {
        const run = queue.then(async () => {
          granted++;
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          try {
            return await request();
          } finally {
            inFlight--;
          }
        });
        queue = run.then(() => undefined, () => undefined);
        return run;
      };
      const ids = (await collect(wxm.streamAnswers({}, { pageSize: 10, concurrency: 3, pace }))).flatMap((b) => b.answers.map((a) => a.id));
      expect(ids).to.deep.equal(Array.from({ length: 95 }, (_, i) => `ans-${i}`));
      expect(granted).to.equal(server.stats.pages.length);
      expect(server.stats.maxInFlight).to.equal(1);
      expect(maxInFlight).to.equal(1);
    });

    it('stops at maxAnswers and does not fetch far beyond it', async () => {
      const server = answersServer(1000);
      const { wxm } = client(server.handler);
      const batches = await collect(wxm.streamAnswers({}, { pageSize: 10, maxAnswers: 25, concurrency: 4 }));
      expect(batches.reduce((n, b) => n + b.answers.length, 0)).to.equal(25);
      expect(Math.max(...server.stats.pages)).to.equal(3);
    });

    it('counts malformed records and still reaches the cap with good ones', async () => {
      const server = answersServer(100, { malformedEvery: 5 }); // ids 0,5,10,... are broken
      const { wxm } = client(server.handler);
      const batches = await collect(wxm.streamAnswers({}, { pageSize: 10, maxAnswers: 30, concurrency: 2 }));
      const good = batches.flatMap((b) => b.answers);
      expect(good).to.have.length(30);
      expect(good.every((a) => Number(a.id.slice(4)) % 5 !== 0)).to.equal(true);
      expect(batches.reduce((n, b) => n + b.malformed, 0)).to.be.at.least(7);
    });

    it('stops fetching when the consumer breaks out', async () => {
      const server = answersServer(500, { delayMs: 20 });
      const { wxm } = client(server.handler);
      for await (const b of wxm.streamAnswers({}, { pageSize: 10, concurrency: 2 })) {
        expect(b.answers).to.have.length(10);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(server.stats.pages.length).to.be.at.most(3);
    });

    it('rejects with AbortError when aborted', async () => {
      const server = answersServer(500, { delayMs: 20 });
      const { wxm } = client(server.handler);
      const ac = new AbortController();
      const seen: number[] = [];
      const err = await rejection(
        (async () => {
          for await (const b of wxm.streamAnswers({}, { pageSize: 10, signal: ac.signal })) {
            seen.push(b.answers.length);
            if (seen.length === 2) ac.abort();
          }
        })(),
      );
      expect(err.name).to.equal('AbortError');
      expect(seen).to.deep.equal([10, 10]);
    });

    it('yields nothing but the (empty) first page when there are no answers', async () => {
      const { wxm } = client(answersServer(0).handler);
      const batches = await collect(wxm.streamAnswers({}, { pageSize: 10 }));
      expect(batches).to.have.length(1);
      expect(batches[0]!.answers).to.deep.equal([]);
      expect(batches[0]!.totalCount).to.equal(0);
    });
  });
});
