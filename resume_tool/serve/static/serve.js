// resume-tool serve: progressive enhancement only. Without this file every form still
// posts and every page still works; with it, results replace the page's <main> in place.
"use strict";
(function () {
  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("app");
    var main = document.getElementById("app");
    if (!fresh || !main) { return false; }
    // Stylesheets the new page needs (the report's), from this server only.
    doc.querySelectorAll("link[rel=stylesheet]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!document.querySelector('link[rel=stylesheet][href="' + href + '"]')) {
        var el = document.createElement("link");
        el.rel = "stylesheet";
        el.href = href;
        document.head.insertBefore(el, document.head.querySelector("link[rel=stylesheet]"));
      }
    });
    main.replaceWith(document.adoptNode(fresh));
    document.title = doc.title;
    if (url && url !== location.href) { history.pushState({}, "", url); }
    var hash = url && url.indexOf("#") >= 0 ? url.slice(url.indexOf("#") + 1) : "";
    var target = (hash && document.getElementById(hash)) || document.getElementById("error");
    if (target) { target.scrollIntoView(); } else { window.scrollTo(0, 0); }
    enhance();
    return true;
  }

  function submit(event) {
    var form = event.target;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    var label = button ? button.textContent : "";
    if (button) { button.disabled = true; button.textContent = button.getAttribute("data-busy") || label; }
    form.setAttribute("aria-busy", "true");
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        var url = response.url + (response.redirected && form.action.indexOf("/recheck") >= 0 ? "#changes" : "");
        return response.text().then(function (html) {
          if (!swap(html, response.redirected ? url : null)) { throw new Error("no page"); }
        });
      })
      .catch(function () {
        if (button) { button.disabled = false; button.textContent = label; }
        form.removeAttribute("aria-busy");
        form.submit();
      });
  }

  var polling = null;
  function poll() {
    var job = document.getElementById("job");
    if (!job || polling) { return; }
    var status = job.getAttribute("data-status");
    if (status !== "queued" && status !== "running") { return; }
    polling = window.setInterval(function () {
      fetch(job.getAttribute("data-status-url"), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          var bar = document.getElementById("bar");
          var text = document.getElementById("progress-text");
          if (bar) { bar.value = p.percent; bar.textContent = p.percent + "%"; }
          if (text && p.status === "running") { text.textContent = "Checked " + p.done + " of " + p.total + " (" + p.percent + "%)…"; }
          if (p.status === "done" || p.status === "failed") {
            window.clearInterval(polling);
            polling = null;
            fetch(location.href, { credentials: "same-origin" })
              .then(function (r) { return r.text(); })
              .then(function (html) { swap(html, null); });
          }
        })
        .catch(function () { /* the next tick tries again */ });
    }, 700);
  }

  function enhance() {
    document.querySelectorAll("form[data-enhance]").forEach(function (form) {
      if (!form.hasAttribute("data-enhanced")) {
        form.setAttribute("data-enhanced", "");
        form.addEventListener("submit", submit);
      }
    });
    document.querySelectorAll(".rt-drop:not([data-enhanced])").forEach(function (zone) {
      // A file dropped anywhere on the zone goes into its file input (not opened by the browser).
      var input = zone.querySelector("input[type=file]");
      zone.setAttribute("data-enhanced", "");
      zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("rt-over"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("rt-over"); });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        zone.classList.remove("rt-over");
        if (input && e.dataTransfer && e.dataTransfer.files.length) {
          input.files = e.dataTransfer.files;
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
    poll();
  }

  window.addEventListener("popstate", function () { location.reload(); });
  document.addEventListener("DOMContentLoaded", enhance);
})();
