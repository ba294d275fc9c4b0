/*
 * "Run the feedback loop demo" on an agent's emulated desktop: a customer calls, the agent answers, the journey
 * gadget shows the caller's history, the call ends, CVP's post-call survey lands in WxM with the call's context,
 * My Statistics refreshes (ACTIVE_TAB) with one more response, and the customer's next call shows the new survey
 * on top. Every step is narrated in a log (an ARIA live region). `?demo=1` runs it on load; `demoPace=ms` sets
 * the pause between steps (default 3000). What it states about WxM comes from /_emulator/demo/facts; what it
 * states about the gadgets is read from their pages (same origin), or it says it could not read them.
 */
(function () {
  'use strict';
  var d = window.__cxDesktopApi;
  if (!d) return;
  var el = d.el;
  var params = new URLSearchParams(location.search);
  var pace = Number(params.get('demoPace'));
  if (!Number.isFinite(pace) || pace < 0) pace = 3000;

  var lines = el('ol');
  // A list cannot carry role=log: the live region wraps it (focusable, since it scrolls).
  var log = el('div', { class: 'demo-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Feedback loop demo narration', tabindex: '0' }, [lines]);
  var button = el('button', { type: 'button', class: 'demo-run', text: 'Run the feedback loop demo' });
  var section = el('section', { 'aria-labelledby': 'h-demo', class: 'demo' }, [
    el('h3', { id: 'h-demo', text: 'Feedback loop demo' }),
    el('p', { class: 'muted hint', text: 'Call → answer → journey → end → post-call survey → My Statistics → the next call. Uses the survey answers typed above (blank: random).' }),
    button,
    log,
  ]);
  // First in the panel, right under the status line: it is what an admin shows.
  var status = document.getElementById('control-status');
  if (status && status.nextSibling) d.aside.insertBefore(section, status.nextSibling);
  else d.aside.append(section);

  var started = 0;
  function narrate(text, kind) {
    var secs = started ? ((performance.now() - started) / 1000).toFixed(1) + ' s · ' : '';
    lines.append(el('li', { class: kind || '', text: secs + text }));
    log.scrollTop = log.scrollHeight;
  }
  var sleep = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };

  // ---- reading the gadgets (their iframes are on this origin) ----
  function deepAll(root, selector) {
    var out = [];
    (function walk(node) {
      node.querySelectorAll(selector).forEach(function (x) { out.push(x); });
      node.querySelectorAll('*').forEach(function (x) { if (x.shadowRoot) walk(x.shadowRoot); });
    })(root);
    return out;
  }
  function gadgetDoc(kind) {
    var f = d.frames.filter(function (x) { return (x.box.getAttribute('data-gadget-url') || '').indexOf(kind) >= 0; })[0];
    try { return f && f.iframe.contentDocument; } catch (e) { return null; }
  }
  /** The NPS card of the analytics gadget: {n, value} or null when it cannot be read. */
  function analyticsNps() {
    var doc = gadgetDoc('analytics');
    if (!doc) return null;
    if (deepAll(doc, '[part~=refreshing]').length) return null;
    var card = deepAll(doc, '[part~=kpi][data-metric=nps]')[0];
    var root = card && (card.shadowRoot || card);
    var nEl = root && root.querySelector('[part~=kpi-n]');
    var vEl = root && root.querySelector('[part~=kpi-value]');
    if (!vEl) return null;
    var digits = nEl ? nEl.textContent.replace(/[^0-9]/g, '') : '';
    return { n: digits ? Number(digits) : 0, value: vEl.textContent.trim() };
  }
  /** Opens the analytics tab (ACTIVE_TAB → the gadget refreshes) and resolves with the NPS card once loaded. */
  function refreshedNps(tab, ms) {
    d.selectTab(tab);
    var doc = function () { return gadgetDoc('analytics'); };
    return waitFor(function () { var x = doc(); return x && deepAll(x, '[part~=refreshing]').length > 0; }, 1500)
      .then(function () { return waitFor(analyticsNps, ms); });
  }
  function journeyEntries() {
    var doc = gadgetDoc('journey');
    return doc ? deepAll(doc, 'cx-journey-entry') : null;
  }
  function waitFor(test, ms) {
    var until = performance.now() + ms;
    return (function poll() {
      var v = test();
      if (v || performance.now() > until) return Promise.resolve(v);
      return sleep(250).then(poll);
    })();
  }

  // ---- the steps ----
  // On a supervisor's desktop the calls ring an agent of the first supervised team, and Team Data shows the loop.
  var sup = d.role === 'supervisor';
  var target = d.user;
  if (sup) {
    var teamId = d.user.supervisedTeams.length ? d.user.supervisedTeams[0].id : d.user.teamId;
    target = d.agents.agents.filter(function (a) { return a.teamId === teamId; })[0] || d.user;
  }
  function facts(customerId) { return d.api('POST', '/_emulator/demo/facts', { agent: target.id, customer: customerId }); }
  function pickCustomer() {
    return d.api('GET', '/_emulator/customers?limit=200').then(function (r) {
      // Someone with a short history and no fixture quirks: the journey is readable at a glance.
      var ok = r.customers.filter(function (c) { return !c.traits.length && c.surveyCount >= 2 && c.surveyCount <= 12; });
      return ok[0] || r.customers[0];
    });
  }
  function scores(n) {
    var parts = [];
    if (n.nps !== null) parts.push('NPS ' + n.nps);
    if (n.csat !== null) parts.push('CSAT ' + n.csat);
    if (n.ces !== null) parts.push('CES ' + n.ces);
    return parts.join(', ') + (n.comment ? ', comment \u201c' + n.comment + '\u201d' : '');
  }

  // A note on an answer the way a gadget writes it: Finesse credentials → Cloud Connect token → WxM note route.
  // (The emulator's convention: every Finesse user's password is "emulator".) The token is never narrated.
  async function followUp(answerId, text) {
    if (!d.wxmOrigin) return { ok: false, error: 'this desktop has no WxM origin (wxm=keep)' };
    var tokenRes = await fetch('/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', {
      headers: { Authorization: 'Basic ' + btoa(d.user.id + ':emulator') },
    });
    if (!tokenRes.ok) return { ok: false, error: 'the token service answered ' + tokenRes.status };
    var token = (await tokenRes.json()).access_token;
    var res = await fetch(d.wxmOrigin + '/api/Answers/Note/' + encodeURIComponent(answerId), {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ note: text }),
    });
    if (!res.ok) return { ok: false, error: 'WxM answered ' + res.status };
    var notes = (await res.json()).notes || [];
    var mine = notes[notes.length - 1];
    return { ok: !!mine && mine.note === text, authorName: mine && mine.authorName, error: 'the answer came back without the note' };
  }

  async function run() {
    started = performance.now();
    var analyticsTab = sup ? 'teamData' : 'myStatistics';
    var tabName = sup ? 'Team Data' : 'My Statistics';
    var who = sup ? target.firstName + ' ' + target.lastName + '\u2019s desktop (an agent of your team)' : 'this desktop';
    var customer = await pickCustomer();
    // Lets a terminal runner (scripts/demo-loop.ts) mask the caller's details in what it echoes.
    window.__cxDemo.customer = { id: customer.id, name: customer.name, mobile: customer.mobile, email: customer.email };
    var was = await facts(customer.id);
    // What the analytics tab shows now (refreshed, so that "before" is not stale).
    var npsBefore = await refreshedNps(analyticsTab, 15000);
    narrate('Customer ' + customer.name + ' (' + customer.id + ') has ' + was.customerResponses + ' surveys in WxM; ' +
      (sup ? target.firstName : 'you (' + target.firstName) + ', skill target id ' + target.skillTargetId + (sup ? ' has ' : ') have ') + was.agentResponses + ' responses' +
      (npsBefore ? '; ' + tabName + ' counts ' + npsBefore.n + (sup ? ' for the team' : ' of them') + ' in its period (NPS ' + npsBefore.value + ').' : '.'));

    d.selectTab('home');
    var call = await d.api('POST', '/_emulator/calls', { user: target.id, customerId: customer.id });
    narrate('1. ' + customer.name + ' calls: call #' + call.id + ' rings on ' + who + ' (ANI = the customer\u2019s mobile, POD.ID = the customer id).');
    await sleep(pace);
    await d.api('POST', '/_emulator/calls/' + call.id + '/answer', {});
    narrate('2. The agent answers. Finesse gives the gadgets the call\u2019s POD.ID, the journey gadget looks the caller up in WxM.');
    var entries = sup ? null : await waitFor(function () { var e = journeyEntries(); return e && e.length ? e : null; }, Math.max(pace, 8000));
    narrate('3. The journey gadget shows the caller\u2019s history: ' + (entries ? entries.length + ' surveys listed' : sup ? was.customerResponses + ' surveys (on the agent\u2019s desktop)' : 'no entries read from the gadget') +
      (was.newest ? ', newest on ' + new Date(was.newest.at).toLocaleDateString() + ' (' + scores(was.newest) + ').' : '.'));
    await sleep(pace);

    var answers = d.surveyAnswers();
    var typed = Object.keys(answers).length ? 'the answers typed in the panel' : 'random answers (seeded)';
    narrate('4. The call ends. CVP plays the post-call survey by voice; the caller gives ' + typed + '\u2026');
    var ended = await d.api('POST', '/_emulator/calls/' + call.id + '/end', { answers: answers, wait: true });
    var survey = ended.survey;
    if (!survey || survey.status !== 'done' || !survey.result || !survey.result.answerId) {
      narrate('The survey did not land: ' + (survey && survey.error ? survey.error : JSON.stringify(survey)) + '. Clear the faults and run again.', 'error');
      return { ok: false };
    }
    var now = await facts(customer.id);
    var pf = now.newest.prefills;
    narrate('5. The answer landed in WxM (' + scores(now.newest) + '). CVP prefilled the call\u2019s context as hidden fields: ' +
      'cc_AgentId = ' + pf.cc_AgentId + ' (the agent\u2019s skill target id), cc_TeamId = ' + pf.cc_TeamId +
      ', cc_CustomerId = ' + pf.cc_CustomerId + ', cc_QueueId = ' + pf.cc_QueueId + '.');
    narrate('   WxM now holds ' + now.agentResponses + ' responses for ' + (sup ? target.firstName : 'you') + ' (was ' + was.agentResponses + ') and ' +
      now.customerResponses + ' surveys for ' + customer.name + ' (was ' + was.customerResponses + ').');
    await sleep(pace);

    narrate('6. Switching to ' + tabName + ': the tab\u2019s ACTIVE_TAB event makes the analytics gadget refresh.');
    var npsAfter = await refreshedNps(analyticsTab, 15000);
    var grewByOne = !!npsAfter && (!npsBefore || npsAfter.n === npsBefore.n + 1);
    if (npsAfter && npsBefore) {
      narrate('   The NPS card now counts ' + npsAfter.n + ' responses (was ' + npsBefore.n + '); NPS ' + npsBefore.value + ' \u2192 ' + npsAfter.value + '.' +
        (grewByOne ? '' : ' That is not one more: other answers for you landed meanwhile, or the card\u2019s period does not include today.'), grewByOne ? '' : 'error');
    }
    if (npsAfter && !npsBefore) narrate('   The NPS card now counts ' + npsAfter.n + ' responses, NPS ' + npsAfter.value + '.');
    if (!npsAfter) narrate('   Could not read a count from the analytics gadget; look at the card.', 'error');
    await sleep(pace);

    d.selectTab('home');
    var again = await d.api('POST', '/_emulator/calls', { user: target.id, customerId: customer.id, survey: false });
    await d.api('POST', '/_emulator/calls/' + again.id + '/answer', {});
    narrate('7. ' + customer.name + ' calls again (call #' + again.id + ', answered).');
    var top = sup ? { agentDesktop: true } : await waitFor(function () {
      var e = journeyEntries();
      return e && e[0] && e[0].entry && e[0].entry.id === survey.result.answerId ? e[0] : null;
    }, Math.max(pace, 10000));
    narrate(sup ? '   WxM\u2019s newest survey for ' + customer.name + ' is the one just given (' + scores(now.newest) + '), so the journey on ' + who + ' shows it on top.'
      : top ? '   The journey shows the survey just given on top: ' + scores(now.newest) + '.'
      : '   The journey did not show the new survey on top in time; look at the gadget.', top ? '' : 'error');
    await sleep(pace);
    await d.api('POST', '/_emulator/calls/' + again.id + '/end', {});
    var note = await followUp(survey.result.answerId, 'Thanked ' + customer.name.split(' ')[0] + ' for the feedback after call #' + again.id + '.');
    narrate(note.ok ? '8. Closing the loop: a note on the new survey, written through WxM’s note route with this desktop’s Cloud Connect token, as a gadget does. WxM keeps it by “' + note.authorName + '” (see “Last notes written”).'
      : '8. The follow-up note was not saved: ' + note.error + '.', note.ok ? '' : 'error');
    if (d.refreshNotes) d.refreshNotes();
    var secs = (performance.now() - started) / 1000;
    narrate('Done in ' + secs.toFixed(1) + ' s. (The second call ended without a survey, so the numbers stay as shown.)', 'done');
    return { ok: !!(top && grewByOne && note.ok), seconds: secs, answerId: survey.result.answerId, customerId: customer.id };
  }

  var running = null;
  function start() {
    if (running) return running;
    lines.replaceChildren();
    started = 0;
    button.disabled = true;
    button.textContent = 'Demo running\u2026';
    d.say('The feedback loop demo is running.');
    running = run().catch(function (err) {
      narrate('The demo stopped: ' + err.message, 'error');
      return { ok: false };
    }).then(function (r) {
      running = null;
      button.disabled = false;
      button.textContent = 'Run the feedback loop demo';
      d.say(r.ok ? 'The feedback loop demo finished.' : 'The feedback loop demo finished with problems (see its log).');
      return r;
    });
    return running;
  }
  button.addEventListener('click', function () { start(); });
  window.__cxDemo = { run: start };
  if (params.get('demo') === '1') setTimeout(start, Math.min(pace, 2000));
})();
