/**
 * The part loader (shared/parts/loader.ts) by its script path, as the built gadgets use it: a file beside the
 * script that fails, times out or does not register rejects and is not remembered, so the next call loads again.
 */
import { expect } from '@open-wc/testing';
import { loadPart, type PartName } from '../../shared/parts/loader.js';
import { spyConsole } from '../fakes/console.js';

const base = `${location.origin}/test/fixtures/`;

describe('loadPart', () => {
  it('rejects for a file that is not there, then loads from source when called again (nothing cached)', async () => {
    const console = spyConsole();
    try {
      const error = await loadPart('note-editor', { files: { 'note-editor': 'missing-part.js' }, base }).then(() => null, (e: Error) => e);
      expect(error?.message).to.equal('missing-part.js did not load');
      expect(console.text()).to.match(/\[cx\] the note-editor part did not load/);
    } finally {
      console.restore();
    }
    const part = await loadPart('note-editor');
    expect(part.NoteEditor).to.be.a('function');
  });

  it('rejects a script that times out or does not register; a file that registers through self.cxParts loads', async () => {
    const probe = 'probe' as PartName; // a part of this test only (test/fixtures/*-part.js)
    const console = spyConsole();
    try {
      const silent = await loadPart(probe, { files: { probe: 'silent-part.js' }, base }).then(() => null, (e: Error) => e);
      expect(silent?.message).to.equal('the probe part did not register');
      const late = await loadPart(probe, { files: { probe: 'probe-part.js' }, base, timeoutMs: 0 }).then(() => null, (e: Error) => e);
      expect(late?.message).to.equal('probe-part.js did not load');
    } finally {
      console.restore();
    }
    const part = (await loadPart(probe, { files: { probe: 'probe-part.js' }, base })) as unknown;
    expect(part).to.deep.equal({ bridged: true });
  });
});
