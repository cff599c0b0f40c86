// Page behaviour: theme toggle, copy buttons, platform picker, search, language choice.
// No third-party code, nothing loaded from elsewhere; the search index is fetched only when search is used.
(function () {
  "use strict";
  var root = document.documentElement;
  var doc = document;
  function $(sel, el) { return (el || doc).querySelector(sel); }
  function $$(sel, el) { return Array.prototype.slice.call((el || doc).querySelectorAll(sel)); }
  function store(key, value) {
    try { if (value === undefined) return localStorage.getItem(key); localStorage.setItem(key, value); } catch (e) { /* storage off */ }
    return null;
  }

  // ---- dark mode (theme.js has applied a saved choice before the first paint)
  function currentTheme() {
    var set = root.getAttribute("data-theme");
    if (set) return set;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  var toggle = $(".theme-toggle");
  if (toggle) {
    toggle.setAttribute("aria-pressed", String(currentTheme() === "dark"));
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      toggle.setAttribute("aria-pressed", String(next === "dark"));
      store("theme", next);
    });
  }

  // ---- copy buttons: data-copy holds the commands (for console: without "$ " and without output)
  $$("button.copy").forEach(function (btn) {
    var label = btn.textContent;
    btn.addEventListener("click", function () {
      var text = btn.getAttribute("data-copy") || "";
      var done = function () {
        btn.textContent = btn.getAttribute("data-copied-label") || label;
        btn.setAttribute("data-done", "");
        setTimeout(function () { btn.textContent = label; btn.removeAttribute("data-done"); }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
      } else {
        fallbackCopy(text);
        done();
      }
    });
  });
  function fallbackCopy(text) {
    var ta = doc.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "visually-hidden";
    doc.body.appendChild(ta);
    ta.select();
    try { doc.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    doc.body.removeChild(ta);
  }

  // ---- language links: keep the reader's choice for Netlify's "/" redirect and keep the step in view
  $$("a[data-lang-link]").forEach(function (a) {
    a.addEventListener("click", function () {
      doc.cookie = "nf_lang=" + a.getAttribute("data-lang-link") + "; path=/; max-age=31536000; SameSite=Lax";
      if (/^#step-/.test(location.hash) && !a.hasAttribute("data-missing")) a.setAttribute("href", a.getAttribute("href").split("#")[0] + location.hash);
    });
  });

  // ---- platform picker
  var picker = $("[data-platform-picker]");
  if (picker) initPicker(picker);

  function initPicker(box) {
    var select = $("select", box);
    var note = $(".picker-note", box);
    var ids = $$("option", select).map(function (o) { return o.value; }).filter(Boolean);
    box.hidden = false;

    function fold(sn, folded) {
      var fb = $(".snippet-fold", sn);
      var body = $(".snippet-body", sn);
      var btn = $(".fold-toggle", sn);
      sn.classList.toggle("is-other", folded);
      sn.classList.remove("is-open");
      fb.hidden = !folded;
      body.hidden = folded;
      btn.setAttribute("aria-expanded", "false");
      btn.textContent = btn.getAttribute("data-show");
    }
    function apply(id, how) {
      select.value = id;
      box.removeAttribute("data-asking");
      note.textContent = how === "ask" ? note.getAttribute("data-ask") : !id ? note.getAttribute("data-all")
        : how === "guess" ? note.getAttribute("data-guessed") : note.getAttribute("data-saved");
      if (how === "ask") box.setAttribute("data-asking", "");
      root.setAttribute("data-platform", id);
      $$("[data-snippet-id]").forEach(function (sn) {
        var tags = (sn.getAttribute("data-platforms") || "").split(" ");
        fold(sn, !!id && tags.indexOf(id) < 0);
        $$("[data-platform-status]", sn).forEach(function (s) { s.hidden = s.getAttribute("data-platform-status") !== id; });
        var list = $(".badges", sn);
        if (list) {
          $$(".badge", list).forEach(function (b) { b.removeAttribute("data-mine"); });
          $$(".badge", list).reverse().forEach(function (b) {
            if (id && b.getAttribute("data-platform") === id) { b.setAttribute("data-mine", ""); list.insertBefore(b, list.firstChild); }
          });
        }
      });
      $$("[data-platform-summary]").forEach(function (s) { s.hidden = s.getAttribute("data-platform-summary") !== id; });
      reveal();
    }
    $$(".fold-toggle").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var sn = btn.closest("[data-snippet-id]");
        var open = btn.getAttribute("aria-expanded") !== "true";
        $(".snippet-body", sn).hidden = !open;
        sn.classList.toggle("is-open", open);
        btn.setAttribute("aria-expanded", String(open));
        btn.textContent = btn.getAttribute(open ? "data-hide" : "data-show");
      });
    });
    select.addEventListener("change", function () {
      store("platform", select.value || "all");
      var url = new URL(location.href);
      if (url.searchParams.has("platform")) { url.searchParams.set("platform", select.value || "all"); history.replaceState(null, "", url); }
      apply(select.value, "saved");
    });
    // a link to a step or heading inside a folded step opens it
    function reveal() {
      var target = location.hash && doc.getElementById(decodeURIComponent(location.hash.slice(1)));
      var sn = target && target.closest && target.closest(".is-other");
      if (sn && !sn.classList.contains("is-open")) $(".fold-toggle", sn).click();
    }
    window.addEventListener("hashchange", reveal);

    var param = new URLSearchParams(location.search).get("platform");
    var saved = store("platform");
    if (param && (ids.indexOf(param) >= 0 || param === "all")) {
      store("platform", param);
      apply(param === "all" ? "" : param, "saved");
    } else if (saved && (ids.indexOf(saved) >= 0 || saved === "all")) {
      apply(saved === "all" ? "" : saved, "saved");
    } else {
      guess(function (id) {
        if (id === "ask") apply("", "ask");
        else if (id && ids.indexOf(id) >= 0) apply(id, "guess");
        else apply("", "all");
      });
    }
  }

  // The reader's platform from the browser: userAgentData first (it can tell Apple Silicon from
  // Intel), then the user agent. Safari and Firefox on a Mac cannot tell, so the reader is asked.
  // A Windows browser guesses WSL: the guides' commands are shell commands, run there on Windows.
  function guess(cb) {
    var uad = navigator.userAgentData;
    var ua = navigator.userAgent || "";
    var plat = (uad && uad.platform) || "";
    if (/iPhone|iPad|Android/.test(ua)) return cb("");
    if (/^mac/i.test(plat) || (!plat && /Macintosh|Mac OS X/.test(ua))) {
      if (uad && uad.getHighEntropyValues && /^mac/i.test(plat)) {
        uad.getHighEntropyValues(["architecture"]).then(function (v) {
          cb(v.architecture === "arm" ? "macos-arm64" : v.architecture === "x86" ? "macos-amd64" : "ask");
        }, function () { cb("ask"); });
        return;
      }
      return cb("ask");
    }
    if (/^win/i.test(plat) || (!plat && /Windows/.test(ua))) return cb("wsl");
    if (/linux|chrome ?os/i.test(plat) || (!plat && /Linux|CrOS/.test(ua))) return cb("linux");
    cb("");
  }

  // ---- search: the text of every section, loaded on first use; words match by prefix, CJK runs as substrings
  var form = $("form.search");
  if (form) initSearch(form);

  function cjk(c) { return /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/.test(c); }
  function word(c) { return /[\p{L}\p{N}_]/u.test(c) && !cjk(c); }
  // query terms: words (matched at the start of a word) and CJK runs (matched anywhere)
  function queryTerms(q) {
    var s = q.toLowerCase(), out = [], i = 0;
    while (i < s.length) {
      var j = i + 1;
      if (cjk(s[i])) { while (j < s.length && cjk(s[j])) j++; out.push({ t: s.slice(i, j), any: true }); }
      else if (word(s[i])) { while (j < s.length && word(s[j])) j++; out.push({ t: s.slice(i, j), any: false }); }
      i = j;
    }
    return out;
  }
  function occurrences(text, term) {
    var n = 0;
    for (var at = text.indexOf(term.t); at >= 0; at = text.indexOf(term.t, at + term.t.length)) {
      if (term.any || at === 0 || !word(text[at - 1])) n++;
    }
    return n;
  }
  function initSearch(f) {
    var input = $("input", f), panel = $(".search-panel", f), status = $(".search-status", f), list = $(".search-list", f);
    var docs = null, loading = null, timer = 0;
    f.hidden = false;
    function load() {
      if (!loading) {
        loading = fetch(f.getAttribute("data-search-index")).then(function (r) { return r.json(); }).then(function (j) {
          docs = j.docs.map(function (d) {
            return { d: d, x: d.x.toLowerCase(), h: d.h.toLowerCase(), t: d.t.toLowerCase(), top: d.u.indexOf("#") < 0 };
          });
        });
      }
      return loading;
    }
    function close() { panel.hidden = true; }
    function run() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      panel.hidden = false;
      if (!docs) { status.textContent = f.getAttribute("data-loading"); load().then(run); return; }
      var terms = queryTerms(q), scored = [];
      if (terms.length) docs.forEach(function (e) {
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          var s = occurrences(e.x, terms[i]) + 4 * occurrences(e.h, terms[i]) + (e.top ? 6 : 2) * occurrences(e.t, terms[i]);
          if (!s) return;
          score += s;
        }
        scored.push({ e: e, s: score });
      });
      var hits = scored.sort(function (a, b) { return b.s - a.s; }).slice(0, 12);
      list.textContent = "";
      hits.forEach(function (h) { list.appendChild(hit(h.e.d, q)); });
      status.textContent = hits.length ? f.getAttribute("data-count").replace("{n}", hits.length) : f.getAttribute("data-none");
    }
    function hit(d, q) {
      var li = el("li"), a = el("a"), t = el("span", "search-hit-title"), x = el("span", "search-hit-text");
      a.href = d.u;
      t.textContent = d.h ? d.t + " › " + d.h : d.t;
      // the excerpt shows the whole query where the text has it, else its first term found
      var text = d.x, lower = text.toLowerCase(), len = q.length, at = lower.indexOf(q.toLowerCase());
      if (at < 0) queryTerms(q).some(function (t) { at = lower.indexOf(t.t); len = t.t.length; return at >= 0; });
      var from = Math.max(0, at - 40), shown = (from > 0 ? "…" : "") + text.slice(from, from + 160) + (from + 160 < text.length ? "…" : "");
      var pos = at < 0 ? -1 : at - from + (from > 0 ? 1 : 0);
      if (pos >= 0) {
        var m = el("mark");
        m.textContent = shown.substr(pos, len);
        x.textContent = shown.slice(0, pos);
        x.appendChild(m);
        x.appendChild(doc.createTextNode(shown.slice(pos + len)));
      } else x.textContent = shown;
      a.appendChild(t); a.appendChild(x); li.appendChild(a);
      return li;
    }
    function el(tag, cls) { var e = doc.createElement(tag); if (cls) e.className = cls; return e; }
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = $("a", list);
      if (first) location.href = first.href;
    });
    f.addEventListener("keydown", function (e) {
      var links = $$("a", list), i = links.indexOf(document.activeElement);
      if (e.key === "Escape") { close(); input.focus(); }
      else if (e.key === "ArrowDown" && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
    });
    doc.addEventListener("click", function (e) { if (!f.contains(e.target)) close(); });
  }
})();
