/* Dossier search: results as you type, from the index that assets/search-index.js assigns to
   window.DOSSIER_SEARCH (people and events) and its parts in assets/search/ add to (articles, newest first;
   window.DOSSIER_SEARCH_PARTS names them). The index is classic scripts, added to the page the first time the
   reader uses the box (no fetch, no modules: both fail under file://), so pages that are only read never load it.
   Keyboard: arrows move through the results, Enter opens one, Escape closes the list. */
(function () {
  "use strict";
  var box = document.querySelector(".site-search");
  if (!box) return;
  var input = box.querySelector(".search-input");
  var list = box.querySelector(".search-results");
  var status = document.getElementById("search-status");
  var root = box.getAttribute("data-root") || "";
  var kindOrder = { Person: 0, Event: 1, Article: 2 };
  var maxResults = 8;

  // Lower case without accents, so "Zelenskiy" typed plainly still meets "Zelenskiy" written with marks.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var prepared = null, loading = false;

  function addScript(src, onload) {
    var script = document.createElement("script");
    script.src = root + src;
    script.async = false;  // parts run in the order they are added
    script.onload = onload;
    script.onerror = function () { loading = false; if (status) status.textContent = "The search index could not be loaded."; };
    document.head.appendChild(script);
  }

  // Adds the index scripts once; when the last has run, searches for what was typed meanwhile.
  function load() {
    if (prepared || loading) return;
    if (window.DOSSIER_SEARCH && !window.DOSSIER_SEARCH_PARTS) { prepare(); return; }
    loading = true;
    function done() { loading = false; prepare(); update(); }
    addScript("assets/search-index.js", function () {
      var parts = window.DOSSIER_SEARCH_PARTS || [];
      if (!parts.length) { done(); return; }
      parts.forEach(function (part, i) { addScript(part, i === parts.length - 1 ? done : null); });
    });
  }

  function prepare() { prepared = (window.DOSSIER_SEARCH || []).map(function (r) {
    return {
      record: r,
      title: fold(r.t),
      names: r.n.map(fold),
      sub: fold(r.s),
      text: fold(r.x),
      words: fold([r.t].concat(r.n).join(" ")).split(/[^a-z0-9\u00c0-\uffff]+/)
    };
  }); }

  // Name matches first: a whole name or a word of it beats the title, which beats the role, which beats the text.
  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], best = 0;
      if (item.title === term || item.names.indexOf(term) >= 0) best = 100;
      else if (item.words.some(function (w) { return w === term; })) best = 80;
      else if (item.words.some(function (w) { return w.indexOf(term) === 0; })) best = 60;
      else if (item.title.indexOf(term) >= 0 || item.names.some(function (n) { return n.indexOf(term) >= 0; })) best = 40;
      else if (item.sub.indexOf(term) >= 0) best = 20;
      else if (item.text.indexOf(term) >= 0) best = 5;
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  // A few words of the text around the first match, for results found in the text only.
  function excerpt(item, terms) {
    var at = item.text.indexOf(terms[0]);
    if (at < 0) return "";
    var start = Math.max(0, at - 50), end = Math.min(item.record.x.length, at + terms[0].length + 70);
    return (start > 0 ? "…" : "") + item.record.x.slice(start, end).trim() + (end < item.record.x.length ? "…" : "");
  }

  var results = [], active = -1;

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length || !prepared) return [];
    var found = [];
    prepared.forEach(function (item) {
      var s = score(item, terms);
      if (s) found.push({ item: item, score: s });
    });
    found.sort(function (a, b) {
      return b.score - a.score || kindOrder[a.item.record.k] - kindOrder[b.item.record.k] ||
        (a.item.record.t < b.item.record.t ? -1 : a.item.record.t > b.item.record.t ? 1 : 0);
    });
    return found.slice(0, maxResults).map(function (f) {
      return { record: f.item.record, excerpt: f.score / terms.length <= 5 ? excerpt(f.item, terms) : "" };
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function render() {
    list.textContent = "";
    results.forEach(function (result, i) {
      var r = result.record;
      var li = element("li", "search-result");
      li.id = "search-result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      var link = element("a", "search-link");
      link.href = root + r.u;
      link.tabIndex = -1;
      var meta = element("span", "search-meta");
      meta.appendChild(element("span", "badge badge-" + r.k.toLowerCase(), r.k));
      if (r.d) meta.appendChild(element("span", "search-date", r.d));
      link.appendChild(meta);
      link.appendChild(element("span", "search-title", r.t));
      var detail = result.excerpt || r.s;
      if (detail) link.appendChild(element("span", "search-detail", detail));
      li.appendChild(link);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      list.appendChild(li);
    });
    if (!results.length && input.value.trim()) list.appendChild(element("li", "search-none", "Nothing found."));
    var open = input.value.trim() !== "";
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (active >= 0) input.setAttribute("aria-activedescendant", "search-result-" + active);
    else input.removeAttribute("aria-activedescendant");
    if (status) status.textContent = open ? (results.length ? results.length + (results.length === 1 ? " result" : " results") : "Nothing found") : "";
  }

  function close() {
    results = []; active = -1;
    render();
  }

  function update() {
    if (!prepared) { load(); return; }
    results = search(input.value);
    active = results.length ? 0 : -1;
    render();
  }

  input.addEventListener("input", update);

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.length) return;
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + results.length) % results.length;
      render();
      var current = document.getElementById("search-result-" + active);
      if (current && current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
      if (active >= 0 && results[active]) {
        event.preventDefault();
        window.location.href = root + results[active].record.u;
      }
    } else if (event.key === "Escape") {
      if (input.value || results.length) {
        event.preventDefault();
        input.value = "";
        close();
      }
    }
  });

  input.addEventListener("blur", function () { list.hidden = true; input.setAttribute("aria-expanded", "false"); });
  input.addEventListener("focus", function () { load(); if (results.length || input.value.trim()) render(); });
  box.hidden = false;
})();
