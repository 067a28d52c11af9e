// followup's only script. The pages work without it; with it:
//  - the agenda's buckets follow the viewer's clock, not the build's, so a
//    page built on Monday is right on Thursday;
//  - the pipeline table sorts by any column;
//  - copy buttons put a draft or the feed's address on the clipboard;
//  - served by `followup serve` (which adds its token to the page), each
//    action gets "Mark sent" and "Skip…", and each application "They
//    replied…", "Add a round…" and its outcomes: they post to the local
//    server, which edits the file as the commands do. A built page shows
//    the command to copy instead.
(function () {
  'use strict';

  var LABELS = { overdue: 'Overdue', today: 'Today', week: 'This week', later: 'Later' };
  var formats = {};
  var api = { lastCopied: '' };
  window.followup = api;

  // dayIn is the civil day (YYYY-MM-DD) of the instant now in zone tz.
  function dayIn(now, tz) {
    var f = formats[tz];
    if (!f) {
      var opts = { year: 'numeric', month: '2-digit', day: '2-digit' };
      try {
        f = new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: tz }, opts));
      } catch (e) {
        f = new Intl.DateTimeFormat('en-US', opts);
      }
      formats[tz] = f;
    }
    var p = {};
    f.formatToParts(now).forEach(function (x) { p[x.type] = x.value; });
    return p.year + '-' + p.month + '-' + p.day;
  }

  function addDays(day, n) {
    var d = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + n, 12));
    return d.toISOString().slice(0, 10);
  }

  function daysBetween(a, b) {
    return Math.round((Date.parse(b + 'T12:00:00Z') - Date.parse(a + 'T12:00:00Z')) / 864e5);
  }

  // bucketOf mirrors the build's rule (internal/site/action.go): a
  // thank-you is overdue once its deadline passed and belongs to today
  // from the end of its round; a day action is overdue once its day is
  // over in the application's zone.
  function bucketOf(el, now, today) {
    var d = el.dataset, ms = now.getTime();
    today = today || dayIn(now, d.tz);
    if (d.deadline === 'true') {
      if (+d.due < ms) return 'overdue';
      if (+d.start <= ms) return 'today';
    } else if (today > d.day) {
      return 'overdue';
    }
    if (d.day <= today) return 'today';
    if (d.day <= addDays(today, 7)) return 'week';
    return 'later';
  }

  // rebucket moves each action to the bucket the viewer's clock puts it
  // in. With thousands of actions (a big search) it only touches what
  // changed: the day in each zone is worked out once, and when no action
  // changed bucket nothing is moved, so opening the page costs no layout.
  function rebucket(now) {
    now = now || new Date();
    var days = {};
    var today = function (tz) {
      if (!(tz in days)) days[tz] = dayIn(now, tz);
      return days[tz];
    };
    var sections = {};
    document.querySelectorAll('[data-bucket-name]').forEach(function (s) {
      sections[s.getAttribute('data-bucket-name')] = s;
    });
    var moved = [];
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var b = bucketOf(el, now, today(el.dataset.tz));
      if (el.getAttribute('data-bucket') !== b) {
        el.setAttribute('data-bucket', b);
        var st = el.querySelector('[data-status]');
        if (st) st.textContent = LABELS[b];
        if (sections[b] && el.closest('[data-bucket-name]')) moved.push(el);
      }
    });
    if (moved.length) {
      // Each moved action goes to its place in its new list, by the
      // plan's order (binary search: the lists can be thousands long).
      moved.sort(function (a, b) { return a.dataset.order - b.dataset.order; });
      moved.forEach(function (el) {
        var list = sections[el.getAttribute('data-bucket')].querySelector('[data-list]');
        var kids = list.children, lo = 0, hi = kids.length, order = +el.dataset.order;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (+kids[mid].dataset.order < order) lo = mid + 1; else hi = mid;
        }
        list.insertBefore(el, kids[lo] || null);
      });
      Object.keys(sections).forEach(function (k) {
        var s = sections[k], n = s.querySelectorAll('[data-due]').length;
        s.querySelector('[data-count]').textContent = n;
        s.querySelector('[data-empty-note]').hidden = n > 0;
      });
    }
    document.querySelectorAll('[data-since]').forEach(function (el) {
      var n = daysBetween(el.getAttribute('data-since'), today(el.getAttribute('data-tz')));
      if (n >= 0 && el.textContent !== String(n)) {
        el.textContent = n;
        if (el.hasAttribute('data-sort')) el.setAttribute('data-sort', n);
      }
    });
    interviews(now, today);
    var asof = document.querySelector('[data-asof]');
    if (asof) {
      asof.textContent = now.toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      asof.setAttribute('datetime', now.toISOString());
      asof.title = 'Your clock. The site was built ' + asof.getAttribute('data-built');
    }
  }

  // interviews keeps the index's interviews right on the viewer's clock:
  // one that is over leaves the list, the others are labelled today, this
  // week or later, and when the viewer's zone differs from the
  // application's their own time is added ("16:00 your time").
  var viewerTZ = '';
  try { viewerTZ = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* old browser */ }
  function hhmm(ms, tz) {
    var opts = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    if (tz) opts.timeZone = tz;
    try { return new Intl.DateTimeFormat('en-GB', opts).format(new Date(ms)); } catch (e) { return ''; }
  }
  function interviews(now, today) {
    var ms = now.getTime();
    document.querySelectorAll('[data-interview]').forEach(function (el) {
      var d = el.dataset;
      if (+d.end <= ms) { el.hidden = true; return; }
      var t = today(d.tz), b = d.day <= t ? 'today' : (d.day <= addDays(t, 7) ? 'week' : 'later');
      var st = el.querySelector('[data-status]');
      if (st) st.textContent = LABELS[b];
      var yours = el.querySelector('[data-yours]');
      if (yours && viewerTZ && viewerTZ !== d.tz) {
        var mine = hhmm(+d.start, viewerTZ);
        yours.textContent = mine && mine !== hhmm(+d.start, d.tz) ? ', ' + mine + ' your time' : '';
      }
    });
  }

  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var type = th.getAttribute('data-type');
      if (!type) return;
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'sort';
      while (th.firstChild) btn.appendChild(th.firstChild);
      th.appendChild(btn);
      btn.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        sortRows(table, col, type, dir === 'ascending' ? 1 : -1);
      });
    });
  }

  function sortKey(cell, type) {
    var v = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    if (type === 'number') return v === '' ? Infinity : Number(v);
    return v;
  }

  function sortRows(table, col, type, sign) {
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (r) {
      return { row: r, key: sortKey(r.cells[col], type), n: +r.getAttribute('data-row') };
    });
    rows.sort(function (a, b) {
      var c;
      if (type === 'number') c = a.key === b.key ? 0 : (a.key < b.key ? -1 : 1);
      else if (a.key === '' || b.key === '') c = (a.key === '') - (b.key === '');
      else c = a.key.localeCompare(b.key, undefined, { sensitivity: 'base', numeric: true });
      return c ? sign * c : a.n - b.n;
    });
    rows.forEach(function (x) { body.appendChild(x.row); });
  }
  api.sortRows = sortRows;

  function fallbackCopy(text) {
    var ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }

  function copy(text, btn) {
    api.lastCopied = text;
    var label = btn.getAttribute('data-label') || btn.textContent;
    btn.setAttribute('data-label', label);
    function done(ok) {
      btn.textContent = ok ? 'Copied' : 'Select and copy by hand';
      setTimeout(function () { btn.textContent = label; }, 1800);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  }

  // el makes an element with text (never HTML: user text stays text).
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function button(label, cls) {
    return el('button', { type: 'button', 'class': 'button ' + (cls || 'quiet') }, label);
  }

  // recording wires the buttons when followup serve serves the page: its
  // script tag carries the token the server wants back with every post.
  function recording() {
    var tag = document.querySelector('script[data-followup-token]');
    var store = null;
    try { store = window.sessionStorage; } catch (e) { store = null; } // file:// pages may have none
    var shown = store && store.getItem('followup-wrote');
    if (shown) {
      // What the last click wrote, shown again after the reload it caused.
      store.removeItem('followup-wrote');
      var w = JSON.parse(shown), box = el('div', { 'class': 'wrote', role: 'status', id: 'followup-wrote' });
      box.appendChild(el('p', {}, w.message));
      if (w.diff) box.appendChild(el('pre', {}, w.diff));
      var main = document.getElementById('main');
      if (main) main.insertBefore(box, main.firstChild);
    }
    if (!tag) return;
    var token = tag.getAttribute('data-followup-token');

    function post(body, status, done) {
      status.className = 'record-status';
      status.textContent = 'Saving…';
      window.followupBusy = true; // live reload waits for the answer
      fetch('/_followup/record', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Followup-Token': token },
        body: JSON.stringify(body),
        credentials: 'same-origin'
      }).then(function (r) {
        return r.json().then(function (j) { return { ok: r.ok, j: j }; });
      }).then(function (res) {
        window.followupBusy = false;
        if (!res.ok) {
          status.className = 'record-status error';
          status.textContent = res.j.error || 'Not saved.';
          if (window.followupReload) location.reload();
          return;
        }
        status.textContent = res.j.message;
        if (res.j.diff) status.appendChild(el('pre', {}, res.j.diff));
        if (store) store.setItem('followup-wrote', JSON.stringify(res.j));
        if (done) done();
        // The server rebuilt the site before answering: the page reloads
        // without the action, and shows what was written at its top.
        location.reload();
      }, function (e) {
        window.followupBusy = false;
        status.className = 'record-status error';
        status.textContent = 'Not saved: ' + e;
      });
    }

    // form opens a small form under the buttons: fields, then a submit.
    function form(host, status, fields, submitLabel, send) {
      var old = host.querySelector('.record-form');
      if (old) { old.remove(); return; }
      var f = el('form', { 'class': 'record-form' });
      var inputs = {};
      fields.forEach(function (fd) {
        var l = el('label', fd.wide ? { 'class': 'wide' } : {}, fd.label);
        var i;
        if (fd.options) {
          i = el('select', { name: fd.name });
          fd.options.forEach(function (o) { i.appendChild(el('option', { value: o }, o || '—')); });
        } else {
          i = el('input', { name: fd.name, type: fd.type || 'text' });
          if (fd.placeholder) i.setAttribute('placeholder', fd.placeholder);
          if (fd.required) i.required = true;
        }
        inputs[fd.name] = i;
        l.appendChild(i);
        f.appendChild(l);
      });
      f.appendChild(el('button', { type: 'submit', 'class': 'button' }, submitLabel));
      var cancel = button('Cancel');
      cancel.addEventListener('click', function () { f.remove(); });
      f.appendChild(cancel);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var v = {};
        Object.keys(inputs).forEach(function (k) { v[k] = inputs[k].value.trim(); });
        send(v);
      });
      host.appendChild(f);
      var first = f.querySelector('input, select');
      if (first) first.focus();
    }

    document.querySelectorAll('[data-record]').forEach(function (box) {
      var id = box.getAttribute('data-record');
      var cmd = box.querySelector('.record-cmd');
      if (cmd) cmd.hidden = true;
      var row = el('div', { 'class': 'record-buttons' });
      var sent = button('Mark sent', 'primary'), skip = button('Skip…');
      sent.setAttribute('data-action', 'done');
      skip.setAttribute('data-action', 'skip');
      row.appendChild(sent);
      row.appendChild(skip);
      box.appendChild(row);
      var status = el('p', { 'class': 'record-status', role: 'status' });
      box.appendChild(status);
      sent.addEventListener('click', function () {
        sent.disabled = true;
        post({ op: 'done', ids: [id] }, status);
      });
      skip.addEventListener('click', function () {
        form(box, status, [{ name: 'why', label: 'Why not send it?', wide: true, required: true }], 'Skip it', function (v) {
          post({ op: 'skip', ids: [id], why: v.why }, status);
        });
      });
    });

    document.querySelectorAll('[data-app]').forEach(function (sec) {
      var app = sec.getAttribute('data-app');
      var cmds = sec.querySelector('.record-cmds');
      if (cmds) cmds.hidden = true;
      var row = el('div', { 'class': 'record-buttons' });
      var status = el('p', { 'class': 'record-status', role: 'status' });
      function add(label, action, open) {
        var b = button(label);
        b.setAttribute('data-action', action);
        b.addEventListener('click', open);
        row.appendChild(b);
      }
      add('They replied…', 'heard', function () {
        form(sec, status, [
          { name: 'text', label: 'What they said', wide: true, required: true },
          { name: 'next', label: 'New date they gave (optional)', type: 'date' }
        ], 'Save reply', function (v) { post({ op: 'heard', app: app, text: v.text, next: v.next }, status); });
      });
      add('Add a round…', 'round', function () {
        form(sec, status, [
          { name: 'at', label: 'When', type: 'datetime-local', required: true },
          { name: 'length', label: 'Length', placeholder: '1h' },
          { name: 'kind', label: 'Kind', options: ['', 'phone', 'video', 'onsite', 'other'] },
          { name: 'with', label: 'With (names, comma-separated)', wide: true },
          { name: 'timeline', label: 'Hear back within', placeholder: '2 weeks' }
        ], 'Add round', function (v) {
          var names = v['with'] ? v['with'].split(',').map(function (s) { return s.trim(); }).filter(Boolean) : [];
          post({ op: 'round', app: app, at: v.at.replace('T', ' '), length: v.length, kind: v.kind, 'with': names, timeline: v.timeline }, status);
        });
      });
      [['offer', 'Offer…'], ['rejected', 'Rejected…'], ['withdrawn', 'Withdrew…'], ['accepted', 'Accepted…']].forEach(function (o) {
        add(o[1], 'outcome-' + o[0], function () {
          var fields = [{ name: 'note', label: 'Note (optional)', wide: true }];
          if (o[0] === 'offer') fields.push({ name: 'deadline', label: 'Answer by (optional)', type: 'date' });
          form(sec, status, fields, 'Record ' + o[0], function (v) {
            post({ op: 'outcome', app: app, outcome: o[0], note: v.note, deadline: v.deadline || '' }, status);
          });
        });
      });
      sec.appendChild(row);
      sec.appendChild(status);
    });
  }

  function init() {
    var asof = document.querySelector('[data-asof]');
    if (asof) asof.setAttribute('data-built', asof.textContent);
    rebucket();
    document.querySelectorAll('table.sortable').forEach(sortable);
    document.querySelectorAll('[data-copy], [data-copy-href]').forEach(function (btn) {
      btn.hidden = false;
      btn.addEventListener('click', function () {
        var id = btn.getAttribute('data-copy');
        if (id) {
          copy(document.getElementById(id).textContent, btn);
        } else {
          copy(document.getElementById(btn.getAttribute('data-copy-href')).href, btn);
        }
      });
    });
    recording();
    var feed = document.getElementById('feed-link');
    if (feed) feed.textContent = feed.href;
    // A page left open keeps up: midnight moves "this week" into "today".
    setInterval(function () { rebucket(); }, 60 * 1000);
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) rebucket();
    });
  }

  api.rebucket = rebucket;
  api.bucketOf = bucketOf;
  api.dayIn = dayIn;
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
