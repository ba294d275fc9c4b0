import { expect } from '@open-wc/testing';
import { isWithheld, normalisePhone, phoneVariants } from '../../shared/finesse/phone.js';
import { customerAddress, identifyCaller, parsePodId, podIdOf } from '../../shared/finesse/caller-id.js';

describe('phone numbers', () => {
  const cases: Array<[string, string | null]> = [
    ['+1 (408) 555-0100', '+14085550100'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['00 49-89-123.456', '+4989123456'],
    ['408.555.0100', '+4085550100'], // no country code: digits kept behind '+'
    ['tel:+15550100200', '+15550100200'],
    [' +61\u00a02 9374 4000 ', '+61293744000'],
    ['abc', null],
    ['+1 408 555 01OO', null],
    ['12', null],
    ['', null],
    ['+1234567890123456', null], // longer than E.164 allows
  ];
  for (const [raw, want] of cases) {
    it(`normalises ${JSON.stringify(raw)} → ${want}`, () => {
      expect(normalisePhone(raw)).to.equal(want);
    });
  }

  it('recognises withheld numbers; an absent one is unknown, not withheld', () => {
    for (const w of ['anonymous', 'Anonymous', 'WITHHELD', 'private', 'Restricted', 'unknown', 'Unavailable', 'blocked', 'Private Number']) {
      expect(isWithheld(w), String(w)).to.equal(true);
    }
    for (const absent of ['', '  ', null, undefined]) expect(isWithheld(absent), String(absent)).to.equal(false);
    for (const n of ['+14085550100', '1001', 'anonymously-named']) expect(isWithheld(n), n).to.equal(false);
  });
});

describe('phone variants', () => {
  it('a NANP number: E.164, digits, national 10 digits and (AAA) BBB-CCCC', () => {
    expect(phoneVariants('+14085550100')).to.deep.equal(['+14085550100', '14085550100', '4085550100', '(408) 555-0100']);
  });

  it('other numbers: E.164, digits and the 00 prefix, no guessed national form', () => {
    expect(phoneVariants('+442079460958')).to.deep.equal(['+442079460958', '442079460958', '00442079460958']);
    // +1 but not a NANP shape (area code starting 0/1): no national forms invented
    expect(phoneVariants('+11235550100')).to.deep.equal(['+11235550100', '11235550100', '0011235550100']);
    // a national number that arrived without a country code keeps its digits as one variant
    expect(phoneVariants('+4085550100')).to.include('4085550100');
  });
});

describe('POD.ID', () => {
  it("reads Cisco's own keys: cc_CustomerId, emailId, mobile, in any case", () => {
    expect(parsePodId('cc_CustomerId=C-7;emailId=Ann@Example.org;mobile=+1 408 555 0100')).to.deep.equal({
      customerId: 'C-7',
      email: 'ann@example.org',
      mobile: '+14085550100',
    });
    expect(parsePodId('CC_CUSTOMERID=C-8;EMAILID=b@example.org;MOBILE=0044 20 7946 0958')).to.deep.equal({
      customerId: 'C-8',
      email: 'b@example.org',
      mobile: '+442079460958',
    });
    expect(parsePodId('customerId=C-9;phone=+49 30 1234567;email=c@example.org')).to.deep.equal({
      customerId: 'C-9',
      mobile: '+49301234567',
      email: 'c@example.org',
    });
  });

  it('reads k=v; pairs with case-insensitive keys', () => {
    expect(parsePodId('cc_CustomerId=C-1001;Email=Jane.Doe@Example.com;Mobile=+1 408 555 0100;')).to.deep.equal({
      customerId: 'C-1001',
      email: 'jane.doe@example.com',
      mobile: '+14085550100',
    });
    expect(parsePodId('MOBILE=0044 7700 900123 ; CC_CUSTOMERID = X9')).to.deep.equal({ mobile: '+447700900123', customerId: 'X9' });
  });

  it('takes a bare value as the customer id', () => {
    expect(parsePodId('  CUST-42 ')).to.deep.equal({ customerId: 'CUST-42' });
  });

  it('ignores unknown keys, empty values and invalid phones or emails', () => {
    expect(parsePodId('foo=bar;Mobile=;Email=not-an-email;Mobile=n/a;cc_CustomerId=')).to.deep.equal({});
    expect(parsePodId('')).to.deep.equal({});
    expect(parsePodId(undefined)).to.deep.equal({});
  });

  it('is found under POD.ID or user.POD.ID', () => {
    expect(podIdOf({ 'POD.ID': 'a' })).to.equal('a');
    expect(podIdOf({ 'user.POD.ID': 'b' })).to.equal('b');
    expect(podIdOf({ 'POD.ID': '', 'user.POD.ID': 'c' })).to.equal('c');
    expect(podIdOf({ callVariable1: 'x' })).to.equal(undefined);
  });
});

describe('customerAddress', () => {
  it('inbound: the ANI (fromAddress)', () => {
    expect(customerAddress({ from: '+14085550100', to: '7007', dialedNumber: '8005550100' }, '7007')).to.equal('+14085550100');
  });

  it('outbound / agent-initiated: fromAddress is the agent, the customer is toAddress, else dialedNumber', () => {
    expect(customerAddress({ from: '7007', to: '+14085550100', dialedNumber: '914085550100' }, '7007')).to.equal('+14085550100');
    expect(customerAddress({ from: ' 7007 ', to: '', dialedNumber: '+14085550100' }, '7007')).to.equal('+14085550100');
  });

  it('never the agent\'s own extension', () => {
    expect(customerAddress({ from: '7007', to: '7007', dialedNumber: '7007' }, '7007')).to.equal(undefined);
    expect(customerAddress({ from: '7007' }, '7007')).to.equal(undefined);
  });

  it('without a known extension it keeps fromAddress', () => {
    expect(customerAddress({ from: '7007', to: '+14085550100' }, undefined)).to.equal('7007');
  });
});

describe('identifyCaller', () => {
  it('orders ids: customer id, mobile, email, then ANI', () => {
    const r = identifyCaller({ 'user.POD.ID': 'Email=a@b.co;cc_CustomerId=C1;Mobile=+15551230000' }, '+1 555 999 0000');
    expect(r.callerIds.map((c) => c.kind)).to.deep.equal(['customerId', 'mobile', 'email', 'ani']);
    expect(r.callerIds[3]).to.deep.equal({ kind: 'ani', value: '+15559990000' });
    expect(r.withheld).to.equal(false);
  });

  it('does not repeat the ANI when it is the POD.ID mobile', () => {
    const r = identifyCaller({ 'POD.ID': 'Mobile=+1 555 123 0000' }, '+15551230000');
    expect(r.callerIds).to.deep.equal([{ kind: 'mobile', value: '+15551230000' }]);
  });

  it('falls back to the ANI alone', () => {
    expect(identifyCaller({}, '0044 20 7946 0958').callerIds).to.deep.equal([{ kind: 'ani', value: '+442079460958' }]);
  });

  it('reports a withheld caller with no ids', () => {
    const r = identifyCaller({}, 'anonymous');
    expect(r).to.deep.equal({ callerIds: [], withheld: true });
  });

  it('keeps POD.ID ids when the ANI is withheld', () => {
    const r = identifyCaller({ 'POD.ID': 'C77' }, 'Private');
    expect(r).to.deep.equal({ callerIds: [{ kind: 'customerId', value: 'C77' }], withheld: true });
  });

  it('gives no ids for an ANI that is not a number (e.g. a SIP URI)', () => {
    expect(identifyCaller(null, 'sip:alice@example.com').callerIds).to.deep.equal([]);
  });
});
