import { waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/app.js';
import { loadView } from '../../gadgets/analytics/plan.js';
import { becomeGadget, control, people } from './emu.js';
import { deepQuery } from './dom.js';

const L = (m: string) => { try { void fetch(`http://127.0.0.1:47123/?m=${encodeURIComponent(m)}`, { mode: 'no-cors' }); } catch { /* */ } };

describe('debug', function () {
  this.timeout(90_000);
  it('direct loadView under malformed', async () => {
    await control('faults', undefined, 'DELETE');
    const agent = (await people()).agents[3]!;
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId' });
    const host = document.createElement('div');
    document.body.append(host);
    const app = (await startAnalytics(host))! as AnalyticsApp & { wxm: any; config: any };
    await waitUntil(() => deepQuery(app, '[part=as-of]'), 'not loaded', { timeout: 20000 });
    L('loaded');
    const wxm = app.wxm;
    const orig = wxm.streamAnswers.bind(wxm);
    wxm.streamAnswers = async function* (f: any, o: any) { L('stream start'); for await (const b of orig(f, o)) { L(`batch ${b.answers.length} m${b.malformed} t${b.totalCount} ${JSON.stringify(b.answers.slice(0,3).map((a: any) => a.responseDateTime))}`); yield b; } L('stream end'); };
    const origPage = wxm.answersPage.bind(wxm);
    wxm.answersPage = async (...a: any[]) => { L(`page ${a[1]}`); try { const r = await origPage(...a); L(`page ${a[1]} -> ${r.answers.length} tp${r.totalPages}`); return r; } catch (e) { L(`page err ${e}`); throw e; } };
    await control('faults', { route: '/api/answers', malformed: true, count: 2 });
    let k = 0; setInterval(() => L(`tick ${k++} err=${!!deepQuery(app, 'cx-state-panel[kind=error]')} mal=${deepQuery(app, '[part=malformed]')?.textContent}`), 500);
    L('now app refresh');
    (deepQuery(app, 'button[part=refresh]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 5000));
    L('after 5s');
    const { expect } = await import('@open-wc/testing');
    expect(undefined).to.match(/x/);
  });
});
