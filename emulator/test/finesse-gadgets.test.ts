/** Gadget rendering (/gadgets/ifr), container script, desktop layout and static files of the Finesse origin. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { gadgetUrl, parseLayout } from '../src/finesse/layout.js';
import { parseGadgetSpec, SpecError } from '../src/finesse/gadget-spec.js';
import { start } from './finesse-helpers.js';

const LAYOUT = `<?xml version="1.0"?>
<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <layout><role>Agent</role>
    <page><gadget>https://finesse.example.com:8445/3rdpartygadget/files/cx/top.xml</gadget></page>
    <tabs>
      <tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label>
        <columns><column><gadgets><gadget>probe.xml?wxmBaseUrl=http%3A%2F%2Fx&amp;filterTags=cc_AgentId</gadget></gadgets></column></columns></tab>
      <tab><id>myStatistics</id><label>finesse.container.tabs.agent.myStatisticsLabel</label>
        <columns><column><gadgets><gadget>https://elsewhere.example/g.xml</gadget></gadgets></column></columns></tab>
    </tabs>
  </layout>
  <layout><role>Supervisor</role>
    <tabs><tab><id>teamData</id><label>x</label><columns><column><gadgets><gadget>team.xml?filterTags=cc_TeamId</gadget></gadgets></column></columns></tab></tabs>
  </layout>
</finesseLayout>`;

describe('desktop layout', () => {
  it('reads page gadgets and tabs per role; maps the Finesse host files onto the emulator; unescapes &amp;', () => {
    const layout = parseLayout(LAYOUT);
    assert.deepEqual(layout.Agent.page, ['/3rdpartygadget/files/cx/top.xml']);
    const home = layout.Agent.tabs.find((t) => t.id === 'home')!;
    assert.deepEqual(home.gadgets, ['/3rdpartygadget/files/cx/probe.xml?wxmBaseUrl=http%3A%2F%2Fx&filterTags=cc_AgentId']);
    assert.equal(home.label, 'Home');
    assert.deepEqual(layout.Agent.tabs.find((t) => t.id === 'myStatistics')!.gadgets, ['https://elsewhere.example/g.xml']);
    assert.deepEqual(
      layout.Supervisor.tabs.map((t) => t.id),
      ['home', 'teamData'],
    );
    assert.deepEqual(layout.Supervisor.tabs[1]!.gadgets, ['/3rdpartygadget/files/cx/team.xml?filterTags=cc_TeamId']);
  });

  it('gadgetUrl keeps foreign hosts and resolves relative paths against the layout file', () => {
    assert.equal(gadgetUrl('../x.xml'), '/3rdpartygadget/files/x.xml');
    assert.equal(gadgetUrl(' https://a.example/b.xml?c=d '), 'https://a.example/b.xml?c=d');
  });
});

describe('gadget spec', () => {
  it('reports missing features and takes UserPref defaults', () => {
    const spec = parseGadgetSpec(
      '<Module><ModulePrefs title="t"><Require feature="settitle"/></ModulePrefs>' +
        '<UserPref name="a" default_value="1"/><Content type="html"><![CDATA[<b>x</b>]]></Content></Module>',
    );
    assert.deepEqual(spec.missingFeatures, ['dynamic-height', 'pubsub-2', 'setprefs', 'loadingindicator']);
    assert.deepEqual(spec.prefs, [{ name: 'a', defaultValue: '1', datatype: 'string' }]);
    assert.equal(spec.content, '<b>x</b>');
    assert.equal(spec.manualDismiss, false);
  });

  it('rejects broken XML, a wrong root and a url Content', () => {
    assert.throws(() => parseGadgetSpec('<Module><ModulePrefs>'), SpecError);
    assert.throws(() => parseGadgetSpec('<html/>'), /Module/);
    assert.throws(
      () => parseGadgetSpec('<Module><ModulePrefs/><Content type="url" href="x"/></Module>'),
      /type="url"/,
    );
  });
});

describe('Finesse origin pages', () => {
  let emu: RunningEmulator;
  let dist: string;
  let f: string;
  let agent: string;

  before(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'cx-dist-'));
    const probe = await import('node:fs/promises').then((fs) =>
      fs.readFile(new URL('../../test/fixtures/probe.xml', import.meta.url), 'utf8'),
    );
    await writeFile(path.join(dist, 'probe.xml'), probe);
    await writeFile(path.join(dist, 'team.xml'), probe);
    await writeFile(path.join(dist, 'top.xml'), probe);
    await writeFile(path.join(dist, 'bad.xml'), '<Module><ModulePrefs>');
    await writeFile(path.join(dist, 'app.js'), 'console.log(1)');
    await writeFile(path.join(dist, 'layout-snippet.xml'), LAYOUT);
    emu = await start({ distDir: dist });
    f = emu.finesseUrl;
    agent = emu.world.agents[1]!.id;
  });
  after(async () => {
    await emu.close();
    await rm(dist, { recursive: true, force: true });
  });

  const get = async (p: string) => {
    const res = await fetch(f + p);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  it('serves dist at /3rdpartygadget/files/cx/ with content types, and nothing outside it', async () => {
    const xml = await get('/3rdpartygadget/files/cx/probe.xml');
    assert.equal(xml.status, 200);
    assert.match(xml.type, /xml/);
    assert.match((await get('/3rdpartygadget/files/cx/app.js')).type, /javascript/);
    assert.equal((await get('/3rdpartygadget/files/cx/..%2F..%2Fetc%2Fpasswd')).status, 404);
    assert.equal((await get('/3rdpartygadget/files/cx/missing.js')).status, 404);
  });

  it('serves the emulated finesse.js and the jQuery stub', async () => {
    const js = await get('/desktop/assets/js/finesse.js');
    assert.equal(js.status, 200);
    assert.match(js.type, /javascript/);
    assert.match(js.text, /restservices/);
    assert.equal((await get('/desktop/assets/js/jquery.min.js')).status, 200);
  });

  it('renders a gadget: container first, then <base> at the spec URL, then the Content; prefs from defaults and up_*', async () => {
    const gadget = `${f}/3rdpartygadget/files/cx/probe.xml?filterTags=cc_AgentId&wxmBaseUrl=${encodeURIComponent('http://w.example')}`;
    const page = await get(`/gadgets/ifr?url=${encodeURIComponent(gadget)}&user=${agent}&up_other=2`);
    assert.equal(page.status, 200);
    assert.match(page.type, /html/);
    const container = page.text.indexOf('__cxEmuContainer');
    const base = page.text.indexOf('<base href="/3rdpartygadget/files/cx/probe.xml">');
    const content = page.text.indexOf('id="probe-log"');
    assert.ok(container > 0 && base > container && content > base, 'order: container, base, content');
    const boot = JSON.parse(/var __cxEmuContainer = (.*);\n/.exec(page.text)![1]!);
    assert.equal(boot.user.id, agent);
    assert.equal(boot.user.authorization, `Basic ${Buffer.from(`${agent}:emulator`).toString('base64')}`);
    assert.equal(boot.gadgetUrl, gadget, 'the gadget URL keeps its own query');
    // The 12.6 container also hands over the skill target id as up_cceSkillTargetId (a UserPref), next to up_id.
    const skillTargetId = emu.world.agents.find((a) => a.id === agent)!.skillTargetId;
    assert.deepEqual(boot.prefs, { greeting: 'hello', other: '2', cceSkillTargetId: skillTargetId });
    assert.equal(boot.params.up_cceSkillTargetId, skillTargetId);
    assert.equal(boot.params.up_id, agent);
    assert.equal(boot.manualDismiss, true);
    assert.ok(!page.text.includes('missing-features'));
  });

  it('explains an invalid spec, a missing file and a missing url parameter', async () => {
    const bad = await get(`/gadgets/ifr?url=${encodeURIComponent(`${f}/3rdpartygadget/files/cx/bad.xml`)}&user=${agent}`);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /not well-formed/);
    const missing = await get(`/gadgets/ifr?url=${encodeURIComponent(`${f}/3rdpartygadget/files/cx/nope.xml`)}&user=${agent}`);
    assert.equal(missing.status, 502);
    assert.match(missing.text, /npm run build/);
    assert.equal((await get(`/gadgets/ifr?user=${agent}`)).status, 400);
  });

  it('warns in the gadget when the spec lacks features finesse.js needs', async () => {
    const server = await import('node:http').then((http) =>
      http.createServer((_q, r) => {
        r.writeHead(200, { 'Content-Type': 'application/xml' });
        r.end('<Module><ModulePrefs title="x"/><Content type="html"><![CDATA[<p>x</p>]]></Content></Module>');
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const page = await get(`/gadgets/ifr?url=${encodeURIComponent(`http://127.0.0.1:${port}/g/x.xml?a=1`)}&user=${agent}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /data-cx-emulator="missing-features"/);
      assert.match(page.text, /settitle, dynamic-height, pubsub-2, setprefs, loadingindicator/);
      assert.match(page.text, new RegExp(`<base href="http://127.0.0.1:${port}/g/x.xml\\?a=1">`));
    } finally {
      server.close();
    }
  });

  it('container.js sets up the user the query names, with up_* prefs', async () => {
    const sup = emu.world.supervisors[0]!;
    const js = await get(`/gadgets/container.js?user=${sup.id}&up_greeting=hey`);
    assert.match(js.type, /javascript/);
    const boot = JSON.parse(/var __cxEmuContainer = (.*);\n/.exec(js.text)![1]!);
    assert.equal(boot.user.id, sup.id);
    assert.equal(boot.user.cceSkillTargetId, sup.skillTargetId);
    assert.deepEqual(boot.prefs, { greeting: 'hey', cceSkillTargetId: sup.skillTargetId });
    const up = JSON.parse(/var __cxEmuContainer = (.*);\n/.exec((await get(`/gadgets/container.js?user=${sup.id}&stid=up`)).text)![1]!);
    assert.equal(up.user.cceSkillTargetId, undefined, 'stid=up: not in Config');
    assert.equal(up.prefs.cceSkillTargetId, sup.skillTargetId);
    const none = JSON.parse(/var __cxEmuContainer = (.*);\n/.exec((await get(`/gadgets/container.js?user=${sup.id}&stid=none`)).text)![1]!);
    assert.equal(none.user.cceSkillTargetId, undefined);
    assert.equal(none.prefs.cceSkillTargetId, undefined);
  });

  it('the desktop lists who can sign in, and shows a user its role tabs with gadget frames', async () => {
    const chooser = await get('/');
    for (const a of emu.world.agents) assert.ok(chooser.text.includes(`?user=${a.id}"`));
    for (const s of emu.world.supervisors) assert.ok(chooser.text.includes(`?user=${s.id}"`));
    const desk = await get(`/?user=${agent}`);
    assert.match(desk.text, /role="tab"[^>]*>Home</);
    assert.match(desk.text, />My Statistics</);
    assert.ok(!desk.text.includes('>Team Data<'));
    assert.match(desk.text, /data-gadget-url="\/3rdpartygadget\/files\/cx\/probe.xml\?wxmBaseUrl=http%3A%2F%2Fx&amp;filterTags=cc_AgentId"/);
    const sup = await get(`/desktop/container/?user=${emu.world.supervisors[0]!.id}`);
    assert.match(sup.text, />Team Data</);
    assert.match(sup.text, />Supervisor</);
    assert.equal((await get('/?user=nobody')).status, 404);
  });

  it('says "run npm run build" when the layout is missing', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'cx-empty-'));
    const other = await start({ distDir: empty });
    try {
      const desk = await (await fetch(`${other.finesseUrl}/?user=${agent}`)).text();
      assert.match(desk, /role="alert"[^>]*>[^<]*npm run build/);
    } finally {
      await other.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
