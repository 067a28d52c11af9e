// followup serve's live reload: the page reloads when the site it shows
// was rebuilt. Served only by followup serve, never part of a build; a
// file rather than an inline script, so the page's Content-Security-Policy
// can allow the server's own scripts and nothing else.
(function () {
  'use strict';
  var me = document.currentScript;
  var gen = +me.getAttribute('data-gen');
  var es = new EventSource('/_followup/events');
  es.addEventListener('state', function (e) {
    var s = JSON.parse(e.data);
    if (s.gen === gen) return;
    // A recording button's request in flight: its answer is shown, and
    // the page reloaded, once it arrives (site.js).
    if (window.followupBusy) window.followupReload = true;
    else location.reload();
  });
})();
