import { expect } from '@open-wc/testing';
import { DEFAULT_CONFIG, loadConfig } from '../../shared/config/config.js';

const load = (query: string, prefs: Record<string, string> = {}) => loadConfig(new URLSearchParams(query), prefs);

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
    });
  });

  it('reads every documented parameter', () => {
    const { config, problems } = load(
      'wxmBaseUrl=https://eu.wxm.example/api-proxy/&tokenSource=cherrypoint2&filterTags=cc_TeamId&questionnaires=PostCall, Web ,PostCall' +
        '&metrics=csat,NPS&csatFormula=mean&cesFormula=easyShare&minSample=25&targetNps=40&targetCsat=85.5&targetCes=5.5' +
        '&refreshSeconds=0&locale=de_DE&maskPii=TRUE&timeoutMs=5000&theme=Dark',
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
    ['wxmBaseUrl=ftp://x.example', 'wxmBaseUrl'],
    ['wxmBaseUrl=api.getcloudcherry.com', 'wxmBaseUrl'],
    ['wxmBaseUrl=/relative/path', 'wxmBaseUrl'],
    ['wxmBaseUrl=https://user:pw@x.example', 'wxmBaseUrl'],
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
