import { expect } from '@open-wc/testing';
import { DEFAULT_CONFIG, loadConfig } from '../../shared/config/config.js';
import { ANALYTICS_PARAMS } from '../../shared/config/analytics-params.js';

/** As a build for the public API and one regional proxy would allow (the first is the default). */
const ALLOWED = ['https://api.getcloudcherry.com', 'https://eu.wxm.example/api-proxy'];
const load = (query: string, prefs: Record<string, string> = {}, allowed = ALLOWED) => loadConfig(new URLSearchParams(query), prefs, ANALYTICS_PARAMS, allowed);

describe('loadConfig', () => {
  it('gives the documented defaults for an empty query', () => {
    const { config, problems } = load('');
    expect(problems).to.deep.equal([]);
    expect(config).to.deep.equal({
      wxmBaseUrl: 'https://api.getcloudcherry.com',
      tokenSource: 'cherrypoint',
      questionnaires: [],
      metrics: ['nps', 'csat', 'ces'],
      csatFormula: 'top2',
      cesFormula: 'mean',
      minSample: 10,
      targets: {},
      refreshSeconds: 300,
      maskPii: false,
      timeoutMs: 10000,
      theme: 'light',
      aggregates: 'auto',
    });
  });

  it('reads every documented parameter', () => {
    // wxmBaseUrl names the second allowed address, in a non-normalised spelling.
    const { config, problems } = load(
      'wxmBaseUrl=https://eu.wxm.example/api-proxy/&tokenSource=cherrypoint2&filterTags=cc_TeamId&questionnaires=PostCall, Web ,PostCall' +
        '&metrics=csat,NPS&csatFormula=mean&cesFormula=easyShare&minSample=25&targetNps=40&targetCsat=85.5&targetCes=5.5' +
        '&refreshSeconds=0&locale=de_DE&maskPii=TRUE&timeoutMs=5000&theme=Dark&aggregates=OFF',
    );
    expect(problems).to.deep.equal([]);
    expect(config).to.deep.equal({
      wxmBaseUrl: 'https://eu.wxm.example/api-proxy',
      tokenSource: 'cherrypoint2',
      filterTag: 'cc_TeamId',
      questionnaires: ['PostCall', 'Web'],
      metrics: ['csat', 'nps'],
      csatFormula: 'mean',
      cesFormula: 'easyShare',
      minSample: 25,
      targets: { nps: 40, csat: 85.5, ces: 5.5 },
      refreshSeconds: 0,
      locale: 'de-DE',
      maskPii: true,
      timeoutMs: 5000,
      theme: 'dark',
      aggregates: 'off',
    });
  });

  it('lets the URL win over the UserPref, and uses the UserPref otherwise', () => {
    const { config } = load('minSample=20', { minSample: '50', refreshSeconds: '60', maskPii: 'true' });
    expect(config.minSample).to.equal(20);
    expect(config.refreshSeconds).to.equal(60);
    expect(config.maskPii).to.equal(true);
  });

  it('treats empty values as unset', () => {
    const { config, problems } = load('minSample=&wxmBaseUrl=', { timeoutMs: '' });
    expect(problems).to.deep.equal([]);
    expect(config.minSample).to.equal(DEFAULT_CONFIG.minSample);
  });

  const invalid: Array<[string, keyof typeof DEFAULT_CONFIG | 'filterTag' | 'locale']> = [
    ['tokenSource=has space', 'tokenSource'],
    ['filterTags=cc_QueueId', 'filterTag'],
    ['metrics=nps,foo', 'metrics'],
    ['metrics=,', 'metrics'],
    ['csatFormula=median', 'csatFormula'],
    ['cesFormula=top2', 'cesFormula'],
    ['minSample=0', 'minSample'],
    ['minSample=2.5', 'minSample'],
    ['minSample=ten', 'minSample'],
    ['refreshSeconds=10', 'refreshSeconds'],
    ['refreshSeconds=-1', 'refreshSeconds'],
    ['locale=not a locale!', 'locale'],
    ['locale=xx', 'locale'],
    ['locale=qq-QQ', 'locale'],
    ['theme=purple', 'theme'],
    ['maskPii=maybe', 'maskPii'],
    ['timeoutMs=50', 'timeoutMs'],
  ];
  for (const [query, field] of invalid) {
    const param = query.split('=')[0]!;
    it(`reports ${query} naming ${param} and keeps the default`, () => {
      const { config, problems } = load(query);
      expect(problems).to.have.length(1);
      expect(problems[0]!.param).to.equal(param);
      expect(problems[0]!.message).to.include(param);
      expect((config as unknown as Record<string, unknown>)[field]).to.deep.equal((DEFAULT_CONFIG as unknown as Record<string, unknown>)[field]);
    });
  }

  it('takes an unset or empty locale from the Finesse user, and knows a locale we do not translate (fr-CA)', () => {
    expect(load('locale=').config.locale).to.equal(undefined);
    const { config, problems } = load('locale=fr_CA');
    expect(problems).to.deep.equal([]);
    expect(config.locale).to.equal('fr-CA');
  });

  describe('the WxM address: only one this build allows, else no WxM at all', () => {
    it('defaults to the first allowed address', () => {
      const r = load('');
      expect(r.config.wxmBaseUrl).to.equal(ALLOWED[0]);
      expect(r.wxmBlocked).to.equal(undefined);
      expect(load('', {}, ['https://eu.wxm.example/api-proxy']).config.wxmBaseUrl).to.equal('https://eu.wxm.example/api-proxy');
    });

    it('lets the URL or a UserPref pick another allowed address, written in any equivalent form', () => {
      expect(load('wxmBaseUrl=https://EU.wxm.example:443/api-proxy/').config.wxmBaseUrl).to.equal(ALLOWED[1]);
      const fromPref = load('', { wxmBaseUrl: 'https://eu.wxm.example/api-proxy' });
      expect(fromPref.config.wxmBaseUrl).to.equal(ALLOWED[1]);
      expect(fromPref.problems).to.deep.equal([]);
    });

    const refused: Array<[string, string, Record<string, string>]> = [
      ['another https host in the URL', 'wxmBaseUrl=https://catcher.example', {}],
      ['an allowed host under another path', 'wxmBaseUrl=https://api.getcloudcherry.com/other', {}],
      ['an allowed host over plain http', 'wxmBaseUrl=http://api.getcloudcherry.com', {}],
      ['plain http to another host', 'wxmBaseUrl=http://10.1.2.3:8080', {}],
      ['a loopback port the build did not name', 'wxmBaseUrl=http://127.0.0.1:9', {}],
      ['a case variant of the name', 'WXMBASEURL=https://catcher.example', {}],
      ['a saved UserPref or up_ value', '', { wxmBaseUrl: 'https://catcher.example' }],
      ['a malformed value (no fallback to the default)', 'wxmBaseUrl=api.getcloudcherry.com', {}],
      ['credentials in the URL', 'wxmBaseUrl=https://user:pw@api.getcloudcherry.com', {}],
      ['a non-http scheme', 'wxmBaseUrl=ftp://api.getcloudcherry.com', {}],
    ];
    for (const [what, query, prefs] of refused) {
      it(`blocks WxM for ${what}, saying so in words naming the parameter`, () => {
        const { problems, wxmBlocked } = load(query, prefs);
        expect(wxmBlocked, 'blocked').to.not.equal(undefined);
        expect(problems).to.deep.include(wxmBlocked!);
        expect(wxmBlocked!.param).to.equal('wxmBaseUrl');
        expect(wxmBlocked!.message).to.include('wxmBaseUrl');
        expect(wxmBlocked!.message).to.match(/no request to WxM/);
      });
    }

    it('names the refused address and the allowed ones', () => {
      const { wxmBlocked } = load('wxmBaseUrl=https://catcher.example');
      expect(wxmBlocked!.message).to.include('this WxM address (https://catcher.example, wxmBaseUrl from the URL)');
      expect(wxmBlocked!.message).to.include('is not allowed by this build');
      expect(wxmBlocked!.message).to.include(ALLOWED.join(', '));
    });

    it('blocks a disallowed UserPref even though the default would be allowed', () => {
      expect(load('minSample=5', { wxmBaseUrl: 'http://evil.example' }).wxmBlocked).to.not.equal(undefined);
    });
  });

  describe('a parameter given twice with different values', () => {
    it('blocks WxM for wxmBaseUrl + WXMBASEURL, even when both are allowed', () => {
      const { problems, wxmBlocked } = load(`wxmBaseUrl=${ALLOWED[0]}&WXMBASEURL=${ALLOWED[1]}`);
      expect(wxmBlocked?.message).to.match(/more than once with different values \(wxmBaseUrl, WXMBASEURL\)/);
      expect(problems).to.have.length(1);
    });

    it('reports any other parameter and uses its default, in whichever order they come', () => {
      for (const query of ['minSample=20&MINSAMPLE=30', 'MINSAMPLE=30&minSample=20', 'minSample=20&minSample=30']) {
        const { config, problems, wxmBlocked } = load(query);
        expect(config.minSample, query).to.equal(DEFAULT_CONFIG.minSample);
        expect(problems.map((p) => p.param), query).to.deep.equal(['minSample']);
        expect(problems[0]!.message).to.match(/more than once/);
        expect(wxmBlocked).to.equal(undefined);
      }
    });

    it('accepts the same value repeated', () => {
      const { config, problems } = load('minSample=20&MINSAMPLE=20');
      expect(problems).to.deep.equal([]);
      expect(config.minSample).to.equal(20);
    });
  });

  it('reports invalid targets and leaves them unset', () => {
    const { config, problems } = load('targetNps=150&targetCsat=abc&targetCes=0');
    expect(problems.map((p) => p.param)).to.deep.equal(['targetNps', 'targetCsat', 'targetCes']);
    expect(config.targets).to.deep.equal({});
  });

  it('reports an invalid UserPref too', () => {
    const { problems } = load('', { csatFormula: 'best' });
    expect(problems).to.have.length(1);
    expect(problems[0]!.param).to.equal('csatFormula');
    expect(problems[0]!.message).to.match(/UserPref/);
  });

  it('reports unknown parameters but not Finesse\'s own', () => {
    const { problems } = load('filtertag=cc_AgentId&gadgetHeight=400&nocache&up_wxmBaseUrl=x&FilterTags=cc_AgentId');
    expect(problems.map((p) => p.param)).to.deep.equal(['filtertag']);
  });

  it('accepts parameter names in any letter case', () => {
    const { config, problems } = load('MINSAMPLE=30&filtertags=cc_agentid');
    expect(problems).to.deep.equal([]);
    expect(config.minSample).to.equal(30);
    expect(config.filterTag).to.equal('cc_AgentId');
  });

  it('without the analytics parameters (the journey), knows their names but leaves them at their defaults', () => {
    const { config, problems } = loadConfig(new URLSearchParams('minSample=abc&refreshSeconds=60&filterTags=cc_TeamId&timeoutMs=5000&bogus=1'), {}, {}, ALLOWED);
    expect(problems.map((p) => p.param)).to.deep.equal(['bogus']);
    expect([config.minSample, config.refreshSeconds, config.filterTag, config.timeoutMs]).to.deep.equal([DEFAULT_CONFIG.minSample, DEFAULT_CONFIG.refreshSeconds, undefined, 5000]);
  });

  it('ignores unknown UserPrefs (gadget state lives there)', () => {
    expect(load('', { selectedTeam: 'T1' }).problems).to.deep.equal([]);
  });

  it('does not share default arrays between configurations', () => {
    const a = load('').config;
    a.metrics.push('nps');
    a.targets.nps = 1;
    expect(load('').config.metrics).to.deep.equal(['nps', 'csat', 'ces']);
    expect(load('').config.targets).to.deep.equal({});
  });
});
