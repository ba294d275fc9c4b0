/**
 * The emulated Shindig substitutes `__UP_name__` in a gadget's Content as Shindig's UserPrefSubstituter does:
 * for each pref the spec declares, the container's up_ value, else its default_value; HTML-escaped; names the
 * spec does not declare stay as written. That is what lets a gadget hosted off Finesse load finesse.js from
 * `__UP_scheme__://__UP_host__:__UP_hostPort__`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index.js';

const SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="prefs"><Require feature="settitle"/></ModulePrefs>
  <UserPref name="scheme" datatype="hidden" default_value=""/>
  <UserPref name="host" datatype="hidden" default_value=""/>
  <UserPref name="hostPort" datatype="hidden" default_value=""/>
  <UserPref name="greeting" datatype="hidden" default_value="hello"/>
  <UserPref name="note" datatype="hidden" default_value=""/>
  <Content type="html"><![CDATA[<!DOCTYPE html>
<script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/finesse.js"></script>
<p id="greeting">__UP_greeting__</p><p id="note">__UP_note__</p><p id="undeclared">__UP_other__</p>
]]></Content>
</Module>`;

let emu: RunningEmulator;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-ifr-prefs-'));
  writeFileSync(join(dir, 'prefs.xml'), SPEC);
  emu = await startEmulator({ port: 0, wxmPort: 0, distDir: dir });
});
after(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

async function render(up: Record<string, string>): Promise<string> {
  const q = new URLSearchParams({ url: '/3rdpartygadget/files/cx/prefs.xml', user: emu.world.agents[0]!.id, ...up });
  const res = await fetch(`${emu.finesseUrl}/gadgets/ifr?${q}`);
  assert.equal(res.status, 200);
  return res.text();
}

describe('emulated Shindig: __UP_name__ substitution', () => {
  it('fills the Finesse library URL from the container\'s up_scheme/up_host/up_hostPort', async () => {
    const html = await render({ up_scheme: 'https', up_host: 'finesse-b.example.com', up_hostPort: '8445' });
    assert.ok(html.includes('<script src="https://finesse-b.example.com:8445/desktop/assets/js/finesse.js"></script>'), html);
  });

  it('uses the default_value of a declared pref without an up_ value, and "" for an empty default', async () => {
    const html = await render({});
    assert.ok(html.includes('<p id="greeting">hello</p>'), html);
    assert.ok(html.includes('<p id="note"></p>'), html);
    assert.ok(html.includes('src="://:/desktop/assets/js/finesse.js"'), 'no container values: the URL stays broken, as on a real Shindig');
  });

  it('HTML-escapes the values and leaves undeclared names alone', async () => {
    const html = await render({ up_note: '<img src=x onerror=alert(1)>"&\'', up_other: 'ignored' });
    assert.ok(html.includes('<p id="note">&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;</p>'), html);
    assert.ok(html.includes('<p id="undeclared">__UP_other__</p>'), html);
  });
});
