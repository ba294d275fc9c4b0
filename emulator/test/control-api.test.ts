/** Contract tests: the control API (/_emulator/...) and the call lifecycle it pushes to finesse.js over SSE. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import type { SurveyArgs } from '../src/finesse/survey-hook.js';
import { basic, json, sse, start } from './finesse-helpers.js';

describe('control API', () => {
  let emu: RunningEmulator;
  let f: string;
  const surveys: SurveyArgs[] = [];
  let surveyFails = false;

  before(async () => {
    emu = await start({
      postCallSurvey: async (args) => {
        surveys.push(args);
        if (surveyFails) throw new Error('WxM answered 503');
        return { ok: true };
      },
    });
    f = emu.finesseUrl;
  });
  after(() => emu.close());
  beforeEach(() => {
    surveys.length = 0;
    surveyFails = false;
  });

  describe('listings and login', () => {
    it('lists agents with their team ids and supervisors with supervised team ids', async () => {
      const { status, body } = await json(f, '/_emulator/agents');
      assert.equal(status, 200);
      assert.equal(body.agents.length, emu.world.agents.length);
      const teamIds = new Set(emu.world.teams.map((t) => t.id));
      for (const a of body.agents) assert.ok(teamIds.has(a.teamId), a.id);
      assert.ok(body.supervisors.length > 0);
      for (const s of body.supervisors) {
        assert.ok(s.supervisedTeamIds.length > 0);
        for (const t of s.supervisedTeamIds) assert.ok(teamIds.has(t));
      }
    });

    it('says which identifiers and mobile forms a customer\'s answers carry', async () => {
      const { body } = await json(f, '/_emulator/customers?limit=10000');
      const mixed = body.customers.find((c: { traits: string[] }) => c.traits.includes('mobile-formats'));
      assert.deepEqual(mixed.carries, { customerId: 0, mobile: mixed.surveyCount, email: 0 });
      assert.deepEqual(mixed.mobileForms, ['e164', 'digits', 'national', 'formatted']);
      const canonical = body.customers.find((c: { traits: string[] }) => c.traits.includes('mobile-only'));
      assert.deepEqual(canonical.mobileForms, ['e164']);
      const plain = body.customers.filter((c: { traits: string[] }) => c.traits.length === 0);
      assert.ok(plain.every((c: { carries: { customerId: number }; surveyCount: number }) => c.carries.customerId === c.surveyCount));
      assert.ok(body.customers.some((c: { traits: string[]; carries: { customerId: number }; surveyCount: number }) =>
        c.traits.includes('partial-ids') && c.carries.customerId < c.surveyCount));
    });

    it('lists customers with identifiers, survey counts and traits; limit and trait filter', async () => {
      const { body } = await json(f, '/_emulator/customers?limit=7');
      assert.equal(body.customers.length, 7);
      for (const c of body.customers) {
        assert.equal(typeof c.id, 'string');
        assert.ok('mobile' in c && 'email' in c);
        assert.equal(typeof c.surveyCount, 'number');
        assert.ok(Array.isArray(c.traits));
        assert.equal(typeof c.carries.customerId, 'number');
        assert.ok(Array.isArray(c.mobileForms));
      }
      const trait = emu.world.customers.flatMap((c) => c.traits ?? [])[0];
      assert.ok(trait, 'the seeded world marks some customers with traits');
      const expected = emu.world.customers.filter((c) => c.traits?.includes(trait)).length;
      const filtered = (await json(f, `/_emulator/customers?limit=10000&trait=${trait}`)).body.customers;
      assert.equal(filtered.length, expected);
      assert.ok(filtered.every((c: { traits: string[] }) => c.traits.includes(trait)));
    });

    it('logs in an agent or a supervisor and returns working Basic credentials', async () => {
      const agent = emu.world.agents[5]!;
      const a = await json(f, '/_emulator/login', { body: { agentId: agent.id } });
      assert.equal(a.status, 200);
      assert.equal(a.body.id, agent.id);
      assert.equal(a.body.role, 'agent');
      assert.equal(a.body.authorization, basic(agent.id));
      const token = await json(f, '/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', {
        headers: { Authorization: a.body.authorization },
      });
      assert.equal(token.status, 200);
      const sup = emu.world.supervisors[0]!;
      const s = await json(f, '/_emulator/login', { body: { supervisorId: sup.id } });
      assert.equal(s.body.role, 'supervisor');
      assert.deepEqual(s.body.supervisedTeamIds, sup.supervisedTeamIds);
      assert.equal((await json(f, '/_emulator/login', { body: { agentId: 'nobody' } })).status, 404);
      // A plain agent is not a supervisor.
      assert.equal((await json(f, '/_emulator/login', { body: { supervisorId: agent.id } })).status, 404);
    });

    it('routes a call without `user` to the agent who logged in last', async () => {
      const agent = emu.world.agents[9]!;
      await json(f, '/_emulator/login', { body: { agentId: agent.id } });
      const { body } = await json(f, '/_emulator/calls', { body: { ani: '+15550001' } });
      const dialogs = (await json(f, `/_emulator/users/${agent.id}/dialogs`)).body.dialogs;
      assert.deepEqual(dialogs.map((d: { id: string }) => d.id), [body.id]);
      await json(f, `/_emulator/calls/${body.id}/end`, { body: {} });
    });

    it('serves the user as finesse.js reads it', async () => {
      const sup = emu.world.supervisors[0]!;
      const { body } = await json(f, `/_emulator/users/${sup.id}`);
      assert.equal(body.firstName, sup.firstName);
      assert.deepEqual(body.roles, ['Agent', 'Supervisor']);
      assert.deepEqual(
        body.supervisedTeams.map((t: { id: string }) => t.id),
        sup.supervisedTeamIds,
      );
      assert.ok(body.supervisedTeams.every((t: { name: string; uri: string }) => t.name && t.uri));
      assert.equal((await json(f, '/_emulator/users/nobody')).status, 404);
    });
  });

  describe('call lifecycle', () => {
    it('ALERTING → ACTIVE → HELD → ACTIVE → DROPPED → removed, each pushed over SSE in order', async () => {
      const agent = emu.world.agents[2]!;
      const customer = emu.world.customers.find((c) => c.mobile)!;
      const events = await sse(f, agent.id);
      try {
        const snapshot = await events.next((e) => e.event === 'snapshot');
        assert.deepEqual(snapshot.data.dialogs, []);
        const placed = await json(f, '/_emulator/calls', { body: { user: agent.id, customerId: customer.id, podIdForm: 'bare' } });
        assert.equal(placed.status, 200);
        const id = placed.body.id;
        const ringing = (await events.next((e) => e.event === 'dialog')).data;
        assert.equal(ringing.id, id);
        assert.equal(ringing.state, 'ALERTING');
        assert.equal(ringing.fromAddress, customer.mobile);
        assert.equal(ringing.mediaProperties['user.POD.ID'], customer.id);
        assert.equal(ringing.mediaProperties.callType, 'ACD_IN');
        const mine = (d: { participants: { mediaAddress: string; state: string }[] }) =>
          d.participants.find((p) => p.mediaAddress === agent.extension)?.state;
        assert.equal(mine(ringing), 'ALERTING');

        await json(f, `/_emulator/calls/${id}/answer`, { body: {} });
        const active = (await events.next((e) => e.event === 'dialog')).data;
        assert.equal(active.state, 'ACTIVE');
        assert.equal(mine(active), 'ACTIVE');

        await json(f, `/_emulator/calls/${id}/hold`, { body: {} });
        assert.equal(mine((await events.next((e) => e.event === 'dialog')).data), 'HELD');
        await json(f, `/_emulator/calls/${id}/resume`, { body: {} });
        assert.equal(mine((await events.next((e) => e.event === 'dialog')).data), 'ACTIVE');

        const ended = await json(f, `/_emulator/calls/${id}/end`, { body: {} });
        assert.equal(ended.status, 200);
        const dropped = await events.next((e) => e.event === 'dialog' || e.event === 'dialogRemoved');
        assert.equal(dropped.event, 'dialog');
        assert.equal(dropped.data.state, 'DROPPED');
        const removed = await events.next();
        assert.deepEqual([removed.event, removed.data.id], ['dialogRemoved', id]);
        assert.deepEqual((await json(f, `/_emulator/users/${agent.id}/dialogs`)).body.dialogs, []);
        assert.equal((await json(f, `/_emulator/calls/${id}/answer`, { body: {} })).status, 404);
      } finally {
        events.close();
      }
    });

    it('consult opens a second dialog for the same agent and holds the first', async () => {
      const agent = emu.world.agents[4]!;
      const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, ani: '+14085550111', survey: false } });
      await json(f, `/_emulator/calls/${body.id}/answer`, { body: {} });
      const consult = await json(f, `/_emulator/calls/${body.id}/consult`, { body: { to: '7999' } });
      assert.notEqual(consult.body.id, body.id);
      const dialogs = (await json(f, `/_emulator/users/${agent.id}/dialogs`)).body.dialogs;
      assert.equal(dialogs.length, 2);
      const first = dialogs.find((d: { id: string }) => d.id === body.id);
      const second = dialogs.find((d: { id: string }) => d.id === consult.body.id);
      assert.equal(first.participants.find((p: { mediaAddress: string }) => p.mediaAddress === agent.extension).state, 'HELD');
      assert.equal(second.callType, 'CONSULT');
      assert.equal(second.state, 'ACTIVE');
      await json(f, `/_emulator/calls/${consult.body.id}/end`, { body: {} });
      await json(f, `/_emulator/calls/${body.id}/end`, { body: {} });
      assert.equal(surveys.length, 0, 'no survey when the call opted out, none for a consult');
    });

    it('a typed POD.ID (k=v pairs), an ANI, "withheld" and "none" arrive as given', async () => {
      const agent = emu.world.agents[6]!;
      const pod = 'cc_CustomerId=X-1;Email=a@example.com;Mobile=+4930123';
      const a = (await json(f, '/_emulator/calls', { body: { user: agent.id, podId: pod, ani: '+4930123', survey: false } })).body;
      assert.equal(a.dialog.mediaProperties['user.POD.ID'], pod);
      const b = (await json(f, '/_emulator/calls', { body: { user: agent.id, ani: 'withheld', podIdKey: 'POD.ID', podId: 'C9' } })).body;
      assert.equal(b.dialog.fromAddress, 'anonymous');
      assert.equal(b.dialog.mediaProperties['POD.ID'], 'C9');
      assert.equal(b.dialog.mediaProperties['user.POD.ID'], undefined);
      const c = (await json(f, '/_emulator/calls', { body: { user: agent.id, ani: 'none' } })).body;
      assert.equal(c.dialog.fromAddress, '');
      assert.equal(c.dialog.mediaProperties['user.POD.ID'], undefined);
      for (const d of [a, b, c]) await json(f, `/_emulator/calls/${d.id}/end`, { body: {} });
    });

    it("writes a world customer's POD.ID in each real spelling on request, and mixes them by default", async () => {
      const agent = emu.world.agents[6]!;
      const c = emu.world.customers.find((x) => x.mobile && x.email)!;
      const want = {
        cisco: `cc_CustomerId=${c.id};emailId=${c.email};mobile=${c.mobile}`,
        classic: `cc_CustomerId=${c.id};Email=${c.email};Mobile=${c.mobile}`,
        generic: `customerId=${c.id};email=${c.email};phone=${c.mobile}`,
        bare: c.id,
      };
      for (const [podIdForm, pod] of Object.entries(want)) {
        const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, customerId: c.id, podIdForm, survey: false } });
        assert.equal(body.dialog.mediaProperties['user.POD.ID'], pod, podIdForm);
        await json(f, `/_emulator/calls/${body.id}/end`, { body: {} });
      }
      const forms = new Set<string>();
      for (const x of emu.world.customers.slice(0, 40)) {
        const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, customerId: x.id, survey: false } });
        const pod: string = body.dialog.mediaProperties['user.POD.ID'];
        forms.add(pod === x.id ? 'bare' : pod.split('=')[0]! + (pod.includes('emailId=') || pod.includes('mobile=') ? ':cisco' : ''));
        await json(f, `/_emulator/calls/${body.id}/end`, { body: {} });
      }
      assert.ok(forms.size >= 3, `the default mixes spellings: ${[...forms].join(', ')}`);
      assert.ok(forms.has('cc_CustomerId:cisco'), "Cisco's own spelling is among them");
      assert.equal((await json(f, '/_emulator/calls', { body: { user: agent.id, customerId: c.id, podIdForm: 'weird' } })).status, 400);
    });

    it('dials out: fromAddress is the agent, the customer is toAddress and dialedNumber; INITIATED until the customer answers', async () => {
      const agent = emu.world.agents[5]!;
      const c = emu.world.customers.find((x) => x.mobile)!;
      const events = await sse(f, agent.id);
      try {
        await events.next((e) => e.event === 'snapshot');
        const placed = await json(f, '/_emulator/dial', { body: { user: agent.id, customerId: c.id } });
        assert.equal(placed.status, 200);
        const ringing = (await events.next((e) => e.event === 'dialog')).data;
        assert.equal(ringing.state, 'INITIATED');
        assert.equal(ringing.callType, 'OUT');
        assert.equal(ringing.fromAddress, agent.extension);
        assert.equal(ringing.toAddress, c.mobile);
        assert.equal(ringing.mediaProperties.dialedNumber, c.mobile);
        assert.equal(ringing.mediaProperties['user.POD.ID'], undefined, 'an agent dial carries no POD.ID');
        const state = (d: { participants: { mediaAddress: string; state: string }[] }, who: string) => d.participants.find((p) => p.mediaAddress === who)?.state;
        assert.equal(state(ringing, agent.extension), 'INITIATED');
        assert.equal(state(ringing, c.mobile!), 'ALERTING');
        await json(f, `/_emulator/calls/${placed.body.id}/answer`, { body: {} });
        const active = (await events.next((e) => e.event === 'dialog')).data;
        assert.equal(active.state, 'ACTIVE');
        assert.equal(state(active, agent.extension), 'ACTIVE');
        assert.equal((await json(f, `/_emulator/calls/${placed.body.id}/end`, { body: {} })).body.survey, 'skipped');
      } finally {
        events.close();
      }
      const dialer = (await json(f, '/_emulator/dial', { body: { user: agent.id, to: '+442079460958', callType: 'OUTBOUND', podId: 'cc_CustomerId=X;mobile=+442079460958' } })).body;
      assert.equal(dialer.dialog.state, 'ALERTING', 'an Outbound Option dialer call rings the agent');
      assert.equal(dialer.dialog.toAddress, '+442079460958');
      assert.equal(dialer.dialog.mediaProperties['user.POD.ID'], 'cc_CustomerId=X;mobile=+442079460958');
      await json(f, `/_emulator/calls/${dialer.id}/end`, { body: {} });
      assert.equal((await json(f, '/_emulator/dial', { body: { user: agent.id, to: '+1555', callType: 'ACD_IN' } })).status, 400);
      assert.equal((await json(f, '/_emulator/dial', { body: { user: agent.id } })).status, 400);
    });

    it('rejects unknown users, customers and calls', async () => {
      assert.equal((await json(f, '/_emulator/calls', { body: { user: 'nobody' } })).status, 404);
      assert.equal((await json(f, '/_emulator/calls', { body: { customerId: 'nobody' } })).status, 404);
      assert.equal((await json(f, '/_emulator/calls/123/end', { body: {} })).status, 404);
      const bad = await fetch(`${f}/_emulator/calls`, { method: 'POST', body: '{oops' });
      assert.equal(bad.status, 400);
    });
  });

  describe('post-call survey trigger', () => {
    it('an answered inbound call runs the survey with the call context from POD.ID', async () => {
      const agent = emu.world.agents[7]!;
      const pod = 'cc_CustomerId=C-77;Mobile=+1 (408) 555-0199;Email=Someone@Example.com';
      const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, podId: pod, ani: '+19999', queueId: '3002' } });
      await json(f, `/_emulator/calls/${body.id}/answer`, { body: {} });
      const ended = await json(f, `/_emulator/calls/${body.id}/end`, { body: { wait: true, answers: { nps: 9 } } });
      assert.equal(ended.body.survey.status, 'done');
      assert.equal(surveys.length, 1);
      const s = surveys[0]!;
      assert.equal(s.call.agentId, agent.skillTargetId);
      assert.equal(s.call.teamId, agent.teamId);
      assert.equal(s.call.customerId, 'C-77');
      assert.equal(s.call.mobile, '+14085550199');
      assert.equal(s.call.email, 'someone@example.com');
      assert.equal(s.call.queueId, '3002');
      assert.equal(s.call.channel, 'voice');
      assert.deepEqual(s.answers, { nps: 9 });
      assert.equal(s.wxmUrl, emu.wxmUrl);
      assert.equal(s.cloudConnectUrl, emu.finesseUrl);
    });

    it('a bare POD.ID is the customer id; without POD.ID the ANI is the mobile', async () => {
      const agent = emu.world.agents[8]!;
      for (const body of [{ podId: 'C-5' }, { ani: '+4930999' }]) {
        const { body: placed } = await json(f, '/_emulator/calls', { body: { user: agent.id, ...body } });
        await json(f, `/_emulator/calls/${placed.id}/answer`, { body: {} });
        await json(f, `/_emulator/calls/${placed.id}/end`, { body: { wait: true } });
      }
      assert.deepEqual(
        surveys.map((s) => [s.call.customerId, s.call.mobile]),
        [
          ['C-5', undefined],
          [undefined, '+4930999'],
        ],
      );
    });

    it('no survey for an unanswered call or an outbound call', async () => {
      const agent = emu.world.agents[10]!;
      const ringing = (await json(f, '/_emulator/calls', { body: { user: agent.id, ani: '+1555' } })).body;
      assert.equal((await json(f, `/_emulator/calls/${ringing.id}/end`, { body: {} })).body.survey, 'skipped');
      const out = (await json(f, '/_emulator/calls', { body: { user: agent.id, ani: '+1555', callType: 'OUT' } })).body;
      await json(f, `/_emulator/calls/${out.id}/answer`, { body: {} });
      assert.equal((await json(f, `/_emulator/calls/${out.id}/end`, { body: {} })).body.survey, 'skipped');
      assert.equal(surveys.length, 0);
    });

    it("an outbound call's survey (on request) carries the customer dialed, never the agent's extension", async () => {
      const agent = emu.world.agents[9]!;
      const c = emu.world.customers.find((x) => x.mobile && !x.traits?.length)!;
      const { body } = await json(f, '/_emulator/dial', { body: { user: agent.id, customerId: c.id, survey: true } });
      await json(f, `/_emulator/calls/${body.id}/answer`, { body: {} });
      const ended = await json(f, `/_emulator/calls/${body.id}/end`, { body: { wait: true } });
      assert.equal(ended.body.survey.status, 'done');
      const s = surveys[0]!;
      assert.equal(s.call.mobile, `+${c.mobile!.replace(/\D/g, '')}`);
      assert.notEqual(s.call.mobile, `+${agent.extension}`);
      assert.equal(s.call.agentId, agent.skillTargetId);
      // With Cisco's POD.ID on the outbound call, the customer id comes from it.
      const withPod = (await json(f, '/_emulator/dial', { body: { user: agent.id, customerId: c.id, podIdForm: 'cisco', survey: true } })).body;
      await json(f, `/_emulator/calls/${withPod.id}/answer`, { body: {} });
      await json(f, `/_emulator/calls/${withPod.id}/end`, { body: { wait: true } });
      assert.equal(surveys[1]!.call.customerId, c.id);
      assert.equal(surveys[1]!.call.email, c.email?.toLowerCase());
    });

    it('a failing survey never breaks the call flow, and is recorded', async () => {
      surveyFails = true;
      const agent = emu.world.agents[11]!;
      const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, podId: 'C-1' } });
      await json(f, `/_emulator/calls/${body.id}/answer`, { body: {} });
      const ended = await json(f, `/_emulator/calls/${body.id}/end`, { body: { wait: true } });
      assert.equal(ended.status, 200);
      assert.equal(ended.body.survey.status, 'failed');
      assert.deepEqual((await json(f, `/_emulator/users/${agent.id}/dialogs`)).body.dialogs, []);
      const log = (await json(f, '/_emulator/surveys')).body.surveys;
      assert.equal(log[0].dialogId, body.id);
      assert.equal(log[0].status, 'failed');
      // The next call works as usual.
      assert.equal((await json(f, '/_emulator/calls', { body: { user: agent.id, survey: false } })).status, 200);
    });
  });

  describe('supervisor monitor', () => {
    it('opens a SUPERVISOR_MONITOR dialog on the supervisor desktop, without customer data', async () => {
      const sup = emu.world.supervisors[0]!;
      const agent = emu.world.agents.find((a) => sup.supervisedTeamIds.includes(a.teamId))!;
      const events = await sse(f, sup.id);
      try {
        await events.next((e) => e.event === 'snapshot');
        const { status, body } = await json(f, '/_emulator/monitor', { body: { supervisor: sup.id, agent: agent.id } });
        assert.equal(status, 200);
        const d = (await events.next((e) => e.event === 'dialog')).data;
        assert.equal(d.id, body.id);
        assert.equal(d.callType, 'SUPERVISOR_MONITOR');
        assert.equal(d.mediaProperties.callType, 'SUPERVISOR_MONITOR');
        assert.equal(d.mediaProperties['user.POD.ID'], undefined);
        assert.equal(d.toAddress, agent.extension);
        await json(f, `/_emulator/calls/${body.id}/end`, { body: {} });
        assert.equal(surveys.length, 0);
      } finally {
        events.close();
      }
      assert.equal((await json(f, '/_emulator/monitor', { body: { supervisor: agent.id, agent: agent.id } })).status, 404);
    });
  });

  describe('faults and limits', () => {
    const token = async () =>
      (
        await json(f, '/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', {
          headers: { Authorization: basic(emu.world.agents[0]!.id) },
        })
      ).body.access_token as string;
    const settings = async (t: string) =>
      (await fetch(`${emu.wxmUrl}/api/settings`, { headers: { Authorization: `Bearer ${t}` } })).status;

    it('adds WxM faults that the WxM API applies, lists them, and clears them', async () => {
      const t = await token();
      const added = await json(f, '/_emulator/faults', { body: { route: '/api/settings', status: 503, count: 1 } });
      assert.equal(added.status, 200);
      assert.equal(added.body.faults.length, 1);
      assert.equal(await settings(t), 503);
      assert.equal(await settings(t), 200, 'count 1: used up');
      await json(f, '/_emulator/faults', { body: { route: '*', status: 429 } });
      assert.equal(await settings(t), 429);
      const cleared = await json(f, '/_emulator/faults', { method: 'DELETE' });
      assert.deepEqual(cleared.body.faults, []);
      assert.equal(await settings(t), 200);
      assert.equal((await json(f, '/_emulator/faults', { body: { status: 500 } })).status, 400, 'route is required');
    });

    it('sets the WxM rate limit', async () => {
      const t = await token();
      const r = await json(f, '/_emulator/rate-limit', { body: { max: 2, windowMs: 60_000 } });
      assert.deepEqual(r.body, { max: 2, windowMs: 60_000 });
      const statuses = [await settings(t), await settings(t), await settings(t)];
      assert.deepEqual(statuses, [200, 200, 429]);
      await json(f, '/_emulator/rate-limit', { body: { max: 1000, windowMs: 1000 } });
    });

    it('reports the control state', async () => {
      await json(f, '/_emulator/cloudconnect', { body: { down: true } });
      const s = (await json(f, '/_emulator/state')).body;
      assert.equal(s.cloudConnect.down, true);
      await json(f, '/_emulator/cloudconnect', { body: { down: false } });
      assert.equal((await json(f, '/_emulator/cloudconnect', { body: { down: 'yes' } })).status, 400);
    });
  });
});
