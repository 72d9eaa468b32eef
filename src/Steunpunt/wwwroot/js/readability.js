// Live readability advice beside the editors' texts (Information/Editing/_Readability.cshtml): the same analysis on
// the server as after "Voorbeeld", asked again a moment after typing stops. Progressive enhancement: without this
// script the advice follows "Voorbeeld" and saving.
(function () {
  "use strict";
  var panel = document.querySelector("aside.readability[data-live]");
  var form = panel && panel.previousElementSibling;
  if (!panel || !form || form.tagName !== "FORM" || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var names = (panel.getAttribute("data-fields") || "").split(" ").filter(Boolean);
  var audienceField = panel.getAttribute("data-audience-field");
  var token = form.querySelector("input[name=__RequestVerificationToken]");
  var timer = null;
  var asked = 0;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && typeof field.value === "string" ? field.value : "";
  }

  function refresh() {
    var body = new URLSearchParams();
    names.forEach(function (name) { body.append("deel", value(name)); });
    var audience = audienceField ? value(audienceField) : panel.getAttribute("data-audience") || "";
    if (audience) {
      body.append("voor", audience);
    }
    var mine = ++asked;
    fetch(panel.getAttribute("data-live"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: token ? { "RequestVerificationToken": token.value } : {}
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html || mine !== asked) {
        return;
      }
      var template = document.createElement("template");
      template.innerHTML = html;
      var fresh = template.content.querySelector("aside.readability");
      if (fresh) {
        panel.innerHTML = fresh.innerHTML;
      }
    }).catch(function () {
      // Offline or signed out: the advice stays as it was until "Voorbeeld".
    });
  }

  form.addEventListener("input", function (event) {
    var name = event.target && event.target.name;
    if (names.indexOf(name) < 0 && name !== audienceField) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(refresh, 800);
  });
})();
