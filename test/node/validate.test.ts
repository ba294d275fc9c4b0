/**
 * The validator (gadget-xml/validate.ts) must catch the mistakes that give a blank gadget or a rejected layout.
 * Each case breaks one thing in a correct output and expects an error naming the file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { GADGET_XMLS } from '../../gadget-xml/catalogue.js';
import { renderGadgetXml, renderLayoutSnippet, type EmitOptions } from '../../gadget-xml/render.js';
import { validateDist, type DistContents, type Finding } from '../../gadget-xml/validate.js';

const templates = {
  gadget: readFileSync(new URL('../../gadget-xml/templates/gadget.xml', import.meta.url), 'utf8'),
  layout: readFileSync(new URL('../../gadget-xml/templates/layout-snippet.xml', import.meta.url), 'utf8'),
};
const SCRIPTS = { journey: 'journey-abc123.js', analytics: 'analytics-def456.js' };
const BASE = 'https://finesse.example.com:8445/3rdpartygadget/files/cx/';

function output(opts: EmitOptions): { xml: Map<string, string>; files: Set<string> } {
  const xml = new Map<string, string>();
  for (const spec of GADGET_XMLS) xml.set(spec.file, renderGadgetXml(templates.gadget, spec, SCRIPTS[spec.bundle], opts));
  xml.set('layout-snippet.xml', renderLayoutSnippet(templates.layout, opts));
  return { xml, files: new Set([...xml.keys(), ...Object.values(SCRIPTS)]) };
}

function edit(dist: DistContents, file: string, fn: (s: string) => string): DistContents {
  const xml = new Map(dist.xml);
  const before = xml.get(file)!;
  const after = fn(before);
  assert.notEqual(after, before, 'the edit changed something');
  xml.set(file, after);
  return { xml, files: dist.files };
}

const errors = (f: Finding[]) => f.filter((x) => x.level === 'error');
function assertError(findings: Finding[], file: string, pattern: RegExp) {
  const hit = errors(findings).find((f) => f.file === file && pattern.test(f.message));
  assert.ok(hit, `expected an error on ${file} matching ${pattern}; got:\n${findings.map((f) => `${f.file}: ${f.message}`).join('\n')}`);
}

describe('validator', () => {
  const good = output({ baseUrl: BASE });

  it('accepts a correct absolute build and a correct relative build', () => {
    assert.deepEqual(validateDist(good), []);
    assert.deepEqual(validateDist(output({})), []);
  });

  it('accepts a root-relative build (every Finesse server of a cluster serves its own copy)', () => {
    const dist = output({ baseUrl: '/3rdpartygadget/files/cx/' });
    assert.ok(dist.xml.get('journey.xml')!.includes('src="/3rdpartygadget/files/cx/journey-abc123.js"'));
    assert.ok(dist.xml.get('layout-snippet.xml')!.includes('<gadget>/3rdpartygadget/files/cx/analytics-team.xml?filterTags=cc_TeamId</gadget>'));
    assert.deepEqual(validateDist(dist), []);
    const broken = edit(dist, 'journey.xml', (s) => s.replace('/3rdpartygadget/files/cx/journey-abc123.js', '/elsewhere/journey-abc123.js'));
    assertError(validateDist(broken), 'journey.xml', /outside|content-rewrite/);
  });

  it('on Finesse (3rdpartygadget), loads the Finesse library root-relative and flags the UserPref form', () => {
    assert.ok(good.xml.get('journey.xml')!.includes('<script src="/desktop/assets/js/jquery.min.js">'));
    const broken = edit(good, 'journey.xml', (s) => s.replace('src="/desktop/assets/js/finesse.js"', 'src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/finesse.js"'));
    assertError(validateDist(broken), 'journey.xml', /script #2 must be \/desktop\/assets\/js\/finesse.js \(root-relative/);
  });

  it('on an external host, loads the Finesse library through the scheme/host/hostPort UserPrefs, and flags the root-relative form', () => {
    const external = output({ baseUrl: 'https://cdn.example.com/finesse/cx/' });
    const journey = external.xml.get('journey.xml')!;
    assert.ok(journey.includes('<script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/jquery.min.js">'), journey);
    assert.ok(journey.includes('<UserPref name="hostPort" datatype="hidden" default_value=""/>'), journey);
    assert.deepEqual(validateDist(external), []);
    const rootRelative = edit(external, 'analytics-agent.xml', (s) => s.replaceAll('__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/', '/desktop/'));
    assertError(validateDist(rootRelative), 'analytics-agent.xml', /script #1 must be __UP_scheme__.*not served by Finesse.*cdn\.example\.com/);
    const noPref = edit(external, 'journey.xml', (s) => s.replace('<UserPref name="host" datatype="hidden" default_value=""/>', ''));
    assertError(validateDist(noPref), 'journey.xml', /UserPref name="host"/);
  });

  it('flags a Content that does not start with <!DOCTYPE html>', () => {
    const broken = edit(good, 'analytics-team.xml', (s) => s.replace('<![CDATA[<!DOCTYPE html>', '<![CDATA['));
    assertError(validateDist(broken), 'analytics-team.xml', /DOCTYPE/);
  });

  it('flags XML that does not parse', () => {
    const broken = edit(good, 'journey.xml', (s) => s.replace('</ModulePrefs>', ''));
    assertError(validateDist(broken), 'journey.xml', /parse/);
  });

  it('flags a missing feature', () => {
    const broken = edit(good, 'analytics-team.xml', (s) => s.replace('<Require feature="pubsub-2"/>', ''));
    assertError(validateDist(broken), 'analytics-team.xml', /pubsub-2/);
  });

  it('flags a loading indicator without manual dismiss', () => {
    const broken = edit(good, 'journey.xml', (s) => s.replace('<Param name="manual-dismiss">true</Param>', ''));
    assertError(validateDist(broken), 'journey.xml', /manual-dismiss/);
  });

  it('flags an unescaped & in the layout, with its line', () => {
    const broken = edit(good, 'layout-snippet.xml', (s) => s.replace('cc_AgentId', 'cc_AgentId&x=1'));
    const line = broken.xml.get('layout-snippet.xml')!.split('\n').findIndex((l) => l.includes('&x=1')) + 1;
    assertError(validateDist(broken), 'layout-snippet.xml', new RegExp(`line ${line}: "&" must be written "&amp;"`));
  });

  it('flags whitespace inside a layout <gadget>', () => {
    const broken = edit(good, 'layout-snippet.xml', (s) => s.replace(/<gadget>(\S+journey\.xml)<\/gadget>/, '<gadget>\n  $1\n</gadget>'));
    assertError(validateDist(broken), 'layout-snippet.xml', /whitespace/);
  });

  it('flags a layout gadget without its filterTags parameter', () => {
    const broken = edit(good, 'layout-snippet.xml', (s) => s.replace('?filterTags=cc_TeamId', ''));
    assertError(validateDist(broken), 'layout-snippet.xml', /teamData.*filterTags=cc_TeamId/);
  });

  it('flags a script that is not in the output folder', () => {
    const missing = { xml: good.xml, files: new Set([...good.files].filter((f) => f !== SCRIPTS.analytics)) };
    assertError(validateDist(missing), 'analytics-agent.xml', /analytics-def456\.js.*not in the output folder/);
  });

  it('flags a locale file that a script loads but that is not in the output folder', () => {
    const scripts = new Map([[SCRIPTS.journey, 'var f={"de":"journey.de-Ab_1-xyz.js"};']]);
    assert.deepEqual(validateDist({ ...good, files: new Set([...good.files, 'journey.de-Ab_1-xyz.js']), scripts }), []);
    assertError(validateDist({ ...good, scripts }), SCRIPTS.journey, /"journey\.de-Ab_1-xyz\.js".*not in the output folder/);
  });

  it('flags a relative script URL in a build for a base URL', () => {
    const broken = edit(good, 'analytics-team.xml', (s) => s.replace(`${BASE}${SCRIPTS.analytics}`, SCRIPTS.analytics));
    assertError(validateDist(broken), 'analytics-team.xml', /relative/);
  });

  it('flags our host missing from the content-rewrite exclusions', () => {
    const broken = edit(good, 'journey.xml', (s) => s.replace('<Param name="exclude-url">finesse.example.com:8445</Param>', ''));
    assertError(validateDist(broken), 'journey.xml', /content-rewrite/);
  });

  it('flags the Finesse library loaded from anywhere but the Finesse host', () => {
    const broken = edit(good, 'journey.xml', (s) => s.replace('src="/desktop/assets/js/finesse.js"', `src="${BASE}finesse.js"`));
    assertError(validateDist(broken), 'journey.xml', /finesse\.js/);
  });

  it('warns (without failing) when the scripts are served over http', () => {
    const findings = validateDist(output({ baseUrl: 'http://127.0.0.1:3000/3rdpartygadget/files/cx/' }));
    assert.deepEqual(errors(findings), []);
    assert.ok(findings.some((f) => f.level === 'warning' && /http/.test(f.message)));
  });

  it('npm run validate exits 1 and names the problem for a broken folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-validate-'));
    try {
      for (const [f, s] of good.xml) writeFileSync(join(dir, f), f === 'journey.xml' ? s.replace('<Require feature="settitle"/>', '') : s);
      for (const f of Object.values(SCRIPTS)) writeFileSync(join(dir, f), '(function(){})();');
      const cli = new URL('../../gadget-xml/validate-cli.ts', import.meta.url).pathname;
      const run = spawnSync(process.execPath, ['--import', 'tsx', cli, dir], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /ERROR\s+journey\.xml: .*settitle/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--base-url / --wxm-base-url checks', () => {
  it('accepts absolute http(s) and root-relative folders, adding the final "/"', async () => {
    const { normaliseBaseUrl } = await import('../../gadget-xml/render.js');
    assert.equal(normaliseBaseUrl('https://f.example.com:8445/3rdpartygadget/files/cx', '--base-url', { folder: true }), 'https://f.example.com:8445/3rdpartygadget/files/cx/');
    assert.equal(normaliseBaseUrl('/3rdpartygadget/files/cx', '--base-url', { folder: true }), '/3rdpartygadget/files/cx/');
  });

  it('--wxm-base-url: a comma-separated list of https addresses, normalised; http only on loopback', async () => {
    const { parseWxmBaseUrls } = await import('../../scripts/build.js');
    assert.deepEqual(parseWxmBaseUrls(undefined), ['https://api.getcloudcherry.com']);
    assert.deepEqual(parseWxmBaseUrls('https://WXM.example.com:443/, https://eu.example.com/proxy/,https://wxm.example.com'), [
      'https://wxm.example.com',
      'https://eu.example.com/proxy',
    ]);
    assert.deepEqual(parseWxmBaseUrls('http://127.0.0.1:4001,http://localhost:4001,http://[::1]:4001'), [
      'http://127.0.0.1:4001',
      'http://localhost:4001',
      'http://[::1]:4001',
    ]);
    for (const bad of ['http://wxm.example.com', 'http://10.0.0.1:4001', 'http://127.0.0.2', 'wxm.example.com', 'https://u:p@wxm.example.com', 'https://wxm.example.com/?a=1', ',', 'ftp://wxm.example.com']) {
      assert.throws(() => parseWxmBaseUrls(bad), /--wxm-base-url/, bad);
    }
  });

  it('the build refuses a plain-http WxM address before building anything', async () => {
    const { buildGadgets } = await import('../../scripts/build.js');
    const dir = mkdtempSync(join(tmpdir(), 'cx-no-build-'));
    try {
      await assert.rejects(buildGadgets({ outDir: dir, wxmBaseUrl: 'http://wxm.example.com', quiet: true }), /must use https/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects what would give broken gadget URLs, naming the flag', async () => {
    const { normaliseBaseUrl } = await import('../../gadget-xml/render.js');
    for (const bad of ['finesse.example.com/cx/', 'ftp://f.example.com/cx/', 'https://f.example.com/cx/?a=1', 'https://f.example.com/c x/']) {
      assert.throws(() => normaliseBaseUrl(bad, '--base-url', { folder: true }), /--base-url/, bad);
    }
  });
});
