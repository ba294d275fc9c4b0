/**
 * `npm run build -- --base-url https://finesse.example.com:8445/3rdpartygadget/files/cx/` (one build for this file):
 * what an admin copies to the Finesse host must be complete and correct.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildGadgets, type BuildResult } from '../../scripts/build.js';
import { contentScripts, elements, parseStrict, text } from './xml-helpers.js';

const BASE = 'https://finesse.example.com:8445/3rdpartygadget/files/cx/';
const GADGET_XMLS = { 'journey.xml': 'journey', 'analytics-agent.xml': 'analytics', 'analytics-team.xml': 'analytics' } as const;
const FEATURES = ['settitle', 'dynamic-height', 'pubsub-2', 'setprefs', 'loadingindicator'];

let dir: string;
let result: BuildResult;
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const scriptOf = (bundle: string) => {
  const found = readdirSync(dir).filter((f) => new RegExp(`^${bundle}-[A-Za-z0-9_-]{6,}\\.js$`).test(f));
  assert.equal(found.length, 1, `exactly one hashed ${bundle} script in ${readdirSync(dir).join(', ')}`);
  return found[0]!;
};
const germanOf = (bundle: string) => {
  const found = readdirSync(dir).filter((f) => new RegExp(`^${bundle}\\.de-[A-Za-z0-9_-]{6,}\\.js$`).test(f));
  assert.equal(found.length, 1, `exactly one hashed German ${bundle} file in ${readdirSync(dir).join(', ')}`);
  return found[0]!;
};
const partOf = (bundle: string, part: string) => {
  const found = readdirSync(dir).filter((f) => new RegExp(`^${bundle}\\.${part}-[A-Za-z0-9_-]{6,}\\.js$`).test(f));
  assert.equal(found.length, 1, `exactly one hashed ${bundle} ${part} part in ${readdirSync(dir).join(', ')}`);
  return found[0]!;
};
const editorOf = (bundle: string) => partOf(bundle, 'note-editor');
const diagnosticsOf = (bundle: string) => partOf(bundle, 'diagnostics');

const fallbackOf = () => {
  const found = readdirSync(dir).filter((f) => /^analytics\.answers-fallback-[A-Za-z0-9_-]{6,}\.js$/.test(f));
  assert.equal(found.length, 1, `exactly one hashed analytics answers-fallback part in ${readdirSync(dir).join(', ')}`);
  return found[0]!;
};
/** The parts beside each gadget script. */
const partsOf = (bundle: 'journey' | 'analytics') => [editorOf(bundle), diagnosticsOf(bundle), ...(bundle === 'analytics' ? [fallbackOf()] : [])];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-build-'));
  result = await buildGadgets({ outDir: dir, baseUrl: BASE, quiet: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('production build with --base-url', () => {

  it('emits the four XML files, one hashed classic script per gadget, its German texts and its parts (note editor, diagnostics), nothing else', () => {
    const files = readdirSync(dir).sort();
    const xml = files.filter((f) => f.endsWith('.xml'));
    assert.deepEqual(xml, ['analytics-agent.xml', 'analytics-team.xml', 'journey.xml', 'layout-snippet.xml']);
    const expected = [...xml, ...(['journey', 'analytics'] as const).flatMap((b) => [scriptOf(b), germanOf(b), ...partsOf(b)])].sort();
    assert.deepEqual(files, expected);
  });

  it('German lives beside each script (a classic script filing its texts), named by the script, not inside it', () => {
    for (const [bundle, title] of [['journey', 'Kundenreise'], ['analytics', 'Kundenerlebnis']] as const) {
      const self: { cxTranslations?: Record<string, Record<string, Record<string, string>>> } = {};
      vm.runInNewContext(read(germanOf(bundle)), { self });
      assert.equal(self.cxTranslations?.de?.[bundle]?.title, title, bundle);
      assert.equal(self.cxTranslations?.de?.shared?.retry, 'Erneut versuchen', bundle);
      const code = read(scriptOf(bundle));
      assert.ok(code.includes(germanOf(bundle)), `${bundle} script names its German file`);
      assert.ok(!code.includes('Erneut versuchen') && !code.includes(title), `${bundle} script carries no German`);
    }
  });

  it('the note editor is a part beside each script: not in the script, registering through the bridge the script sets', () => {
    for (const bundle of ['journey', 'analytics'] as const) {
      const code = read(scriptOf(bundle));
      const part = read(editorOf(bundle));
      assert.deepEqual(result.parts[bundle].sort(), partsOf(bundle).sort());
      assert.ok(code.includes(editorOf(bundle)), `${bundle} script names its note editor file`);
      for (const only of ['Write the note first.', 'Save note', 'api/Answers/Note/']) {
        assert.ok(!code.includes(only) && part.includes(only), `"${only}" is in the ${bundle} part, not in its script`);
      }
      // The part carries no Lit of its own: it renders with the script's, read from self.cxParts.
      assert.ok(!/lit-html|\$lit\$/.test(part) && part.length < 8000, `${bundle} part is small and has no Lit (${part.length} bytes)`);
      let registered: unknown;
      const cxParts = { html: () => '', nothing: {}, defineMessages: () => ({ t: String }), registerPart: (name: string, exports: unknown) => (registered = { name, exports }) };
      vm.runInNewContext(part, { self: { cxParts }, cxParts });
      assert.equal((registered as { name: string }).name, 'note-editor', `${bundle} part registers itself`);
      assert.equal(typeof (registered as { exports: { NoteEditor: unknown } }).exports.NoteEditor, 'function');
    }
  });

  it('the "Copy diagnostics" text builder is a part beside each script, registering through the bridge', () => {
    for (const bundle of ['journey', 'analytics'] as const) {
      const code = read(scriptOf(bundle));
      const part = read(diagnosticsOf(bundle));
      assert.ok(code.includes(diagnosticsOf(bundle)), `${bundle} script names its diagnostics file`);
      for (const only of ['user agent: ', 'retryable: ']) {
        assert.ok(!code.includes(only) && part.includes(only), `"${only}" is in the ${bundle} part, not in its script`);
      }
      let registered: { name: string; exports: { buildDiagnostics(e: unknown, c: unknown): string } } | undefined;
      const cxParts = {
        redact: String,
        diagnosticNotes: () => new Map([['agent id from', 'login']]),
        registerPart: (name: string, exports: never) => (registered = { name, exports }),
      };
      vm.runInNewContext(part, { self: { cxParts }, cxParts, navigator: { userAgent: 'test' }, location: { origin: 'https://x', pathname: '/' } });
      assert.equal(registered?.name, 'diagnostics', `${bundle} part registers itself`);
      assert.match(registered.exports.buildDiagnostics(undefined, { gadget: bundle }), new RegExp(`gadget: ${bundle}[\\s\\S]*agent id from: login`));
    }
  });

  it('the raw-answer fallback is a part beside the analytics script: the streaming fold is in the part, not in the script', () => {
    const code = read(scriptOf('analytics'));
    const part = read(fallbackOf());
    assert.ok(code.includes(fallbackOf()), 'the analytics script names its fallback part');
    // Edge.isNew (which answers an incremental refresh still has to fold) and GroupedFold.groups(): only the fold has them.
    for (const only of ['.isNew(', '.groups()']) {
      assert.ok(!code.includes(only) && part.includes(only), `"${only}" is in the fallback part, not in the analytics script`);
    }
    assert.ok(!/lit-html|\$lit\$/.test(part), 'the part carries no Lit');
    let registered: { name: string; exports: { streamView?: unknown } } | undefined;
    const cxParts = { log: console, registerPart: (name: string, exports: { streamView?: unknown }) => (registered = { name, exports }) };
    vm.runInNewContext(part, { self: { cxParts }, cxParts });
    assert.equal(registered?.name, 'answers-fallback', 'the part registers itself');
    assert.equal(typeof registered?.exports.streamView, 'function');
  });

  it('each XML file is well-formed', () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
      assert.doesNotThrow(() => parseStrict(read(f)), f);
    }
  });

  for (const [file, bundle] of Object.entries(GADGET_XMLS)) {
    it(`${file} is a gadget spec declaring what finesse.js needs`, () => {
      const doc = parseStrict(read(file));
      assert.equal(doc.documentElement?.localName, 'Module');
      const prefs = elements(doc, 'ModulePrefs')[0];
      assert.ok(prefs?.getAttribute('title'), 'ModulePrefs has a title');
      const required = elements(doc, 'Require').map((r) => r.getAttribute('feature'));
      for (const feature of FEATURES) assert.ok(required.includes(feature), `requires ${feature}`);
      const loading = elements(doc, 'Require').find((r) => r.getAttribute('feature') === 'loadingindicator')!;
      const manual = elements(loading, 'Param').find((p) => p.getAttribute('name') === 'manual-dismiss');
      assert.equal(text(manual).trim(), 'true');
      assert.equal(elements(doc, 'Content')[0]?.getAttribute('type'), 'html');
    });

    it(`${file} loads the Finesse library root-relative, then our ${bundle} script from the base URL`, () => {
      const scripts = contentScripts(parseStrict(read(file)));
      assert.deepEqual(scripts, ['/desktop/assets/js/jquery.min.js', '/desktop/assets/js/finesse.js', BASE + scriptOf(bundle)]);
    });

    it(`${file} Content starts with <!DOCTYPE html> and needs no scheme/host/hostPort UserPrefs on Finesse`, () => {
      const doc = parseStrict(read(file));
      assert.match(text(elements(doc, 'Content')[0]), /^<!DOCTYPE html>\n/);
      const prefs = elements(doc, 'UserPref').map((u) => u.getAttribute('name'));
      assert.ok(!prefs.some((p) => p === 'scheme' || p === 'host' || p === 'hostPort'), prefs.join(', '));
    });

    it(`${file} keeps Shindig's content rewriting away from our host`, () => {
      const doc = parseStrict(read(file));
      const rewrite = elements(doc, 'Optional').find((o) => o.getAttribute('feature') === 'content-rewrite');
      assert.ok(rewrite, 'declares <Optional feature="content-rewrite">');
      const excluded = elements(rewrite, 'Param').filter((p) => p.getAttribute('name') === 'exclude-url').map((p) => text(p));
      assert.ok(excluded.includes('finesse.example.com:8445'), `exclude-url for our host in ${excluded.join(', ')}`);
    });
  }

  it('analytics XMLs default their hidden filterTags UserPref to the view they serve', () => {
    for (const [file, tag] of [['analytics-agent.xml', 'cc_AgentId'], ['analytics-team.xml', 'cc_TeamId']] as const) {
      const pref = elements(parseStrict(read(file)), 'UserPref').find((u) => u.getAttribute('name') === 'filterTags');
      assert.equal(pref?.getAttribute('datatype'), 'hidden', file);
      assert.equal(pref?.getAttribute('default_value'), tag, file);
    }
    const journeyPrefs = elements(parseStrict(read('journey.xml')), 'UserPref').map((u) => u.getAttribute('name'));
    assert.ok(!journeyPrefs.includes('wxmBaseUrl'), 'no wxmBaseUrl UserPref (the allowed addresses are in the script)');
  });

  it('without --wxm-base-url the scripts trust the public WxM API only', () => {
    assert.deepEqual(result.wxmBaseUrls, ['https://api.getcloudcherry.com']);
    for (const script of Object.values(result.scripts)) assert.match(read(script), /\[["'`]https:\/\/api\.getcloudcherry\.com["'`]\]/, script);
  });

  it('layout-snippet.xml places each gadget in its role and tab with absolute, whitespace-free URLs', () => {
    const doc = parseStrict(read('layout-snippet.xml'));
    const root = doc.documentElement!;
    assert.equal(root.localName, 'finesseLayout');
    assert.equal(root.namespaceURI, 'http://www.cisco.com/vtg/finesse');
    const placed: string[] = [];
    for (const layout of elements(doc, 'layout')) {
      const role = text(elements(layout, 'role')[0]);
      for (const tab of elements(layout, 'tab')) {
        for (const g of elements(tab, 'gadget')) placed.push(`${role} ${text(elements(tab, 'id')[0])} ${text(g)}`);
      }
    }
    assert.deepEqual(placed.sort(), [
      `Agent home ${BASE}journey.xml`,
      `Agent myStatistics ${BASE}analytics-agent.xml?filterTags=cc_AgentId`,
      `Supervisor home ${BASE}journey.xml`,
      `Supervisor teamData ${BASE}analytics-team.xml?filterTags=cc_TeamId`,
    ]);
    for (const url of placed.map((p) => p.split(' ')[2]!)) {
      const file = new URL(url).pathname.split('/').pop()!;
      assert.ok(readdirSync(dir).includes(file), `${file} exists`);
    }
  });

  it('each gadget script is one self-contained classic script in production mode', () => {
    for (const bundle of ['journey', 'analytics']) {
      const code = read(scriptOf(bundle));
      // Compiles as a classic script: no import/export statements, no untranspiled decorators.
      assert.doesNotThrow(() => new vm.Script(code, { filename: bundle }), bundle);
      assert.ok(!/\bimport\s*\(/.test(code), `${bundle}: no dynamic import left`);
      assert.ok(!code.includes('Lit is in dev mode'), `${bundle}: production Lit`);
      assert.ok(!code.includes('\n\n'), `${bundle}: minified`);
    }
  });

  it('reports the sizes of the scripts and parts it wrote', () => {
    for (const s of result.sizes) {
      assert.equal(s.bytes, readFileSync(join(dir, s.file)).length);
      assert.ok(s.gzipBytes > 0 && s.gzipBytes <= s.bytes + 64, `${s.file} gzip ${s.gzipBytes}`);
    }
    const expected = (['analytics', 'journey'] as const).flatMap((b) => [scriptOf(b), ...partsOf(b)]);
    assert.deepEqual(result.sizes.map((s) => s.file).sort(), expected.sort());
  });

  it('passes its own validator with no errors or warnings', () => {
    assert.deepEqual(result.findings, []);
  });
});
