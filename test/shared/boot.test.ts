/** bootGadget wires adapter → config → token client → WxM client (fake adapter, real emulator behind it). */
import { expect } from '@open-wc/testing';
import { bootGadget } from '../../shared/boot.js';
import type { FinesseAdapter, FinesseSession } from '../../shared/finesse/types.js';
import { testEnv } from '../helpers/env.js';
import { basic } from './live.js';

function fakeAdapter(query: string, prefs: Record<string, string> = {}): FinesseAdapter & { connects: number } {
  const session: FinesseSession = {
    role: 'agent',
    loginId: '1001',
    cceSkillTargetId: '5001',
    wxmAgentId: '5001',
    firstName: 'A',
    lastName: 'B',
    locale: 'en-US',
    supervisedTeams: [],
    finesseOrigin: location.origin,
    authHeader: () => basic('1001'),
  };
  const a = {
    connects: 0,
    async connect() {
      a.connects++;
      return session;
    },
    onCall: () => () => undefined,
    onTabActivated: () => () => undefined,
    gadgetParams: () => new URLSearchParams(query),
    userPrefs: () => prefs,
    setPref: () => undefined,
    adjustHeight: () => undefined,
    dismissLoading: () => undefined,
    setTitle: () => undefined,
  };
  return a;
}

describe('bootGadget', () => {
  it('connects, reads the configuration and gives working WxM services', async () => {
    const env = await testEnv();
    const adapter = fakeAdapter(`wxmBaseUrl=${encodeURIComponent(env.wxmUrl + '/')}&filterTags=cc_AgentId&bogus=1`, { locale: 'de_DE' });
    const services = await bootGadget({ adapter });
    expect(adapter.connects).to.equal(1);
    expect(services.config.wxmBaseUrl).to.equal(env.wxmUrl);
    expect(services.config.filterTag).to.equal('cc_AgentId');
    expect(services.problems.map((p) => p.param)).to.deep.equal(['bogus']);
    expect(services.locale).to.equal('de-DE');
    expect(services.session.wxmAgentId).to.equal('5001');
    const map = await services.wxm.tagMap();
    expect(map.nps.length).to.be.greaterThan(0);
    services.tokens.dispose();
  });

  it('uses the Finesse user\'s locale when no override is configured', async () => {
    const services = await bootGadget({ adapter: fakeAdapter('') });
    expect(services.locale).to.equal('en-US');
    expect(services.config.wxmBaseUrl).to.equal('https://api.getcloudcherry.com');
    services.tokens.dispose();
  });
});
