import { expect } from '@open-wc/testing';
import { log, redact, redactValue } from '../../shared/log.js';
import { AppError } from '../../shared/errors.js';
import { spyConsole } from '../fakes/console.js';

describe('log redaction', () => {
  it('removes bearer and basic credentials', () => {
    expect(redact('Authorization: Bearer eyJhbGciOi.abc-def_ghi')).to.equal('Authorization: Bearer [redacted]');
    expect(redact('basic MTAwMTplbXVsYXRvcg==, then')).to.equal('basic [redacted], then');
  });

  it('removes access_token values in JSON and query strings', () => {
    expect(redact('{"access_token":"s3cr3t","expires_at":1}')).to.not.include('s3cr3t');
    expect(redact('?access_token=s3cr3t&x=1')).to.equal('?access_token=[redacted]&x=1');
  });

  it('removes emails and phone numbers in their usual shapes', () => {
    const text = 'caller jane.doe+vip@example.co.uk at +1 (408) 555-0100 or 0044 20 7946 0958 or 4085550100';
    const out = redact(text);
    expect(out).to.not.match(/jane|example|4085550100|555-0100|7946|0958/);
    expect(out).to.include('[email]');
    expect(out).to.include('[phone]');
  });

  it('leaves dates, times, status codes, counts and hex ids alone', () => {
    const text = 'page 3 of 2250 (503) at 2026-11-26T01:59:49.000Z id 5e00002a0000000000001193 n=4500';
    expect(redact(text)).to.equal(text);
  });

  it('redacts objects deeply, blanking secret-named keys', () => {
    const v = redactValue({ access_token: 'abc', nested: { authorization: 'Basic x', note: 'call +14085550100' }, list: ['a@b.co'] });
    expect(v).to.deep.equal({ access_token: '[redacted]', nested: { authorization: '[redacted]', note: 'call [phone]' }, list: ['[email]'] });
  });

  it('prefixes [cx] and redacts messages, arguments and errors', () => {
    const spy = spyConsole();
    try {
      log.warn('lookup for +14085550100 failed', new AppError('network', 'wxm', 'offline'), { token: 'tok-123' });
      log.error('Bearer abc.def.ghi', new Error('mail a@b.co'));
    } finally {
      spy.restore();
    }
    expect(spy.lines).to.have.length(2);
    expect(spy.lines.every((l) => l.startsWith('[cx] '))).to.equal(true);
    const all = spy.text();
    expect(all).to.not.match(/4085550100|tok-123|abc\.def|a@b\.co/);
    expect(all).to.include('network');
  });
});
