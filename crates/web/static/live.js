// Live pages (a terugblik, a dilemma session): when the server says
// something changed (new cards, votes, positions, a reveal), the parts of the page marked data-live-part are
// fetched again and swapped in, so forms being typed in stay as they are.
// A change of stage reloads the whole page. Without JavaScript, or
// without EventSource, the page simply works by reloading.
(function () {
  "use strict";
  var board = document.querySelector("[data-live]");
  if (!board || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var version = board.getAttribute("data-version");
  var status = document.getElementById("live-status");
  var source = new EventSource(board.getAttribute("data-live") + "?sinds=" + encodeURIComponent(version));
  var busy = false;
  var again = false;

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-live]");
        if (!fresh) {
          return;
        }
        if (fresh.getAttribute("data-phase") !== board.getAttribute("data-phase")) {
          window.location.reload();
          return;
        }
        board.querySelectorAll("[data-live-part]").forEach(function (part) {
          var next = doc.getElementById(part.id);
          if (next && !part.contains(document.activeElement)) {
            part.replaceWith(next);
          }
        });
        board.setAttribute("data-version", fresh.getAttribute("data-version"));
        if (status) {
          status.textContent = status.getAttribute("data-text");
        }
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  source.addEventListener("changed", function (e) {
    if (e.data !== version) {
      version = e.data;
      refresh();
    }
  });
})();
