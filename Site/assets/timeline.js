/* Dossier timeline filter: narrows the list (and the marks on the axis) to one person's events and articles.
   The list is complete without this script; the filter shows itself only when the script runs. */
(function () {
  "use strict";
  var form = document.querySelector(".tl-filter");
  if (!form) return;
  var select = form.querySelector("select");
  var count = form.querySelector(".tl-filter-count");
  var entries = Array.prototype.slice.call(document.querySelectorAll(".tl-year .tl-entry"));
  var marks = Array.prototype.slice.call(document.querySelectorAll(".tl-axis .tl-mark"));

  function has(node, person) {
    return !person || (" " + (node.getAttribute("data-people") || "") + " ").indexOf(" " + person + " ") >= 0;
  }

  function apply() {
    var person = select.value, shown = 0;
    entries.forEach(function (entry) {
      var match = has(entry, person);
      entry.hidden = !match;
      if (match) shown++;
    });
    marks.forEach(function (mark) {
      mark.classList.toggle("tl-mark-dimmed", !has(mark, person));
    });
    // Hide months and years left empty, so the headings do not stand alone.
    Array.prototype.forEach.call(document.querySelectorAll(".tl-month, .tl-year"), function (section) {
      section.hidden = !section.querySelector(".tl-entry:not([hidden])");
    });
    count.textContent = person ? shown + (shown === 1 ? " entry" : " entries") : "";
  }

  select.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
