/** bootGadget wires adapter → config → token client → WxM client (fake adapter, real emulator behind it). */
import { expect } from '@open-wc/testing';
import { bootGadget } from '../../shared/boot.js';
import { testEnv } from '../helpers/env.js';
import { basic } from './live.js';
import { FakeAdapter, fakeSession } from '../fakes/adapter.js';

const fakeAdapter = (query: string, prefs: Record<string, string> = {}) =>
  new FakeAdapter({
    query,
    prefs,
    session: fakeSession({ loginId: '1001', cceSkillTargetId: '5001', wxmAgentId: '5001', authHeader: () => basic('1001') }),
  });

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

  it('uses the Finesse user\'s locale when no override is configured, and the first WxM address of the build', async () => {
    const env = await testEnv();
    const services = await bootGadget({ adapter: fakeAdapter('') });
    expect(services.locale).to.equal('en-US');
    // The test server builds the sources with the emulator's WxM as the only allowed address.
    expect(services.config.wxmBaseUrl).to.equal(env.wxmUrl);
    services.tokens.dispose();
  });

  it('with a WxM address the build does not allow, every WxM call fails as a configuration error and nothing is fetched', async () => {
    const fetched: string[] = [];
    const spy: typeof fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const services = await bootGadget({ adapter: fakeAdapter('wxmBaseUrl=https%3A%2F%2Fapi.getcloudcherry.com'), fetch: spy });
    expect(services.problems.map((p) => p.param)).to.deep.equal(['wxmBaseUrl']);
    expect(services.problems[0]!.message).to.match(/is not allowed by this build/);
    for (const call of [() => services.wxm.tagMap(), () => services.wxm.settings(), () => services.wxm.count({}), () => services.wxm.streamAnswers({}).next()]) {
      const error = await call().then(() => undefined, (e: unknown) => e as { code?: string; hop?: string; retryable?: boolean });
      expect(error?.code).to.equal('config-invalid');
      expect(error?.hop).to.equal('config');
      expect(error?.retryable).to.equal(false);
    }
    expect(fetched, 'no request at all: neither WxM nor the token service').to.deep.equal([]);
    services.tokens.dispose();
  });
});
