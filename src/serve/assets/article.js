// The article view: hovering or focusing a fact (its marks in the text, or its line in the list)
// lights up its marks and its evidence sentence; clicking a line scrolls the text to it.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var canHighlight = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight !== "undefined";

  /** A DOM Range over text[start, end), walking the text nodes (offsets count UTF-16 units, like the graph's). */
  function rangeOf(start, end) {
    if (!text) return null;
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var seen = 0;
    var started = false;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var length = node.nodeValue.length;
      if (!started && start <= seen + length) {
        range.setStart(node, start - seen);
        started = true;
      }
      if (started && end <= seen + length) {
        range.setEnd(node, end - seen);
        return range;
      }
      seen += length;
    }
    return null;
  }

  var current = null;
  function light(id) {
    if (current === id) return;
    dim();
    current = id;
    var item = document.querySelector('.fact-item[data-fact="' + id + '"]');
    document.querySelectorAll('[data-fact="' + id + '"]').forEach(function (el) {
      el.classList.add("active");
    });
    if (item && canHighlight) {
      var range = rangeOf(Number(item.getAttribute("data-evidence-start")), Number(item.getAttribute("data-evidence-end")));
      if (range) CSS.highlights.set("evidence", new Highlight(range));
    }
  }
  function dim() {
    if (current === null) return;
    document.querySelectorAll(".active[data-fact]").forEach(function (el) {
      el.classList.remove("active");
    });
    if (canHighlight) CSS.highlights.delete("evidence");
    current = null;
  }

  function factOf(target) {
    var el = target instanceof Element ? target.closest("[data-fact]") : null;
    return el ? el.getAttribute("data-fact") : null;
  }
  document.addEventListener("mouseover", function (event) {
    var id = factOf(event.target);
    if (id) light(id);
    else dim();
  });
  document.addEventListener("focusin", function (event) {
    var id = factOf(event.target);
    if (id) light(id);
  });
  document.querySelectorAll(".fact-item").forEach(function (item) {
    function go(event) {
      if (event.target instanceof Element && event.target.closest("a")) return;
      var mark = document.getElementById(item.getAttribute("data-fact"));
      if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
      light(item.getAttribute("data-fact"));
    }
    item.addEventListener("click", go);
    item.addEventListener("keydown", function (event) {
      if (event.key === "Enter") go(event);
    });
  });
  // A link to #fact-… (from the timeline or the network panel) shows that fact.
  if (location.hash.indexOf("#fact-") === 0) {
    var id = decodeURIComponent(location.hash.slice(1));
    var item = document.querySelector('.fact-item[data-fact="' + id + '"]');
    if (item) {
      light(id);
      item.scrollIntoView({ block: "nearest" });
    }
  }
})();
