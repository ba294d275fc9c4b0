import { expect } from '@open-wc/testing';
import { detectCallerId } from '../../gadgets/journey/detect-caller-id.js';

describe('journey manual search', () => {
  it('detects phone, email and customer id', () => {
    expect(detectCallerId('+49 (30) 1234-5678')).to.deep.equal({ kind: 'mobile', value: '+493012345678' });
    expect(detectCallerId('0044 20 7946 0000')).to.deep.equal({ kind: 'mobile', value: '+442079460000' });
    expect(detectCallerId(' Ann@Example.org ')).to.deep.equal({ kind: 'email', value: 'ann@example.org' });
    expect(detectCallerId('C100000')).to.deep.equal({ kind: 'customerId', value: 'C100000' });
    expect(detectCallerId('12345')).to.deep.equal({ kind: 'customerId', value: '12345' }); // too short for a phone
    expect(detectCallerId('   ')).to.equal(null);
    expect(detectCallerId('a@b')).to.equal(null);
  });

  it('reads a national number with the default country code, and refuses what is no plausible id (12.10)', () => {
    expect(detectCallerId('07913 221676', 44)).to.deep.equal({ kind: 'mobile', value: '+447913221676' });
    expect(detectCallerId('(0)30 1234-5678', 49)).to.deep.equal({ kind: 'mobile', value: '+493012345678' });
    expect(detectCallerId('+44 7913 221676', 49)).to.deep.equal({ kind: 'mobile', value: '+447913221676' }); // international wins
    expect(detectCallerId('0044 7913 221676', 1)).to.deep.equal({ kind: 'mobile', value: '+447913221676' });
    expect(detectCallerId('07913 221676')).to.deep.equal({ kind: 'mobile', value: '+07913221676' }); // no default: as typed
    for (const junk of ['hello world', 'x', 'C1 00', '<b>', '😀😀😀']) expect(detectCallerId(junk), junk).to.equal(null);
    expect(detectCallerId('ACME-42/7')).to.deep.equal({ kind: 'customerId', value: 'ACME-42/7' });
  });
});
