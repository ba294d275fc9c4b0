/*
 * Emulated Shindig container features for one gadget page (served as /gadgets/container.js and inlined into
 * /gadgets/ifr). The server prepends `var __cxEmuContainer = {...}` with the user's config and the prefs.
 * Talks to the desktop (parent window) with postMessage when framed; works unframed too (test pages).
 */
(function () {
  'use strict';
  var boot = window.__cxEmuContainer || {};
  var framed = window.parent && window.parent !== window;
  function post(msg) {
    if (!framed) return;
    msg.cxEmu = true;
    window.parent.postMessage(msg, '*');
  }

  // A tiny topic bus shared with the emulated finesse.js (ContainerServices) in this page.
  var bus = (window.__cxEmuBus = window.__cxEmuBus || {
    handlers: {},
    on: function (topic, fn) { (this.handlers[topic] = this.handlers[topic] || []).push(fn); },
    off: function (topic, fn) {
      var list = this.handlers[topic] || [];
      var i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    },
    emit: function (topic, data) {
      (this.handlers[topic] || []).slice().forEach(function (fn) {
        try { fn(data); } catch (e) { setTimeout(function () { throw e; }); }
      });
    },
  });

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.cxEmu !== true || e.source !== window.parent) return;
    if (d.type === 'activeTab') bus.emit('ACTIVE_TAB', d.tabId);
    if (d.type === 'hub') bus.emit('hub:' + d.topic, d.data);
  });

  // finesse.gadget.Config: what Finesse renders into every gadget iframe.
  var finesse = (window.finesse = window.finesse || {});
  finesse.gadget = finesse.gadget || {};
  var user = boot.user || {};
  var config = {
    id: user.id,
    authorization: user.authorization,
    scheme: location.protocol.replace(':', ''),
    host: location.hostname,
    hostPort: location.port || (location.protocol === 'https:' ? '443' : '80'),
    restHost: location.hostname,
    locale: user.locale || 'en_US',
    cceSkillTargetId: user.cceSkillTargetId,
    clientDriftInMillis: 0,
  };
  // A container may not render the field at all (desktop option stid=up|none): then it is absent, not empty.
  if (user.cceSkillTargetId === undefined) delete config.cceSkillTargetId;
  // SSO desktops carry a bearer token instead of Basic credentials.
  if (user.authToken) {
    config.authToken = user.authToken;
    config.systemAuthMode = 'SSO';
    delete config.authorization;
  } else {
    config.systemAuthMode = 'NON_SSO';
  }
  finesse.gadget.Config = config;

  var gadgets = window.gadgets || {};
  window.gadgets = gadgets;

  // HubSettings.onConnect: called once the page has loaded, also when assigned later.
  var loaded = document.readyState === 'complete';
  var connectFn = null;
  var connected = [];
  function maybeConnect() {
    var fn = connectFn;
    if (!loaded || typeof fn !== 'function' || connected.indexOf(fn) >= 0) return;
    connected.push(fn);
    setTimeout(function () { fn(); }, 0);
  }
  function makeHubSettings(initial) {
    var hs = {};
    Object.defineProperty(hs, 'onConnect', {
      enumerable: true,
      get: function () { return connectFn; },
      set: function (fn) { connectFn = fn; maybeConnect(); },
    });
    if (initial) for (var k in initial) hs[k] = initial[k];
    return hs;
  }
  var hubSettings = makeHubSettings(gadgets.HubSettings);
  Object.defineProperty(gadgets, 'HubSettings', {
    enumerable: true,
    configurable: true,
    get: function () { return hubSettings; },
    set: function (v) { hubSettings = makeHubSettings(v); },
  });
  if (!loaded) window.addEventListener('load', function () { loaded = true; maybeConnect(); });

  function contentHeight() {
    var body = document.body;
    if (!body) return 0;
    var style = getComputedStyle(body);
    var margins = parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    return Math.ceil(Math.max(body.scrollHeight, body.offsetHeight) + (margins || 0));
  }
  gadgets.window = {
    adjustHeight: function (h) {
      var height = typeof h === 'number' ? h : contentHeight();
      post({ type: 'height', height: height });
      return height;
    },
    setTitle: function (title) {
      post({ type: 'title', title: String(title) });
      if (!framed) document.title = String(title);
    },
    getViewportDimensions: function () { return { width: window.innerWidth, height: window.innerHeight }; },
  };

  // UserPrefs: spec defaults + up_* parameters (server-side), then values this gadget saved.
  var prefKey = 'cxEmu.prefs.' + String(boot.gadgetUrl || '').split('?')[0] + '.' + user.id;
  var prefs = {};
  var initialPrefs = boot.prefs || {};
  for (var name in initialPrefs) prefs[name] = String(initialPrefs[name]);
  try {
    var saved = JSON.parse(localStorage.getItem(prefKey) || '{}');
    for (var s in saved) prefs[s] = String(saved[s]);
  } catch (e) { /* storage unavailable: defaults only */ }
  function Prefs() {}
  Prefs.prototype.getString = function (n) { return prefs[n] === undefined ? '' : prefs[n]; };
  Prefs.prototype.getInt = function (n) { var v = parseInt(prefs[n], 10); return isNaN(v) ? 0 : v; };
  Prefs.prototype.getFloat = function (n) { var v = parseFloat(prefs[n]); return isNaN(v) ? 0 : v; };
  Prefs.prototype.getBool = function (n) { return prefs[n] === 'true' || prefs[n] === '1'; };
  Prefs.prototype.getArray = function (n) { return prefs[n] ? prefs[n].split('|') : []; };
  Prefs.prototype.getLang = function () { return (config.locale || 'en_US').split('_')[0]; };
  Prefs.prototype.getCountry = function () { return (config.locale || 'en_US').split('_')[1] || 'US'; };
  Prefs.prototype.set = function (n, v) {
    prefs[n] = String(v);
    try {
      var stored = JSON.parse(localStorage.getItem(prefKey) || '{}');
      stored[n] = String(v);
      localStorage.setItem(prefKey, JSON.stringify(stored));
    } catch (e) { /* not persisted */ }
  };
  gadgets.Prefs = Prefs;

  var dismissed = false;
  gadgets.loadingindicator = {
    dismiss: function () {
      if (dismissed) return;
      dismissed = true;
      post({ type: 'loaded' });
    },
  };
  if (!boot.manualDismiss) {
    window.addEventListener('load', function () { gadgets.loadingindicator.dismiss(); });
  }

  // Minimal pubsub: local subscribers, relayed through the desktop to the other gadgets.
  var subs = {};
  var nextSub = 1;
  gadgets.Hub = {
    isConnected: function () { return true; },
    subscribe: function (topic, onData, scope, onComplete) {
      var id = String(nextSub++);
      var handler = function (data) { onData.call(scope || null, topic, data); };
      subs[id] = { topic: topic, handler: handler };
      bus.on('hub:' + topic, handler);
      if (onComplete) setTimeout(function () { onComplete(id, true); });
      return id;
    },
    unsubscribe: function (id) {
      var s = subs[id];
      if (s) bus.off('hub:' + s.topic, s.handler);
      delete subs[id];
    },
    publish: function (topic, data) {
      if (framed) post({ type: 'hub', topic: topic, data: data });
      else bus.emit('hub:' + topic, data);
    },
  };

  // The iframe's own parameters (Shindig's gadgets.util), including `url` and `up_*`.
  gadgets.util = gadgets.util || {};
  gadgets.util.getUrlParameters = function () {
    var out = {};
    var params = boot.params || {};
    for (var p in params) out[p] = params[p];
    new URLSearchParams(location.search).forEach(function (v, k) { out[k] = v; });
    return out;
  };
  gadgets.util.registerOnLoadHandler = function (fn) {
    if (document.readyState === 'complete') setTimeout(fn);
    else window.addEventListener('load', function () { fn(); });
  };
  gadgets.util.escapeString = function (s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  };
  if (boot.title) post({ type: 'title', title: boot.title });
})();
