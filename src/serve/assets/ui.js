// On every page: the search box's suggestions (names, type, article count) from /api/search.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector('input[name="q"]');
  var list = form.querySelector(".suggestions");
  var TYPE_NAMES = { person: "Person", organisation: "Organisation", country: "State", place: "Place" };
  var hits = [];
  var active = -1;
  var timer = 0;
  var controller = null;

  function hide() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function render(query) {
    list.replaceChildren();
    hits.forEach(function (hit, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "suggestion-" + i;
      item.className = "suggestion";
      var label = document.createElement("a");
      label.href = hit.href;
      label.className = "suggestion-label";
      label.textContent = hit.label;
      var badge = document.createElement("span");
      badge.className = "badge badge-" + hit.type;
      badge.textContent = TYPE_NAMES[hit.type] || hit.type;
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = hit.articles + (hit.articles === 1 ? " article" : " articles");
      item.append(label, " ", badge, " ", count);
      if (hit.matched) {
        var matched = document.createElement("div");
        matched.className = "small muted";
        matched.textContent = "as “" + hit.matched + "”";
        item.append(matched);
      }
      item.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus; follow the link
        window.location.href = hit.href;
      });
      list.append(item);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "suggestion none";
      none.textContent = "No name matches “" + query + "”";
      list.append(none);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function select(i) {
    var items = list.querySelectorAll('[role="option"]');
    items.forEach(function (item, j) {
      item.setAttribute("aria-selected", String(j === i));
    });
    active = i;
    if (i >= 0) input.setAttribute("aria-activedescendant", "suggestion-" + i);
    else input.removeAttribute("aria-activedescendant");
  }

  function suggest() {
    var query = input.value.trim();
    if (!query) return hide();
    if (controller) controller.abort();
    controller = new AbortController();
    fetch("/api/search?limit=8&q=" + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(function (res) {
        return res.ok ? res.json() : { results: [] };
      })
      .then(function (answer) {
        if (input.value.trim() !== query) return;
        hits = answer.results;
        render(query);
        select(-1);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 100);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      select(Math.min(active + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      select(Math.max(active - 1, -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = hits[active].href;
    } else if (event.key === "Escape") hide();
  });
  input.addEventListener("blur", function () {
    setTimeout(hide, 150);
  });
  input.addEventListener("focus", function () {
    if (input.value.trim() && hits.length) list.hidden = false;
  });
  // "/" anywhere jumps to the search box, as on most sites.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "/" && !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target && target.isContentEditable))) {
      event.preventDefault();
      input.focus();
    }
  });
})();
