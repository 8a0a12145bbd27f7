/* Dossier search: results as you type, names first, from an index in small classic scripts (no fetch, no modules:
   both fail under file://), added to the page only when needed:
   - assets/search/names.js, the first time the box is used: every person, event and article (kind, title, link,
     date, other names, one line under the title) in window.DOSSIER_SEARCH_NAMES, with the names of the text shards;
   - assets/search/text-K.js, when a typed word starts with K: the words of the full text that start with K and the
     records (by place in names.js) that use them, in window.DOSSIER_SEARCH_TEXT[K].
   Words are folded and a word's shard is found exactly as the build does (Sources/Renderer/SearchIndex.swift).
   Keyboard: arrows move through the results, Enter opens one, Escape closes the list. */
(function () {
  "use strict";
  var maxKeyLength = 5, maxWordLength = 40;

  // Lower case without accents, so "Zelenskiy" typed plainly still meets "Zelenskiy" written with marks.
  function fold(text) {
    if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();   // the same, without the work, for plain ASCII
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function isWordPoint(c) {
    if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
    if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
    if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe00 && c <= 0xfe0f) ||
        (c >= 0xff00 && c <= 0xff0f) || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) return false;
    return true;
  }

  // The folded words of a text, in order: runs of letters and digits, by code point.
  function words(text) {
    var folded = fold(text);
    if (/^[\x00-\x7f]*$/.test(folded)) {       // plain ASCII: the same words, split at once
      return folded.split(/[^a-z0-9]+/).filter(function (w) { return w && w.length <= maxWordLength; });
    }
    var out = [], word = [];
    function flush() { if (word.length && word.length <= maxWordLength) out.push(word.join("")); word = []; }
    Array.from(folded).forEach(function (ch) { if (isWordPoint(ch.codePointAt(0))) word.push(ch); else flush(); });
    flush();
    return out;
  }

  // The shard that holds a word, or would: the longest key of `keys` (an object used as a set) that begins it.
  function shardKey(word, keys) {
    var points = Array.from(word);
    for (var n = Math.min(points.length, maxKeyLength); n >= 0; n--) {
      var key = points.slice(0, n).join("");
      if (Object.prototype.hasOwnProperty.call(keys, key)) return key;
    }
    return null;
  }

  // A key as part of a file name: ASCII letters and digits as they are, any other code point as _hex_; "" as _.
  function fileKey(key) {
    if (key === "") return "_";
    return Array.from(key).map(function (ch) { return /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16) + "_"; }).join("");
  }

  window.DossierSearch = { fold: fold, words: words, shardKey: shardKey, fileKey: fileKey };

  var box = document.querySelector(".site-search");
  if (!box) return;
  var input = box.querySelector(".search-input");
  var list = box.querySelector(".search-results");
  var status = document.getElementById("search-status");
  var root = box.getAttribute("data-root") || "";
  var kinds = { P: ["Person", "people/", 0], E: ["Event", "events/", 1], A: ["Article", "articles/", 2] };
  var maxResults = 8;

  var prepared = null, shardKeys = null, loadingNames = false;
  var shardState = {};      // key → "loading" | "loaded" | "failed"
  var decoded = {};         // word → its record numbers

  function addScript(src, onload, onerror) {
    var script = document.createElement("script");
    script.src = root + src;
    script.onload = onload;
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  function failed() { if (status) status.textContent = "The search index could not be loaded."; }

  // Adds names.js once; when it has run, searches for what was typed meanwhile.
  function loadNames() {
    if (prepared || loadingNames) return;
    if (window.DOSSIER_SEARCH_NAMES) { prepare(); return; }
    loadingNames = true;
    addScript("assets/search/names.js", function () { loadingNames = false; prepare(); update(); },
              function () { loadingNames = false; failed(); });
  }

  function prepare() {
    var names = window.DOSSIER_SEARCH_NAMES || { shards: [], records: [] };
    shardKeys = {};
    names.shards.forEach(function (key) { shardKeys[key] = true; });
    prepared = names.records.map(function (r, i) {
      var kind = kinds[r[0]];
      var record = { k: kind[0], t: r[1], u: kind[1] + r[2] + ".html", d: r[3], n: r[4], s: r[5], order: kind[2], id: i };
      return {
        record: record,
        title: fold(record.t),
        names: record.n.map(fold),
        sub: fold(record.s),
        words: words([record.t].concat(record.n).join(" "))
      };
    });
  }

  // The shard a term needs, added to the page if it is not there yet; true once its words are known.
  function ensureShard(term) {
    var key = shardKey(term, shardKeys);
    if (key === null) return true;
    var loaded = window.DOSSIER_SEARCH_TEXT && window.DOSSIER_SEARCH_TEXT[key];
    if (loaded) return true;
    if (shardState[key] === "failed") return true;
    if (shardState[key] !== "loading") {
      shardState[key] = "loading";
      addScript("assets/search/text-" + fileKey(key) + ".js", function () { shardState[key] = "loaded"; update(); },
                function () { shardState[key] = "failed"; failed(); });
    }
    return false;
  }

  function postings(word, text) {
    if (!decoded[word]) {
      var id = 0;
      decoded[word] = text.split(",").map(function (step) { id += parseInt(step, 36); return id; });
    }
    return decoded[word];
  }

  // The records whose text has a word starting with `term` (every word, once the shard of `term` is loaded).
  function textMatches(term) {
    var key = shardKey(term, shardKeys);
    var shard = key !== null && window.DOSSIER_SEARCH_TEXT && window.DOSSIER_SEARCH_TEXT[key];
    var found = {};
    if (!shard) return found;
    for (var word in shard) {
      if (word.lastIndexOf(term, 0) === 0) postings(word, shard[word]).forEach(function (id) { found[id] = true; });
    }
    return found;
  }

  // Name matches first: a whole name or a word of it beats the title, which beats the line under it, which beats the text.
  function score(item, terms, inText) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], best = 0;
      if (item.title === term || item.names.indexOf(term) >= 0) best = 100;
      else if (item.words.indexOf(term) >= 0) best = 80;
      else if (item.words.some(function (w) { return w.lastIndexOf(term, 0) === 0; })) best = 60;
      else if (item.title.indexOf(term) >= 0 || item.names.some(function (n) { return n.indexOf(term) >= 0; })) best = 40;
      else if (item.sub.indexOf(term) >= 0) best = 20;
      else if (inText[i][item.record.id]) best = 5;
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  var results = [], active = -1;

  // The best results for what is typed, from names.js and the shards loaded so far; `complete` is false while a
  // shard it needs is still loading (its results are shown when it arrives).
  function search(query) {
    var terms = words(query);
    if (!terms.length || !prepared) return [];
    terms.forEach(ensureShard);
    var inText = terms.map(textMatches);
    var found = [];
    prepared.forEach(function (item) {
      var s = score(item, terms, inText);
      if (s) found.push({ item: item, score: s });
    });
    found.sort(function (a, b) {
      var x = a.item.record, y = b.item.record;
      return b.score - a.score || x.order - y.order || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0) || x.id - y.id;
    });
    return found.slice(0, maxResults).map(function (f) {
      return { record: f.item.record, inText: f.score / terms.length <= 5 };
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
      var detail = result.inText ? (r.s ? r.s + " · " : "") + "in the text" : r.s;
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
    if (!prepared) { loadNames(); return; }
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
  input.addEventListener("focus", function () { loadNames(); if (results.length || input.value.trim()) render(); });
  box.hidden = false;
})();
