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
});
