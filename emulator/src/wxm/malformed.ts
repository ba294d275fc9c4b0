/**
 * The `malformed` fault: a 200 whose body has the right outer type but broken content, the way a misbehaving
 * tenant or proxy answers. Each route breaks in its own plausible way; pages alternate between two variants.
 */
type Loose = Record<string, unknown>;

function breakAnswer(a: unknown, k: number): unknown {
  if (!a || typeof a !== 'object') return a;
  const r = { ...(a as Loose) };
  switch (k % 4) {
    case 0: delete r.responses; break;
    case 1: r.responseDateTime = 12345; break;
    case 2: r.responses = [{ questionId: null, textInput: 7, numberInput: 'nine' }]; break;
    default: delete r.id; r.locationId = null;
  }
  return r;
}

export function breakBody(route: string, body: unknown, hit: number): unknown {
  if (route === 'answers/page') {
    const page = body as Loose;
    return hit % 2 === 0 ? { ...page, responses: null } : { ...page, responses: (page.responses as unknown[]).map(breakAnswer) };
  }
  if (route === 'answers') return (body as unknown[]).length ? (body as unknown[]).map(breakAnswer) : [{ id: 42 }];
  if (route === 'answer') return breakAnswer(body, 0);
  if (route === 'count') return null;
  if (route === 'flashnps') return { totalResponses: -1, netPromoter: null };
  if (route === 'summary') return { responseCount: 'many', summary: null };
  if (route === 'questions') {
    return (body as Loose[]).map((q, k) => (k % 2 ? { ...q, questionTags: null } : { ...q, id: 12345, displayType: null }));
  }
  if (route === 'questionnaires') return (body as Loose[]).map((q) => ({ ...q, name: null }));
  if (route === 'settings') return { ...(body as Loose), timeZoneOffset: 'sixty', npsRange: 'seven-eight', locationList: null };
  if (route === 'login') return { token_type: 'bearer', expires_in: 'soon' };
  if (Array.isArray(body)) return body.map(() => null);
  return {};
}
