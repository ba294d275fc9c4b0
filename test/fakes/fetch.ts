/** A scripted fetch that records every call, and a JSON response builder. */
export interface FetchCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
  at: number;
}

export type FetchHandler = (call: FetchCall, index: number) => Response | Promise<Response>;

/** A fetch that records every call and answers from `handler`. */
export function fakeFetch(handler: FetchHandler, now: () => number = Date.now) {
  const calls: FetchCall[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    const signal = init?.signal ?? req.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const call: FetchCall = {
      url: req.url,
      method: req.method,
      headers: new Headers(init?.headers ?? req.headers),
      body: req.body ? await req.clone().text() : null,
      at: now(),
    };
    calls.push(call);
    const res = await handler(call, calls.length - 1);
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return res;
  };
  return { fetch: fn as typeof fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
