/*
 * The emulated Finesse desktop (page /?user=ID): gadget iframes with dynamic height, tabs that fire
 * ACTIVE_TAB in their gadgets, and the emulator control panel (calls, monitor, faults).
 */
(function () {
  'use strict';
  var boot = window.__cxDesktop;
  if (!boot) return;
  var user = boot.user;
  var statusEl = document.getElementById('control-status');
  var pageParams = new URLSearchParams(location.search);

  function say(msg) { statusEl.textContent = msg; }
  function api(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error(json.error || 'HTTP ' + res.status);
        return json;
      });
    });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) node.append(c); });
    return node;
  }
  function labelled(text, control) {
    var id = 'cx-' + Math.random().toString(36).slice(2, 9);
    control.id = id;
    return el('div', { class: 'field' }, [el('label', { for: id, text: text }), control]);
  }

  // ---- gadgets ----
  var frames = [];
  document.querySelectorAll('.gadget').forEach(function (box, i) {
    var gadgetUrl = new URL(box.getAttribute('data-gadget-url'), location.href);
    if (boot.wxmUrl && !gadgetUrl.searchParams.has('wxmBaseUrl')) {
      var wxm = new URL(boot.wxmUrl);
      // Listening on all interfaces: the browser reaches WxM on the host it reached the desktop on.
      if (wxm.hostname === '0.0.0.0' || wxm.hostname === '[::]') wxm.hostname = location.hostname;
      gadgetUrl.searchParams.set('wxmBaseUrl', wxm.origin);
    }
    var abs = gadgetUrl.href;
    var iframe = box.querySelector('iframe');
    var fixed = Number(new URL(abs).searchParams.get('gadgetHeight')) || 0;
    iframe.style.height = (fixed || 150) + 'px';
    var src =
      '/gadgets/ifr?url=' + encodeURIComponent(abs) +
      '&user=' + encodeURIComponent(user.id) +
      '&mid=' + i +
      '&cxTab=' + encodeURIComponent(box.getAttribute('data-tab')) +
      // Finesse fills these UserPrefs for every gadget: the Finesse host, for gadgets served elsewhere.
      '&up_scheme=' + location.protocol.replace(':', '') +
      '&up_host=' + encodeURIComponent(location.hostname) +
      '&up_hostPort=' + (location.port || (location.protocol === 'https:' ? '443' : '80'));
    if (pageParams.get('sso')) src += '&sso=1';
    // stid=config|up|none: how the container hands over the skill target id (container.ts).
    if (pageParams.get('stid')) src += '&stid=' + encodeURIComponent(pageParams.get('stid'));
    iframe.src = src;
    frames.push({ box: box, iframe: iframe, tab: box.getAttribute('data-tab'), fixed: fixed });
  });

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.cxEmu !== true) return;
    var f = frames.filter(function (x) { return x.iframe.contentWindow === e.source; })[0];
    if (!f) return;
    if (d.type === 'height') {
      f.box.setAttribute('data-height', String(d.height));
      // As in Finesse: a hidden gadget measures 0 and gets 0 until it adjusts again on ACTIVE_TAB.
      if (!f.fixed) f.iframe.style.height = Math.max(0, Math.round(Number(d.height) || 0)) + 'px';
    } else if (d.type === 'title') {
      f.box.querySelector('.gadget-title').textContent = d.title;
      f.iframe.title = d.title || f.iframe.title;
    } else if (d.type === 'loaded') {
      f.box.querySelector('.gadget-loading').hidden = true;
    } else if (d.type === 'activeTabReq') {
      // makeActiveTabReq: ACTIVE_TAB for the gadget's tab, but only while that tab is the one shown.
      var panel = document.getElementById('panel-' + f.tab);
      if (f.tab === 'page' || (panel && !panel.hidden)) {
        e.source.postMessage({ cxEmu: true, type: 'activeTab', tabId: f.tab }, '*');
      }
    } else if (d.type === 'collapse' || d.type === 'expand') {
      f.iframe.hidden = d.type === 'collapse';
    } else if (d.type === 'hub') {
      frames.forEach(function (g) {
        if (g.iframe.contentWindow) {
          g.iframe.contentWindow.postMessage({ cxEmu: true, type: 'hub', topic: d.topic, data: d.data }, '*');
        }
      });
    }
  });

  // ---- tabs ----
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  function selectTab(tab, focus) {
    var id = tab.getAttribute('data-tab');
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    });
    if (focus) tab.focus();
    frames.forEach(function (f) {
      if (f.tab === id && f.iframe.contentWindow) {
        f.iframe.contentWindow.postMessage({ cxEmu: true, type: 'activeTab', tabId: id }, '*');
      }
    });
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener('click', function () { selectTab(tab, false); });
    tab.addEventListener('keydown', function (e) {
      var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      selectTab(tabs[(next + tabs.length) % tabs.length], true);
    });
  });

  // ---- control panel ----
  var aside = document.getElementById('control');

  // Place a call.
  var callerMode = el('select', {}, [
    el('option', { value: 'customer', text: 'A customer from the list' }),
    el('option', { value: 'ani', text: 'Typed ANI' }),
    el('option', { value: 'pod', text: 'Typed POD.ID' }),
    el('option', { value: 'none', text: 'No caller id' }),
    el('option', { value: 'withheld', text: 'Withheld number' }),
  ]);
  var traitFilter = el('select', {}, [
    el('option', { value: '', text: 'Any' }),
  ].concat(['max-history', 'no-surveys', 'hostile', 'malformed', 'mobile-only', 'email-only'].map(function (t) {
    return el('option', { value: t, text: t });
  })));
  var customerSel = el('select', {});
  var typed = el('input', { type: 'text', autocomplete: 'off', placeholder: '+14085550100 or cc_CustomerId=…;Mobile=…' });
  var callType = el('select', {}, ['ACD_IN', 'PREROUTE_ACD_IN', 'PREROUTE_DIRECT_AGENT', 'TRANSFER', 'OTHER_IN'].map(function (t) {
    return el('option', { value: t, text: t });
  }));
  // How POD.ID spells a listed customer (caller.ts POD_ID_FORMS); typed POD.IDs go through as typed.
  var podIdForm = el('select', {}, [
    el('option', { value: '', text: 'Mixed (fixed per customer)' }),
    el('option', { value: 'cisco', text: 'cc_CustomerId=…;emailId=…;mobile=… (Cisco)' }),
    el('option', { value: 'classic', text: 'cc_CustomerId=…;Email=…;Mobile=…' }),
    el('option', { value: 'generic', text: 'customerId=…;email=…;phone=…' }),
    el('option', { value: 'bare', text: 'The customer id alone' }),
  ]);
  function loadCustomers() {
    var q = '/_emulator/customers?limit=200' + (traitFilter.value ? '&trait=' + encodeURIComponent(traitFilter.value) : '');
    api('GET', q).then(function (data) {
      var options = function () {
        return data.customers.map(function (c) {
          var label = c.name + ' — ' + c.id + ' (' + c.surveyCount + ' surveys)' + (c.traits.length ? ' [' + c.traits.join(', ') + ']' : '');
          return el('option', { value: c.id, text: label });
        });
      };
      customerSel.replaceChildren.apply(customerSel, options());
      dialWho.replaceChildren.apply(dialWho, options());
    }, function (err) { say('Could not list customers: ' + err.message); });
  }
  traitFilter.addEventListener('change', loadCustomers);
  function placeCall(e) {
    e.preventDefault();
    var body = { user: user.id, callType: callType.value };
    var mode = callerMode.value;
    if (mode === 'customer') {
      body.customerId = customerSel.value;
      if (podIdForm.value) body.podIdForm = podIdForm.value;
    }
    else if (mode === 'ani') body.ani = typed.value.trim();
    else if (mode === 'pod') body.podId = typed.value.trim();
    else if (mode === 'none') body.ani = '';
    else body.ani = 'withheld';
    api('POST', '/_emulator/calls', body).then(
      function (r) { say('Call ' + r.id + ' is ringing.'); },
      function (err) { say('Could not place the call: ' + err.message); },
    );
  }
  aside.append(
    el('section', { 'aria-labelledby': 'h-place' }, [
      el('h3', { id: 'h-place', text: 'Place a call' }),
      el('form', { onsubmit: placeCall }, [
        labelled('Caller', callerMode),
        labelled('Customer trait', traitFilter),
        labelled('Customer', customerSel),
        labelled('ANI or POD.ID', typed),
        labelled('POD.ID spelling', podIdForm),
        labelled('Call type', callType),
        el('button', { type: 'submit', text: 'Place call' }),
      ]),
    ]),
  );

  // Dial a customer: the agent's own outbound call (fromAddress = this extension, the customer in toAddress).
  var dialWho = el('select', {});
  var dialTyped = el('input', { type: 'text', autocomplete: 'off', placeholder: 'blank = the customer’s mobile' });
  var dialType = el('select', {}, ['OUT', 'AGENT_OUT', 'OUTBOUND', 'OUTBOUND_PREVIEW', 'OUTBOUND_DIRECT_PREVIEW', 'OUTBOUND_CALLBACK', 'AGENT_INSIDE'].map(function (t) {
    return el('option', { value: t, text: t });
  }));
  var dialSurvey = el('input', { type: 'checkbox', id: 'cx-dial-survey' });
  function dial(e) {
    e.preventDefault();
    var body = { user: user.id, callType: dialType.value, survey: dialSurvey.checked };
    if (dialTyped.value.trim()) body.to = dialTyped.value.trim();
    else body.customerId = dialWho.value;
    api('POST', '/_emulator/dial', body).then(
      function (r) { say('Dialing ' + r.dialog.toAddress + ' (call ' + r.id + ').'); },
      function (err) { say('Could not dial: ' + err.message); },
    );
  }
  aside.append(
    el('section', { 'aria-labelledby': 'h-dial' }, [
      el('h3', { id: 'h-dial', text: 'Dial a customer' }),
      el('form', { onsubmit: dial }, [
        labelled('Customer to dial', dialWho),
        labelled('Or a number', dialTyped),
        labelled('Outbound call type', dialType),
        el('div', { class: 'field inline' }, [dialSurvey, el('label', { for: 'cx-dial-survey', text: 'Post-call survey after this call' })]),
        el('button', { type: 'submit', text: 'Dial' }),
      ]),
    ]),
  );
  loadCustomers();

  // Live dialogs of this user.
  var dialogList = el('ul', { class: 'dialogs' });
  var dialogs = {};
  // What the caller answers in the post-call survey when a call ends (blank = drawn at random).
  var npsInput = el('input', { type: 'number', min: '0', max: '10', inputmode: 'numeric' });
  var csatInput = el('input', { type: 'number', min: '1', max: '5', inputmode: 'numeric' });
  var cesInput = el('input', { type: 'number', min: '1', max: '7', inputmode: 'numeric' });
  var commentInput = el('input', { type: 'text', autocomplete: 'off' });
  var deferredInput = el('input', { type: 'checkbox' });
  function surveyAnswers() {
    var answers = {};
    [['nps', npsInput], ['csat', csatInput], ['ces', cesInput]].forEach(function (x) {
      if (x[1].value !== '' && Number.isFinite(Number(x[1].value))) answers[x[0]] = Number(x[1].value);
    });
    if (commentInput.value.trim()) answers.comment = commentInput.value.trim();
    return answers;
  }
  /** "done (NPS 9, CSAT 5)" / "link sent, waiting for the customer" / "failed: …" */
  function surveyText(s) {
    if (typeof s === 'string') return s;
    if (s.status === 'failed') return 'failed: ' + s.error;
    if (s.link) return 'link sent, waiting for the customer';
    return s.status;
  }
  function act(id, verb) {
    // End waits for the survey's outcome so that the status line can tell it (it never blocks the call itself).
    var body = verb === 'end' ? { answers: surveyAnswers(), deferred: deferredInput.checked, wait: true } : {};
    api('POST', '/_emulator/calls/' + encodeURIComponent(id) + '/' + verb, body).then(
      function (r) {
        say(verb === 'end' ? 'Call ' + id + ' ended (survey: ' + surveyText(r.survey) + ').' : 'Call ' + id + ': ' + verb + ' done.');
        if (verb === 'end') refreshLinks();
      },
      function (err) { say(verb + ' failed: ' + err.message); },
    );
  }
  function renderDialogs() {
    var ids = Object.keys(dialogs);
    if (!ids.length) {
      dialogList.replaceChildren(el('li', { class: 'muted', text: 'No calls.' }));
      return;
    }
    dialogList.replaceChildren.apply(dialogList, ids.map(function (id) {
      var d = dialogs[id];
      var mine = d.participants.filter(function (p) { return p.mediaAddress === user.extension; })[0];
      var buttons = [];
      function button(verb, text) {
        buttons.push(el('button', { type: 'button', 'aria-label': text + ' call ' + id, text: text, onclick: function () { act(id, verb); } }));
      }
      if (d.state === 'ALERTING') button('answer', 'Answer');
      if (d.state === 'INITIATED' && d.callType !== 'CONSULT') button('answer', 'Customer answers');
      if (d.state === 'ACTIVE' && mine && mine.state === 'ACTIVE' && d.callType !== 'SUPERVISOR_MONITOR') {
        button('hold', 'Hold');
        button('consult', 'Consult');
      }
      if (mine && mine.state === 'HELD') button('resume', 'Resume');
      if (d.state !== 'DROPPED') button('end', 'End');
      return el('li', { 'data-dialog': id }, [
        el('span', { text: '#' + id + ' ' + d.callType + ' · ' + d.state + (mine ? ' (you: ' + mine.state + ')' : '') +
          (d.fromAddress === user.extension ? ' · to ' + (d.toAddress || '—') : ' · from ' + (d.fromAddress || '—')) + ' ' }),
        el('span', { class: 'buttons' }, buttons),
      ]);
    }));
  }
  aside.append(el('section', { 'aria-labelledby': 'h-dialogs' }, [
    el('h3', { id: 'h-dialogs', text: 'Calls on this desktop' }),
    dialogList,
    el('h4', { text: 'The caller\u2019s survey answers (used on End)' }),
    el('p', { class: 'muted hint', text: 'Blank fields are drawn at random (seeded).' }),
    labelled('NPS 0–10', npsInput),
    labelled('CSAT 1–5', csatInput),
    labelled('CES 1–7', cesInput),
    labelled('Comment', commentInput),
    el('div', { class: 'field inline' }, [deferredInput, el('label', { for: 'cx-deferred', text: 'Send the survey as an SMS/email link (answered later)' })]),
  ]));
  deferredInput.id = 'cx-deferred';

  // Deferred surveys of this desktop's calls: the customer answers the link later, with the answers typed above.
  var linkList = el('ul', { class: 'links' });
  function refreshLinks() {
    return api('GET', '/_emulator/surveys').then(function (data) {
      var mine = data.surveys.filter(function (s) { return s.link && s.agentId === user.id; });
      linkList.replaceChildren.apply(linkList, mine.length ? mine.map(function (s) {
        var state = { waiting: 'waiting for the customer', answering: 'being answered…', answered: 'answered', failed: 'refused by WxM' }[s.link.state];
        var item = el('li', { 'data-survey': s.dialogId }, [el('span', { text: 'Call #' + s.dialogId + ': ' + state + ' ' })]);
        if (s.link.state === 'waiting') {
          item.append(el('button', { type: 'button', 'aria-label': 'Answer the survey link of call ' + s.dialogId, text: 'Answer now', onclick: function () {
            api('POST', '/_emulator/surveys/' + encodeURIComponent(s.dialogId) + '/answer', { answers: surveyAnswers() }).then(
              function () { say('The customer answered the survey of call ' + s.dialogId + '.'); refreshLinks(); },
              function (err) { say('The answer was not stored: ' + err.message); refreshLinks(); },
            );
          } }));
        }
        return item;
      }) : [el('li', { class: 'muted', text: 'No survey links sent.' })]);
    }, function () { /* the next action refreshes */ });
  }
  aside.append(el('section', { 'aria-labelledby': 'h-links' }, [
    el('h3', { id: 'h-links', text: 'Survey links (SMS/email)' }),
    linkList,
  ]));
  refreshLinks();
  renderDialogs();
  var events = new EventSource('/_emulator/events?user=' + encodeURIComponent(user.id));
  events.addEventListener('snapshot', function (e) {
    dialogs = {};
    JSON.parse(e.data).dialogs.forEach(function (d) { dialogs[d.id] = d; });
    renderDialogs();
  });
  events.addEventListener('dialog', function (e) {
    var d = JSON.parse(e.data);
    dialogs[d.id] = d;
    renderDialogs();
  });
  events.addEventListener('dialogRemoved', function (e) {
    delete dialogs[JSON.parse(e.data).id];
    renderDialogs();
  });

  // Supervisor: silent monitor.
  if (boot.role === 'supervisor') {
    var supervised = user.supervisedTeams.map(function (t) { return t.id; });
    var agentSel = el('select', {}, boot.agents.agents.filter(function (a) { return supervised.indexOf(a.teamId) >= 0; }).map(function (a) {
      return el('option', { value: a.id, text: a.firstName + ' ' + a.lastName + ' (' + a.id + ')' });
    }));
    aside.append(el('section', { 'aria-labelledby': 'h-monitor' }, [
      el('h3', { id: 'h-monitor', text: 'Silent monitor' }),
      el('form', {
        onsubmit: function (e) {
          e.preventDefault();
          api('POST', '/_emulator/monitor', { supervisor: user.id, agent: agentSel.value }).then(
            function (r) { say('Monitoring (dialog ' + r.id + ').'); },
            function (err) { say('Monitor failed: ' + err.message); },
          );
        },
      }, [labelled('Agent', agentSel), el('button', { type: 'submit', text: 'Start monitor' })]),
    ]));
  }

  // Faults and Cloud Connect.
  var faultList = el('ul', { class: 'faults' });
  var ccDown = el('input', { type: 'checkbox' });
  function refreshState() {
    api('GET', '/_emulator/state').then(function (s) {
      ccDown.checked = s.cloudConnect.down;
      var all = s.faults.map(function (f) { return ['WxM', f]; }).concat(s.finesseFaults.map(function (f) { return ['Finesse', f]; }));
      faultList.replaceChildren.apply(faultList, all.length ? all.map(function (x) {
        var f = x[1];
        var what = [f.status ? 'status ' + f.status : '', f.delayMs ? 'delay ' + f.delayMs + ' ms' : '', f.malformed ? 'malformed' : '', f.count ? f.count + '×' : 'until cleared'].filter(Boolean).join(', ');
        return el('li', { text: x[0] + ' ' + f.route + ': ' + what });
      }) : [el('li', { class: 'muted', text: 'No faults.' })]);
    }, function () { /* the next action refreshes */ });
  }
  function fault(spec, text) {
    return el('button', { type: 'button', text: text, onclick: function () {
      api('POST', '/_emulator/faults', spec).then(function () { say('Fault added: ' + text + '.'); refreshState(); }, function (err) { say(err.message); });
    } });
  }
  ccDown.addEventListener('change', function () {
    api('POST', '/_emulator/cloudconnect', { down: ccDown.checked }).then(
      function (r) { say(r.down ? 'Cloud Connect is down.' : 'Cloud Connect is up.'); },
      function (err) { say(err.message); },
    );
  });
  aside.append(el('section', { 'aria-labelledby': 'h-faults' }, [
    el('h3', { id: 'h-faults', text: 'Faults' }),
    el('div', { class: 'field inline' }, [ccDown, el('label', { for: 'cx-ccdown', text: 'Cloud Connect down (token service 503)' })]),
    el('div', { class: 'buttons' }, [
      fault({ route: '*', status: 401, count: 1 }, 'WxM 401 once'),
      fault({ route: '*', status: 429, count: 3 }, 'WxM 429 ×3'),
      fault({ route: '*', status: 503, count: 3 }, 'WxM 503 ×3'),
      fault({ route: '*', delayMs: 5000, count: 5 }, 'WxM slow 5 s ×5'),
      fault({ route: '*', malformed: true, count: 1 }, 'WxM malformed once'),
      fault({ route: '/finesse/api/CloudConnectTokenService', status: 503, count: 1 }, 'Token service 503 once'),
    ]),
    el('div', { class: 'buttons' }, [
      el('button', { type: 'button', text: 'Clear faults', onclick: function () {
        api('DELETE', '/_emulator/faults').then(function () { say('Faults cleared.'); refreshState(); });
      } }),
      el('button', { type: 'button', text: 'Expire tokens now', onclick: function () {
        api('POST', '/_emulator/tokens/expire').then(function () { say('Every WxM token has expired.'); });
      } }),
    ]),
    el('h4', { text: 'Active faults' }),
    faultList,
  ]));
  ccDown.id = 'cx-ccdown';
  refreshState();

  // WxM notes (the last ones written, and the write variants) and the aggregate-route variants.
  var noteList = el('ul', { class: 'notes' });
  var refuseNotes = el('input', { type: 'checkbox', id: 'cx-refuse-notes' });
  var stallNotes = el('input', { type: 'checkbox', id: 'cx-stall-notes' });
  var aggregatesOff = el('input', { type: 'checkbox', id: 'cx-aggregates-off' });
  function refreshNotes() {
    return api('GET', '/_emulator/notes').then(function (s) {
      refuseNotes.checked = s.options.writes === 'refused';
      stallNotes.checked = s.options.stallAfterApplyMs > 0;
      // Note text is customer-facing data: shown as text only.
      noteList.replaceChildren.apply(noteList, s.notes.length ? s.notes.slice(0, 10).map(function (n) {
        return el('li', { text: new Date(n.noteTime).toLocaleTimeString() + ' · ' + n.authorName + ' on ' + n.answerId + ': ' + n.note });
      }) : [el('li', { class: 'muted', text: 'No notes written yet.' })]);
    }, function () { /* the next action refreshes */ });
  }
  function toggle(box, path, on, off, text) {
    box.addEventListener('change', function () {
      api('POST', path, box.checked ? on : off).then(function () { say(text + (box.checked ? ': on.' : ': off.')); }, function (err) { say(err.message); });
    });
  }
  toggle(refuseNotes, '/_emulator/notes', { writes: 'refused' }, { writes: 'allowed' }, 'WxM refuses note writes (403)');
  toggle(stallNotes, '/_emulator/notes', { stallAfterApplyMs: 30000 }, { stallAfterApplyMs: 0 }, 'Note writes time out after saving');
  toggle(aggregatesOff, '/_emulator/wxm/aggregates', { routes: 'missing' }, { routes: 'present' }, 'WxM without /api/summary and compare (404)');
  api('GET', '/_emulator/wxm/aggregates').then(function (o) { aggregatesOff.checked = o.routes === 'missing'; }, function () { /* stays unchecked */ });
  aside.append(el('section', { 'aria-labelledby': 'h-notes' }, [
    el('h3', { id: 'h-notes', text: 'WxM notes and aggregates' }),
    el('div', { class: 'field inline' }, [refuseNotes, el('label', { for: 'cx-refuse-notes', text: 'Refuse note writes (403)' })]),
    el('div', { class: 'field inline' }, [stallNotes, el('label', { for: 'cx-stall-notes', text: 'Note writes save, then time out (30 s)' })]),
    el('div', { class: 'field inline' }, [aggregatesOff, el('label', { for: 'cx-aggregates-off', text: 'No aggregate routes (summary, compare → 404)' })]),
    el('h4', { text: 'Last notes written' }),
    noteList,
    el('button', { type: 'button', text: 'Refresh notes', onclick: refreshNotes }),
  ]));
  refreshNotes();
  setInterval(refreshNotes, 5000);

  // The scripted feedback-loop demo (demo-loop.js) drives this desktop through these.
  window.__cxDesktopApi = {
    user: user, role: boot.role, agents: boot.agents, api: api, el: el, labelled: labelled, say: say, aside: aside, frames: frames,
    surveyAnswers: surveyAnswers, refreshLinks: refreshLinks, refreshNotes: refreshNotes,
    wxmOrigin: boot.wxmUrl ? (function () {
      var u = new URL(boot.wxmUrl);
      if (u.hostname === '0.0.0.0' || u.hostname === '[::]') u.hostname = location.hostname;
      return u.origin;
    })() : null,
    selectTab: function (id) {
      var tab = tabs.filter(function (t) { return t.getAttribute('data-tab') === id; })[0];
      if (tab) selectTab(tab, false);
      return !!tab;
    },
  };
  aside.append(el('script', { src: '/_emulator/ui/demo-loop.js' }));
})();
