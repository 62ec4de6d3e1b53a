(function () {
  "use strict";
  function openAround(el) {
    for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
  }
  function highlight(id) {
    document.querySelectorAll("span.c.hl").forEach(function (el) { el.classList.remove("hl"); });
    var first = null;
    document.querySelectorAll("span.c[data-claims]").forEach(function (el) {
      if (el.getAttribute("data-claims").split(" ").indexOf(id) >= 0) { el.classList.add("hl"); first = first || el; }
    });
    if (first) { openAround(first); first.scrollIntoView({block: "center"}); }
    return first !== null;
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest("a[data-claim]");
    if (!a || !document.getElementById("claim-" + a.getAttribute("data-claim"))) { return; }
    ev.preventDefault();
    history.replaceState(null, "", "#claim-" + a.getAttribute("data-claim"));
    highlight(a.getAttribute("data-claim"));
  });
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf("claim-") === 0) { highlight(h.slice(6)); return; }
    var target = h && document.getElementById(h);
    if (target) { openAround(target); if (target.tagName === "DETAILS") { target.open = true; } target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      th.addEventListener("click", function () {
        var col = th.cellIndex, numeric = th.getAttribute("data-sort") === "num";
        var dir = th.getAttribute("data-dir") === "asc" ? -1 : 1;
        th.setAttribute("data-dir", dir === 1 ? "asc" : "desc");
        function key(row) { var c = row.cells[col]; var v = c.getAttribute("data-value"); v = v === null ? c.textContent : v; return numeric ? parseFloat(v) : v.toLowerCase(); }
        rows.sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * dir; });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      });
    });
  });
  var filter = document.getElementById("story-filter");
  if (filter) {
    var index = Array.prototype.slice.call(document.querySelectorAll("#story-index tbody tr"));
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      index.forEach(function (r) { r.hidden = q && r.textContent.toLowerCase().indexOf(q) < 0; });
      document.querySelectorAll("details.story").forEach(function (d) {
        d.hidden = q && d.querySelector("summary").textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
})();
