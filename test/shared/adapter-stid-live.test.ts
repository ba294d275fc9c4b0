/**
 * Where the skill target id comes from, against the emulator's container: `stid=up` hands it over only as the
 * up_cceSkillTargetId parameter (Config has no field), `stid=none` not at all. One user per page: agent 1002.
 */
import { expect } from '@open-wc/testing';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { buildDiagnostics } from '../../shared/ui/diagnostics.js';
import { loadScript, until, world } from './live.js';

const GADGET_URL = 'https://cx.example.com/3rdpartygadget/files/cx/journey.xml';

/** finesse.gadget.Config and the iframe parameters of a gadget page rendered by the emulator with `stid`. */
async function rendered(stid: string) {
  const probe = `${location.origin}/test/fixtures/probe.xml`;
  const frame = document.createElement('iframe');
  frame.title = `probe stid=${stid}`;
  frame.src = `/gadgets/ifr?${new URLSearchParams({ url: probe, user: '1002', stid })}`;
  document.body.append(frame);
  type W = Window & { finesse?: { gadget?: { Config?: Record<string, unknown> } }; gadgets?: { util: { getUrlParameters(): Record<string, string> } } };
  const win = () => frame.contentWindow as W | null;
  await until(() => !!win()?.finesse?.gadget?.Config && !!win()?.gadgets?.util, 10_000, `the stid=${stid} page`);
  const w = win()!;
  const out = { config: { ...w.finesse!.gadget!.Config! }, params: w.gadgets!.util.getUrlParameters() };
  frame.remove();
  return out;
}

describe('skill target id sources (emulated container)', function () {
  this.timeout(30_000);

  it('stid=up: the adapter takes up_cceSkillTargetId and says so in diagnostics', async () => {
    const me = (await world()).agents.find((a) => a.id === '1002')!;
    await loadScript(`/gadgets/container.js?user=1002&stid=up&url=${encodeURIComponent(GADGET_URL)}`);
    await loadScript('/desktop/assets/js/finesse.js');
    const w = window as unknown as { finesse: { gadget: { Config: Record<string, unknown> } } };
    expect(w.finesse.gadget.Config).to.not.have.property('cceSkillTargetId');
    const session = await createFinesseAdapter().connect();
    expect(session.agentIdSource).to.equal('pref');
    expect(session.wxmAgentId).to.equal(me.skillTargetId);
    expect(buildDiagnostics(undefined, { gadget: 'journey' })).to.include('agent id from: cceSkillTargetId UserPref (up_cceSkillTargetId)');
  });

  it('the default (12.6) container passes both; config only Config; none neither', async () => {
    const me = (await world()).agents.find((a) => a.id === '1002')!;
    const both = await rendered('');
    expect(both.config.cceSkillTargetId).to.equal(me.skillTargetId);
    expect(both.params.up_cceSkillTargetId).to.equal(me.skillTargetId);
    expect(both.params.up_id).to.equal('1002');
    const config = await rendered('config');
    expect(config.config.cceSkillTargetId).to.equal(me.skillTargetId);
    expect(config.params).to.not.have.property('up_cceSkillTargetId');
    const none = await rendered('none');
    expect(none.config).to.not.have.property('cceSkillTargetId');
    expect(none.params).to.not.have.property('up_cceSkillTargetId');
  });
});
