// The query page: YASGUI pointed at this server's /sparql, with the example queries as buttons.
/* global Yasgui */
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("examples").textContent);
  var endpoint = new URL("/sparql", window.location.href).href;
  var overview =
    "# What is in the graph: each class and how many things have it\n" +
    "SELECT ?class (COUNT(DISTINCT ?thing) AS ?count)\nWHERE { ?thing a ?class }\nGROUP BY ?class\nORDER BY DESC(?count)\n";

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null, // start from the examples on every visit, not from old tabs
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    yasqe: { value: overview },
  });

  function tabNamed(name) {
    var tabs = yasgui._tabs || {};
    for (var id in tabs) if (tabs[id].getName() === name) return tabs[id];
    return undefined;
  }

  function openExample(example) {
    var tab = tabNamed(example.title);
    if (tab) yasgui.selectTabId(tab.getId());
    else tab = yasgui.addTab(true, { name: example.title, yasqe: { value: example.query } });
    tab.setQuery(example.query);
    tab.query();
  }

  // Result links to the graph's own resources open their pages on this server (the IRIs'
  // w3id.org addresses need not resolve), in the same tab.
  var container = document.getElementById("yasgui");
  var resourceBase = container.getAttribute("data-resource-base");
  function localiseLinks() {
    container.querySelectorAll('a[href^="' + resourceBase + '"]').forEach(function (anchor) {
      anchor.setAttribute("href", "/resource/" + anchor.getAttribute("href").slice(resourceBase.length));
      anchor.removeAttribute("target");
    });
  }
  new MutationObserver(localiseLinks).observe(container, { childList: true, subtree: true });
  // The results table handles clicks in its cells itself; follow our links before it does.
  container.addEventListener("click", function (event) {
    var anchor = event.target instanceof Element ? event.target.closest('a[href^="/resource/"]') : null;
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();
    window.location.href = anchor.getAttribute("href");
  }, true);

  // "Open in the editor" from a view: /?query=… opens that query in a tab of its own and runs it.
  var fromView = new URLSearchParams(window.location.search).get("query");
  if (fromView) {
    openExample({ title: "From a view", query: fromView });
    history.replaceState(null, "", window.location.pathname);
  }

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      openExample(examples[Number(button.getAttribute("data-example"))]);
    });
  });
})();
