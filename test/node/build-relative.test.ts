/**
 * `npm run build -- --wxm-base-url URL,URL` without --base-url (one build for this file): the files work when
 * served from any folder (the Finesse library comes from the Finesse host through the scheme/host/hostPort
 * UserPrefs), and the WxM addresses are baked into the scripts, not carried by the layout URLs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGadgets, type BuildResult } from '../../scripts/build.js';
import { contentScripts, elements, parseStrict, text } from './xml-helpers.js';

const WXM = ['https://wxm.example.com:9443/api-root', 'https://eu.wxm.example.com'];
const UP = '__UP_scheme__://__UP_host__:__UP_hostPort__';

let dir: string;
let result: BuildResult;
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-build-rel-'));
  result = await buildGadgets({ outDir: dir, wxmBaseUrl: `${WXM[0]}/, ${WXM[1]}`, quiet: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('build without --base-url, with two --wxm-base-url addresses', () => {
  it('gadget XMLs load our script by a relative URL that exists next to them', () => {
    for (const file of ['journey.xml', 'analytics-agent.xml', 'analytics-team.xml']) {
      const scripts = contentScripts(parseStrict(read(file)));
      const own = scripts[2]!;
      assert.equal(scripts.length, 3, file);
      assert.match(own, /^(journey|analytics)-[\w-]+\.js$/, `${file}: relative file name`);
      assert.ok(readdirSync(dir).includes(own), `${own} exists`);
    }
  });

  it('excludes no host of ours from content rewriting (there is none)', () => {
    const params = elements(parseStrict(read('journey.xml')), 'Param').map((p) => text(p));
    assert.ok(!params.some((p) => p.includes('example.com')), params.join(', '));
  });

  it('loads the Finesse library from the Finesse host named by the container (scheme/host/hostPort UserPrefs)', () => {
    for (const file of ['journey.xml', 'analytics-agent.xml', 'analytics-team.xml']) {
      const doc = parseStrict(read(file));
      assert.deepEqual(contentScripts(doc).slice(0, 2), [`${UP}/desktop/assets/js/jquery.min.js`, `${UP}/desktop/assets/js/finesse.js`], file);
      for (const name of ['scheme', 'host', 'hostPort']) {
        const pref = elements(doc, 'UserPref').find((u) => u.getAttribute('name') === name);
        assert.equal(pref?.getAttribute('datatype'), 'hidden', `${file}: ${name}`);
        assert.equal(pref?.getAttribute('default_value'), '', `${file}: ${name}`);
      }
      assert.match(text(elements(doc, 'Content')[0]), /^<!DOCTYPE html>\n/, `${file}: Content starts with the doctype`);
    }
  });

  it('layout URLs are relative, carry no wxmBaseUrl, and write & as &amp;; the comment names the allowed addresses', () => {
    const raw = read('layout-snippet.xml');
    assert.ok(raw.includes('<gadget>analytics-agent.xml?filterTags=cc_AgentId</gadget>'), raw);
    assert.ok(raw.includes('<gadget>journey.xml</gadget>'), raw);
    assert.ok(!raw.replace(/<!--[\s\S]*?-->/g, '').includes('wxmBaseUrl'), 'no wxmBaseUrl outside comments');
    assert.ok(raw.includes(`this build allows: ${WXM.join(', ')}`), 'the comment lists the allowed WxM addresses');
    const withoutComments = raw.replace(/<!--[\s\S]*?-->/g, '');
    assert.ok(!/&(?!amp;)/.test(withoutComments), 'no bare & outside comments');
  });

  it('bakes the normalised addresses into both scripts (and declares no wxmBaseUrl UserPref)', () => {
    assert.deepEqual(result.wxmBaseUrls, WXM);
    for (const script of Object.values(result.scripts)) {
      // The minifier may requote the array literal: look for the list itself, in any quotes.
      const list = WXM.map((u) => `["'\`]${u.replace(/[.]/g, '\\.')}["'\`]`).join(',');
      assert.match(read(script), new RegExp(`\\[${list}\\]`), `${script} carries ${WXM.join(', ')}`);
    }
    for (const file of ['journey.xml', 'analytics-agent.xml', 'analytics-team.xml']) {
      assert.ok(!elements(parseStrict(read(file)), 'UserPref').some((u) => u.getAttribute('name') === 'wxmBaseUrl'), file);
    }
  });

  it('passes the validator', () => {
    assert.deepEqual(result.findings.filter((f) => f.level === 'error'), []);
  });
});
