// Injected by PageChecks into a copy of a page: measures the laid-out page and writes what it found, URI-encoded
// JSON, into <pre id="measured"> for --dump-dom. A word is a run of text between white space or <wbr> (each <wbr>
// starts a new text node), measured unbroken in its own font; a cell is squeezed when its content box is narrower.
(function () {
  var squeezed = [];
  var cells = document.querySelectorAll("td, th");
  cells.forEach(function (cell) {
    var style = getComputedStyle(cell);
    var room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    var texts = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest("td, th") === cell) { texts.push(n); }
    }
    texts.forEach(function (text) {
      text.textContent.split(/\s+/).forEach(function (word) {
        if (!word) { return; }
        var probe = document.createElement("span");
        probe.style.whiteSpace = "nowrap";
        probe.textContent = word;
        text.parentNode.insertBefore(probe, text);
        var width = probe.getBoundingClientRect().width;
        probe.remove();
        if (width > room + 1) {
          squeezed.push({ word: word, wordWidth: Math.round(width), room: Math.round(room) });
        }
      });
    });
  });
  var verdict = document.getElementById("verdict");
  var box = verdict ? verdict.getBoundingClientRect() : null;
  var codes = [];
  document.querySelectorAll("td code").forEach(function (c) { codes.push(c.textContent); });
  var result = {
    innerWidth: window.innerWidth, innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    cells: cells.length, squeezed: squeezed,
    verdictTop: box ? box.top + window.scrollY : -1, verdictBottom: box ? box.bottom + window.scrollY : -1,
    verdictText: verdict ? verdict.textContent.replace(/\s+/g, " ").trim() : "",
    cellCodes: codes
  };
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = encodeURIComponent(JSON.stringify(result));
  document.body.appendChild(out);
})();
