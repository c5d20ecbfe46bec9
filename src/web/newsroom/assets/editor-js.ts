/**
 * The editor's progressive enhancement, served as a static script. Without it
 * the editor still works (save, preview button). With it:
 * - the preview pane follows the body as you type (server-rendered, sanitized);
 * - the form is autosaved to the server every few seconds when it changed;
 * - a copy is kept in this browser too, so text typed after a session expired
 *   comes back after logging in again.
 */
export const editorJs = `
(function () {
  "use strict";
  var form = document.getElementById("story-form");
  if (!form) return;
  var status = document.getElementById("autosave-status");
  var preview = document.getElementById("preview");
  var body = form.querySelector("[name=bodySource]");
  var csrf = form.querySelector("[name=_csrf]").value;
  var storyId = form.getAttribute("data-story");
  var autosaveUrl = form.getAttribute("data-autosave");
  var previewUrl = form.getAttribute("data-preview");
  var localKey = "dateline:draft:" + (storyId || "new");
  var INTERVAL = 5000;

  function encoded() {
    return new URLSearchParams(new FormData(form)).toString();
  }
  function say(text) { if (status) status.textContent = text; }

  var lastSent = encoded();
  var previewTimer = null;

  function refreshPreview() {
    var data = new FormData(form);
    data.delete("_csrf");
    fetch(previewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-csrf-token": csrf, accept: "application/json" },
      body: new URLSearchParams(data).toString()
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (json) {
      if (json && typeof json.html === "string" && preview) preview.innerHTML = json.html;
    }).catch(function () {});
  }

  form.addEventListener("input", function () {
    try { localStorage.setItem(localKey, JSON.stringify({ at: Date.now(), form: encoded() })); } catch (e) {}
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 400);
  });

  function autosave() {
    if (!autosaveUrl) return;
    var now = encoded();
    if (now === lastSent) return;
    fetch(autosaveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-csrf-token": csrf, accept: "application/json" },
      body: now
    }).then(function (r) {
      if (r.ok) { lastSent = now; return r.json().then(function (j) { say("Autosaved " + new Date(j.savedAt).toLocaleTimeString()); }); }
      if (r.status === 401) say("Your session ended: your text is kept in this browser. Log in again in another tab, then reload.");
      else if (r.status === 409) say("Someone saved a newer revision; saving will show both versions.");
      else say("Autosave failed (" + r.status + "); your text is kept in this browser.");
    }).catch(function () { say("Offline: your text is kept in this browser."); });
  }
  setInterval(autosave, INTERVAL);

  form.addEventListener("submit", function (event) {
    // The Preview button opens a new tab; the text is not saved by it, so keep the local copy.
    var submitter = event.submitter;
    if (submitter && submitter.getAttribute("formtarget") === "_blank") return;
    try { localStorage.removeItem(localKey); } catch (e) {}
  });

  // Offer text kept in this browser when it differs from what the page shows.
  try {
    var kept = JSON.parse(localStorage.getItem(localKey) || "null");
    if (kept && kept.form && kept.form !== encoded()) {
      var bar = document.createElement("p");
      bar.className = "notice";
      bar.textContent = "This browser kept unsaved text from " + new Date(kept.at).toLocaleString() + ". ";
      var restore = document.createElement("button");
      restore.type = "button";
      restore.className = "secondary";
      restore.textContent = "Restore it";
      restore.addEventListener("click", function () {
        var params = new URLSearchParams(kept.form);
        var seen = {};
        params.forEach(function (value, name) {
          if (name === "_csrf" || name === "baseRevision") return;
          var fields = form.querySelectorAll("[name='" + name + "']");
          var index = seen[name] || 0;
          seen[name] = index + 1;
          var field = fields[index];
          if (field) field.value = value;
        });
        bar.remove();
        refreshPreview();
      });
      bar.appendChild(restore);
      form.parentNode.insertBefore(bar, form);
    }
  } catch (e) {}
})();
`.trim();
