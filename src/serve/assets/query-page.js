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

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      openExample(examples[Number(button.getAttribute("data-example"))]);
    });
  });
})();
