/*
 * Emulated finesse.js (the surface described in docs/finesse.md). Real finesse.js talks BOSH/XMPP;
 * this one uses the emulator's JSON REST (/_emulator/users/…) and Server-Sent Events (/_emulator/events?user=…).
 * Gadgets only ever see the JS surface below.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;

  var finesse = (window.finesse = window.finesse || {});
  finesse.gadget = finesse.gadget || {};

  var bus = (window.__cxEmuBus = window.__cxEmuBus || {
    handlers: {},
    on: function (topic, fn) { (this.handlers[topic] = this.handlers[topic] || []).push(fn); },
    off: function (topic, fn) {
      var list = this.handlers[topic] || [];
      var i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    },
    emit: function (topic, data) {
      (this.handlers[topic] || []).slice().forEach(function (fn) { fn(data); });
    },
  });

  function later(fn) { setTimeout(fn, 0); }
  function safe(fn, arg) {
    if (typeof fn !== 'function') return;
    try { fn(arg); } catch (e) { later(function () { throw e; }); }
  }
  function clone(v) { return JSON.parse(JSON.stringify(v)); }

  // ---- utilities ----
  var Utilities = {
    getAuthHeaderString: function (cfg) {
      cfg = cfg || finesse.gadget.Config || {};
      if (cfg.authToken && cfg.systemAuthMode !== 'NON_SSO') return 'Bearer ' + cfg.authToken;
      var a = String(cfg.authorization || '');
      return /^(Basic|Bearer) /.test(a) ? a : 'Basic ' + a;
    },
  };
  finesse.utilities = finesse.utilities || {};
  finesse.utilities.Utilities = Utilities;

  // ---- client services ----
  var clientConfig = null;
  finesse.clientservices = finesse.clientservices || {};
  finesse.clientservices.ClientServices = {
    init: function (config) { clientConfig = config || finesse.gadget.Config || {}; },
    getConfig: function () { return clientConfig; },
  };
  function currentConfig() { return clientConfig || finesse.gadget.Config || {}; }

  function api(path) {
    return fetch(origin + path, { headers: { Authorization: Utilities.getAuthHeaderString(currentConfig()) } }).then(
      function (res) {
        if (!res.ok) {
          return res.text().then(function (text) { throw { status: res.status, content: text }; });
        }
        return res.json();
      },
    );
  }

  // ---- dialogs ----
  var States = {
    ALERTING: 'ALERTING',
    INITIATING: 'INITIATING',
    INITIATED: 'INITIATED',
    ACTIVE: 'ACTIVE',
    ACCEPTED: 'ACCEPTED',
    HELD: 'HELD',
    DROPPED: 'DROPPED',
    FAILED: 'FAILED',
    WRAP_UP: 'WRAP_UP',
    FAILURE: 'FAILURE',
  };

  function Dialog(data) {
    this._data = data;
    this._handlers = { change: [] };
  }
  Dialog.States = States;
  Dialog.ParticipantStates = States;
  Dialog.prototype.getId = function () { return this._data.id; };
  Dialog.prototype.getState = function () { return this._data.state; };
  Dialog.prototype.getFromAddress = function () { return this._data.fromAddress; };
  Dialog.prototype.getToAddress = function () { return this._data.toAddress; };
  Dialog.prototype.getMediaProperties = function () { return clone(this._data.mediaProperties); };
  Dialog.prototype.getParticipants = function () { return clone(this._data.participants); };
  Dialog.prototype.getCallType = function () { return this._data.callType; };
  Dialog.prototype.getData = function () { return clone(this._data); };
  Dialog.prototype.addHandler = function (event, fn) {
    (this._handlers[event] = this._handlers[event] || []).push(fn);
  };
  Dialog.prototype.removeHandler = function (event, fn) {
    var list = this._handlers[event] || [];
    var i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
  Dialog.prototype._update = function (data) {
    this._data = data;
    var self = this;
    this._handlers.change.slice().forEach(function (fn) { safe(fn, self); });
  };

  // One SSE stream per user in this page; every Dialogs collection of that user shares its Dialog objects.
  var streams = {};
  function streamFor(userId) {
    if (streams[userId]) return streams[userId];
    var st = { dialogs: {}, loaded: false, waiters: [], collections: [] };
    streams[userId] = st;
    var es = new EventSource(origin + '/_emulator/events?user=' + encodeURIComponent(userId));
    st.source = es;
    es.addEventListener('snapshot', function (e) {
      var list = JSON.parse(e.data).dialogs || [];
      var seen = {};
      list.forEach(function (d) { seen[d.id] = true; upsert(st, d); });
      // After a reconnect, dialogs that ended meanwhile leave the collection.
      Object.keys(st.dialogs).forEach(function (id) { if (!seen[id]) remove(st, id); });
      if (!st.loaded) {
        st.loaded = true;
        st.waiters.splice(0).forEach(function (fn) { fn(); });
      }
    });
    es.addEventListener('dialog', function (e) { upsert(st, JSON.parse(e.data)); });
    es.addEventListener('dialogRemoved', function (e) { remove(st, JSON.parse(e.data).id); });
    return st;
  }
  function upsert(st, data) {
    var existing = st.dialogs[data.id];
    if (existing) {
      if (JSON.stringify(existing._data) !== JSON.stringify(data)) existing._update(data);
      return;
    }
    var dialog = new Dialog(data);
    st.dialogs[data.id] = dialog;
    if (st.loaded) st.collections.forEach(function (c) { safe(c.onCollectionAdd, dialog); });
  }
  function remove(st, id) {
    var dialog = st.dialogs[id];
    if (!dialog) return;
    delete st.dialogs[id];
    st.collections.forEach(function (c) { safe(c.onCollectionDelete, dialog); });
  }

  function Dialogs(userId, options) {
    var st = streamFor(userId);
    this._st = st;
    var self = this;
    var callbacks = {
      onCollectionAdd: options && options.onCollectionAdd,
      onCollectionDelete: options && options.onCollectionDelete,
    };
    function ready() {
      st.collections.push(callbacks);
      safe(options && options.onLoad, self);
    }
    if (st.loaded) later(ready);
    else st.waiters.push(ready);
  }
  Dialogs.prototype.getCollection = function () {
    var out = {};
    for (var id in this._st.dialogs) out[id] = this._st.dialogs[id];
    return out;
  };
  Dialogs.prototype.getDialogs = function () {
    var out = [];
    for (var id in this._st.dialogs) out.push(this._st.dialogs[id]);
    return out;
  };

  // ---- user ----
  function User(options) {
    options = options || {};
    var self = this;
    this._id = options.id || currentConfig().id;
    this._data = null;
    // A member of a Team's Users collection arrives with its summary data (like finesse.js): no request.
    if (options.data) {
      this._data = clone(options.data);
      later(function () { safe(options.onLoad, self); });
      return;
    }
    api('/_emulator/users/' + encodeURIComponent(this._id)).then(
      function (data) {
        self._data = data;
        safe(options.onLoad, self);
      },
      function (err) {
        safe(options.onError, { status: err && err.status, content: (err && err.content) || String(err) });
      },
    );
  }
  function field(name) { return function () { return this._data ? this._data[name] : undefined; }; }
  User.prototype.getId = function () { return this._id; };
  User.prototype.getFirstName = field('firstName');
  User.prototype.getLastName = field('lastName');
  User.prototype.getExtension = field('extension');
  User.prototype.getTeamId = field('teamId');
  User.prototype.getTeamName = field('teamName');
  User.prototype.getRoles = function () { return this._data && this._data.roles ? this._data.roles.slice() : []; };
  User.prototype.hasAgentRole = function () { return this.getRoles().indexOf('Agent') >= 0; };
  User.prototype.hasSupervisorRole = function () { return this.getRoles().indexOf('Supervisor') >= 0; };
  User.prototype.getSupervisedTeams = function () { return this._data ? clone(this._data.supervisedTeams) : []; };
  User.prototype.getDialogs = function (options) { return new Dialogs(this._id, options); };

  // ---- team (roster) ----
  // As finesse.js 10.5.1: getSupervisedTeams() gives plain {uri, id, name}; new Team({id}) loads GET
  // /finesse/api/Team/{id}; team.getUsers(options) is a Users collection whose items are User objects keyed by
  // login id, each with the member summary (loginId, firstName, lastName, extension, state...) as its data.
  function apiError(err) { return { status: err && err.status, content: (err && err.content) || String(err) }; }
  function loadTeam(id) { return api('/finesse/api/Team/' + encodeURIComponent(id)); }
  function Team(options) {
    options = options || {};
    var self = this;
    this._id = options.id;
    this._data = null;
    loadTeam(this._id).then(
      function (data) { self._data = data; safe(options.onLoad, self); },
      function (err) { safe(options.onError, apiError(err)); },
    );
  }
  Team.prototype.getId = function () { return this._data ? this._data.id : this._id; };
  Team.prototype.getName = field('name');
  Team.prototype.getUri = field('uri');
  Team.prototype.getData = function () { return this._data ? clone(this._data) : null; };
  Team.prototype.getUsers = function (options) { return new Users(this._id, options); };
  // finesse.js's RestBase getData(): the roster summary for a team member, the full user for a loaded User.
  User.prototype.getData = function () { return this._data ? clone(this._data) : null; };

  function Users(teamId, options) {
    options = options || {};
    var self = this;
    this._collection = {};
    this.length = 0;
    // The real Users collection re-reads the Team (there is no GET /Team/{id}/Users).
    loadTeam(teamId).then(
      function (team) {
        var list = (team.users && team.users.User) || [];
        if (!Array.isArray(list)) list = [list];
        var pending = list.length;
        function done() { if (pending === 0) safe(options.onLoad, self); }
        list.forEach(function (summary) {
          new User({
            id: summary.loginId,
            data: summary,
            onLoad: function (user) {
              self._collection[summary.loginId] = user;
              self.length += 1;
              safe(options.onCollectionAdd, user);
              pending -= 1;
              done();
            },
          });
        });
        done();
      },
      function (err) { safe(options.onError, apiError(err)); },
    );
  }
  Users.prototype.getCollection = function () {
    var out = {};
    for (var id in this._collection) out[id] = this._collection[id];
    return out;
  };

  finesse.restservices = finesse.restservices || {};
  finesse.restservices.Team = Team;
  finesse.restservices.Users = Users;
  finesse.restservices.User = User;
  finesse.restservices.Dialog = Dialog;
  finesse.restservices.Dialogs = Dialogs;

  // ---- container services ----
  function post(msg) {
    if (window.parent === window) return;
    msg.cxEmu = true;
    window.parent.postMessage(msg, '*');
  }
  var Topics = {
    ACTIVE_TAB: 'finesse.containerservices.activeTab',
    GADGET_VIEW_CHANGED_EVENT: 'finesse.containerservices.gadgetViewChangedEvent',
  };
  var collapsed = false;
  var ContainerServices = {
    Topics: Topics,
    init: function () { return ContainerServices; },
    addHandler: function (topic, fn) { bus.on(topic === Topics.ACTIVE_TAB ? 'ACTIVE_TAB' : topic, fn); },
    removeHandler: function (topic, fn) { bus.off(topic === Topics.ACTIVE_TAB ? 'ACTIVE_TAB' : topic, fn); },
    collapseMyGadget: function () { collapsed = true; post({ type: 'collapse' }); },
    expandMyGadget: function () { collapsed = false; post({ type: 'expand' }); },
    getMyGadgetView: function () { return collapsed ? 'collapsed' : 'default'; },
    getMyTabId: function () { return new URLSearchParams(location.search).get('cxTab') || 'home'; },
    // The desktop answers with ACTIVE_TAB for this gadget's tab if that tab is the visible one (no desktop: no answer).
    makeActiveTabReq: function () { post({ type: 'activeTabReq' }); },
  };
  finesse.containerservices = finesse.containerservices || {};
  finesse.containerservices.ContainerServices = ContainerServices;
})();
