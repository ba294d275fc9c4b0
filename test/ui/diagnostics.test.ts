import { expect } from '@open-wc/testing';
import { AppError } from '../../shared/errors.js';
import { buildDiagnostics, redactText } from '../../shared/ui/diagnostics.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudDEifQ.c2lnbmF0dXJlX3NpZ25hdHVyZQ';
const OPAQUE = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo';
const HEX = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

describe('buildDiagnostics', () => {
  const error = new AppError('wxm-auth', 'wxm', `401 after refresh; sent Authorization: Bearer ${OPAQUE} for caller +49 170 1234567 (ana.lopez@example.com)`, { status: 401 });
  const context = {
    gadget: 'journey',
    url: `https://wxm.example/api/answers?access_token=${OPAQUE}&page=2`,
    token: TOKEN,
    ani: '+14155550123',
    callerEmail: 'x@y.org',
    note: `basic auth was Basic ${btoa('agent:secret')} and key ${HEX}`,
    nested: { phone: '0049 30 1234 5678', dialogs: 2, free: 'call me on (415) 555-0199' },
    pageSize: 25,
  };
  const text = buildDiagnostics(error, context);

  it('names time, gadget, code, hop, status and the user agent', () => {
    expect(text).to.contain('gadget: journey');
    expect(text).to.contain('error: wxm-auth');
    expect(text).to.contain('hop: wxm');
    expect(text).to.contain('status: 401');
    expect(text).to.contain(navigator.userAgent);
    expect(text).to.match(/time: \d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(text).to.contain('pageSize: 25');
    expect(text).to.contain('"dialogs":2');
  });

  it('never contains a token, a phone number or an email', () => {
    for (const secret of [TOKEN, OPAQUE, HEX, btoa('agent:secret'), 'ana.lopez@example.com', 'x@y.org']) {
      expect(text, secret).to.not.contain(secret);
    }
    // Phone numbers in any of the shapes above: no run of 7+ digits survives once separators are removed.
    for (const line of text.split('\n').filter((l) => !/^(time|user agent):/.test(l))) {
      expect(line.replace(/[\s().+-]/g, ''), line).to.not.match(/\d{7,}/);
    }
    expect(text).to.not.contain('1234567');
    expect(text).to.not.contain('555-0199');
  });

  it('redacts tokens by shape in free text but keeps ordinary words, dates and statuses', () => {
    const out = redactText(`GET /api/answers 503 at 2026-11-03 took 1200 ms; id_token=${TOKEN}`);
    expect(out).to.contain('GET /api/answers 503 at 2026-11-03 took 1200 ms');
    expect(out).to.not.contain(TOKEN);
  });

  it('works without an error and without context', () => {
    const t = buildDiagnostics(undefined, {});
    expect(t).to.contain('gadget: unknown');
    expect(t).to.not.contain('error:');
  });
});
