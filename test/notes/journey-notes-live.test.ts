/**
 * Notes from the journey gadget itself (booted on the emulator as agent 1001): on an entry of the caller's journey,
 * "Add note" by mouse and by keyboard; the note appears on that entry with author and time, and the journey is not
 * reloaded (the same entry elements, no new page request).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { NoteForm } from '../../gadgets/journey/note-form.js';
import { answerCall, bootAs, control, endCall, expectedAnswers, placeCall, seen, until, type Customer } from '../journey/live.js';
import { editorShown, writeNoteByMouse } from './note-ui.js';

const AGENT = '1001';

describe('notes from the journey gadget on the emulator', function () {
  this.timeout(90_000);
  let app: JourneyApp;
  let callId: string | undefined;
  const pageRequests: string[] = [];
  const original = window.fetch.bind(window);

  before(async () => {
    // Count the journey's page requests (a reload would send another).
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (/\/api\/answers\/page\//.test(url)) pageRequests.push(url);
      return original(input, init);
    };
    app = await bootAs(AGENT);
  });
  after(async () => {
    window.fetch = original;
    if (callId) await endCall(callId).catch(() => undefined);
  });

  it('adds notes to two entries, by mouse and by keyboard, without reloading the journey', async () => {
    const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
    const c = customers.find((x) => x.traits.length === 0 && x.surveyCount >= 2 && x.surveyCount <= 20)!;
    const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    callId = await placeCall({ user: AGENT, customerId: c.id });
    await answerCall(callId);
    const s = await until('the journey', () => {
      const v = seen(app);
      return v.entryIds.length === expected.ids.length && v;
    });
    const entries = s.entries;
    const requestsBefore = pageRequests.length;
    const formOf = (e: HTMLElement) => e.shadowRoot!.querySelector<NoteForm>('cx-note-form')!;

    // Mouse, on the newest entry.
    const f1 = formOf(entries[0]!);
    const before1 = f1.shadowRoot!.querySelectorAll('[part="note"]').length;
    await writeNoteByMouse(f1, 'Customer asked for a call back <script>x</script>');
    await until('note on entry 1', () => f1.shadowRoot!.querySelectorAll('[part="note"]').length === before1 + 1);
    const last = [...f1.shadowRoot!.querySelectorAll('[part="note"]')].at(-1)!;
    expect(last.querySelector('.text')!.textContent).to.equal('Customer asked for a call back <script>x</script>');
    expect(last.querySelector('script')).to.equal(null);
    expect(last.querySelector('.who')!.textContent).to.match(/Cloud Connect/);
    expect(last.querySelector('time')).to.not.equal(null);

    // Keyboard, on the second entry.
    const f2 = formOf(entries[1]!);
    const before2 = f2.shadowRoot!.querySelectorAll('[part="note"]').length;
    f2.shadowRoot!.querySelector<HTMLButtonElement>('[part="add"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await editorShown(f2);
    await sendKeys({ type: 'Sent the replacement' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until('note on entry 2', () => f2.shadowRoot!.querySelectorAll('[part="note"]').length === before2 + 1);

    // Not reloaded: the same entry elements are on screen and no page was requested again.
    expect(seen(app).entries).to.deep.equal(entries);
    expect(pageRequests.length).to.equal(requestsBefore);
    await expect(app).to.be.accessible();
  });
});
