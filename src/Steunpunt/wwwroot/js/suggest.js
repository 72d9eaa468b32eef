// Suggestions while typing in a search box, following the ARIA 1.2 combobox pattern (list autocomplete).
// Progressive enhancement: without this script the search form works as it is.
(function () {
  "use strict";
  var counter = 0;

  function enhance(input) {
    var form = input.form;
    var endpoint = input.getAttribute("data-suggest");
    var id = "suggesties-" + (++counter);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggesties");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = r.question;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = r.url; });
        list.appendChild(li);
      });
      if (results.length === 0) {
        close();
        status.textContent = "";
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length === 1 ? "1 suggestie" : results.length + " suggesties";
      select(-1);
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var ticket = ++latest;
      fetch(endpoint + "?q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (results) { if (ticket === latest) { show(results); } })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      if (e.key === "ArrowDown") { e.preventDefault(); select((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = items[active].url; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
    if (form) { form.addEventListener("submit", close); }
  }

  document.querySelectorAll("input[data-suggest]").forEach(enhance);
})();
