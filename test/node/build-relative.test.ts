/**
 * `npm run build -- --wxm-base-url URL` without --base-url (one build for this file): the files work when
 * served from any folder, and the WxM URL travels in the layout URLs, `&`-escaped.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGadgets, type BuildResult } from '../../scripts/build.js';
import { contentScripts, elements, parseStrict, text } from './xml-helpers.js';

const WXM = 'https://wxm.example.com:9443/api-root';

let dir: string;
let result: BuildResult;
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-build-rel-'));
  result = await buildGadgets({ outDir: dir, wxmBaseUrl: WXM, quiet: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('build without --base-url, with --wxm-base-url', () => {
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

  it('layout URLs are relative, carry wxmBaseUrl, and write & as &amp;', () => {
    const raw = read('layout-snippet.xml');
    const encoded = encodeURIComponent(WXM);
    assert.ok(raw.includes(`<gadget>analytics-agent.xml?filterTags=cc_AgentId&amp;wxmBaseUrl=${encoded}</gadget>`), raw);
    assert.ok(raw.includes(`<gadget>analytics-team.xml?filterTags=cc_TeamId&amp;wxmBaseUrl=${encoded}</gadget>`), raw);
    assert.ok(raw.includes(`<gadget>journey.xml?wxmBaseUrl=${encoded}</gadget>`), raw);
    const withoutComments = raw.replace(/<!--[\s\S]*?-->/g, '');
    assert.ok(!/&(?!amp;)/.test(withoutComments), 'no bare & outside comments');
    const urls = elements(parseStrict(raw), 'gadget').map((g) => text(g));
    for (const url of urls) {
      const params = new URL(url, 'https://x.invalid/').searchParams;
      assert.equal(params.get('wxmBaseUrl'), WXM, url);
    }
  });

  it('gadget XMLs also default the wxmBaseUrl UserPref', () => {
    for (const file of ['journey.xml', 'analytics-agent.xml', 'analytics-team.xml']) {
      const pref = elements(parseStrict(read(file)), 'UserPref').find((u) => u.getAttribute('name') === 'wxmBaseUrl');
      assert.equal(pref?.getAttribute('default_value'), WXM, file);
    }
  });

  it('passes the validator', () => {
    assert.deepEqual(result.findings.filter((f) => f.level === 'error'), []);
  });
});
