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

  // ---- platform picker: theme.js put the reader's platform on <html data-platform> before the first paint;
  // CSS shows that platform's status, output and summary and folds other platforms' steps. Here: the
  // select, remembering a choice, a Mac's architecture, and opening a folded step a link points into.
  var picker = $("[data-platform-picker]");
  if (picker) initPicker(picker);

  function initPicker(box) {
    var select = $("select", box);
    var ids = $$("option", select).map(function (o) { return o.value; }).filter(Boolean);
    function apply(id, how) {
      if (id && ids.indexOf(id) < 0) { id = ""; how = "all"; }
      select.value = id;
      root.setAttribute("data-platform", id);
      root.setAttribute("data-how", how);
      $$(".snippet.is-open").forEach(function (sn) { open(sn, false); });
      reveal();
    }
    function open(sn, yes) {
      var btn = $(".fold-toggle", sn);
      sn.classList.toggle("is-open", yes);
      btn.setAttribute("aria-expanded", String(yes));
      btn.textContent = btn.getAttribute(yes ? "data-hide" : "data-show");
      scrollables();
    }
    $$(".fold-toggle").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var sn = btn.closest("[data-snippet-id]");
        open(sn, !sn.classList.contains("is-open"));
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
      var target = location.hash && doc.getElementById(decodeURIComponent(location.hash.slice(1).split(":~:")[0]));
      var sn = target && target.closest && target.closest(".snippet");
      var folded = sn && getComputedStyle($(".snippet-fold", sn)).display !== "none";
      if (folded && !sn.classList.contains("is-open")) open(sn, true);
    }
    window.addEventListener("hashchange", reveal);
    var param = new URLSearchParams(location.search).get("platform");
    if (param) store("platform", param);
    var how = root.getAttribute("data-how"), id = root.getAttribute("data-platform") || "";
    if (how === "saved" || how === "guess" || how === "all") apply(id, how);
    else guess(function (g) {
      if (g && g !== "ask" && ids.indexOf(g) >= 0) apply(g, "guess");
      else apply("", "ask");
    });
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

  // ---- search: the text of every section, loaded on first use. Ranked like MkDocs Material's: a term
  // counts more in a title than a heading than the text, rare terms count more than common ones (idf),
  // words match by prefix and, from 4 letters, with one typo; CJK runs match as substrings.
  var form = $("form.search");
  if (form) initSearch(form);

  function cjk(c) { return /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/.test(c); }
  function word(c) { return /[\p{L}\p{N}_]/u.test(c) && !cjk(c); }
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
  function words(text) { return text.match(/[\p{L}\p{N}_]+/gu) || []; }
  // at most one edit (substitution, insertion, deletion) between a and the start of b
  function near(a, b) {
    if (a.length < 4) return false;
    var bb = b.slice(0, a.length + 1), i = 0;
    while (i < a.length && a[i] === bb[i]) i++;
    if (i >= a.length) return true;
    return a.slice(i + 1) === bb.slice(i + 1, a.length) || a.slice(i) === bb.slice(i + 1, a.length + 1) || a.slice(i + 1) === bb.slice(i, a.length - 1);
  }
  // how often a term occurs in a field: CJK as substrings, words by prefix (exact 1, typo 0.5)
  function tf(field, fieldWords, term) {
    if (term.any) { var n = 0; for (var at = field.indexOf(term.t); at >= 0; at = field.indexOf(term.t, at + term.t.length)) n++; return n; }
    var f = 0;
    for (var i = 0; i < fieldWords.length; i++) {
      var w = fieldWords[i];
      if (w.lastIndexOf(term.t, 0) === 0) f += 1; else if (near(term.t, w)) f += 0.5;
    }
    return f;
  }
  function initSearch(f) {
    var input = $("input", f), panel = $(".search-panel", f), status = $(".search-status", f), list = $(".search-list", f);
    var docs = null, loading = null, timer = 0, composing = false;
    function load() {
      if (!loading) {
        loading = fetch(f.getAttribute("data-search-index")).then(function (r) { return r.json(); }).then(function (j) {
          docs = j.docs.map(function (d) {
            var x = d.x.toLowerCase(), h = d.h.toLowerCase(), t = d.t.toLowerCase();
            return { d: d, x: x, h: h, t: t, xw: words(x), hw: words(h), tw: words(t), top: d.u.indexOf("#") < 0 };
          });
        });
      }
      return loading;
    }
    function close() { panel.hidden = true; }
    function run() {
      if (composing) return;
      var q = input.value.trim();
      if (!q) { close(); return; }
      panel.hidden = false;
      if (!docs) { status.textContent = f.getAttribute("data-loading"); load().then(run); return; }
      var terms = queryTerms(q), scored = [], n = docs.length;
      var idf = terms.map(function (term) {
        var df = 0;
        docs.forEach(function (e) { if (tf(e.t, e.tw, term) || tf(e.h, e.hw, term) || tf(e.x, e.xw, term)) df++; });
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
      });
      if (terms.length) docs.forEach(function (e) {
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          var ti = tf(e.t, e.tw, terms[i]), hi = tf(e.h, e.hw, terms[i]), xi = tf(e.x, e.xw, terms[i]);
          if (!ti && !hi && !xi) return;
          // saturating term frequency per field, weighted title > heading > text
          var s = 8 * (ti / (ti + 1)) * (e.top ? 1.5 : 1) + 4 * (hi / (hi + 1)) + xi / (xi + 1.2);
          score += s * idf[i];
        }
        scored.push({ e: e, s: score });
      });
      scored.sort(function (a, b) { return b.s - a.s; });
      list.textContent = "";
      scored.slice(0, 20).forEach(function (h) { list.appendChild(hit(h.e.d, q, terms)); });
      status.textContent = scored.length ? f.getAttribute("data-count").replace("{n}", scored.length) : f.getAttribute("data-none");
    }
    function hit(d, q, terms) {
      var li = el("li"), a = el("a"), t = el("span", "search-hit-title"), x = el("span", "search-hit-text");
      t.textContent = d.h ? d.t + " › " + d.h : d.t;
      // the excerpt shows the whole query where the text has it, else its first term found
      var text = d.x, lower = text.toLowerCase(), len = q.length, at = lower.indexOf(q.toLowerCase());
      if (at < 0) terms.some(function (tt) { at = lower.indexOf(tt.t); len = tt.t.length; return at >= 0; });
      // the target page highlights what was found (a text fragment, which the browser scrolls to and marks)
      var found = at >= 0 ? text.substr(at, len) : "";
      a.href = d.u + (found ? (d.u.indexOf("#") < 0 ? "#" : "") + ":~:text=" + encodeURIComponent(found) : "");
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
    input.addEventListener("compositionstart", function () { composing = true; clearTimeout(timer); });
    input.addEventListener("compositionend", function () { composing = false; clearTimeout(timer); timer = setTimeout(run, 60); });
    input.addEventListener("input", function (e) { if (composing || e.isComposing) return; clearTimeout(timer); timer = setTimeout(run, 60); });
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = $("a", list);
      if (first) location.href = first.href;
    });
    f.addEventListener("keydown", function (e) {
      if (e.isComposing || composing) return;
      var links = $$("a", list), i = links.indexOf(document.activeElement);
      if (e.key === "Escape") { close(); input.focus(); }
      else if (e.key === "ArrowDown" && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
    });
    // the panel closes when focus leaves the search, so it never covers the focused element (WCAG 2.4.11)
    f.addEventListener("focusout", function (e) { if (!e.relatedTarget || !f.contains(e.relatedTarget)) close(); });
    doc.addEventListener("click", function (e) { if (!f.contains(e.target)) close(); });
    // "/" focuses the search, unless the reader is typing somewhere
    doc.addEventListener("keydown", function (e) {
      var a = doc.activeElement, tag = a && a.tagName;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT"
        || (a && a.isContentEditable)) return;
      e.preventDefault();
      input.focus();
    });
  }

  // ---- table of contents: collapsed on phones (a toggle), the section in view marked
  var toc = $("[data-toc]");
  if (toc) {
    var tbtn = $(".toc-toggle", toc);
    tbtn.addEventListener("click", function () {
      var o = !toc.classList.contains("open");
      toc.classList.toggle("open", o);
      tbtn.setAttribute("aria-expanded", String(o));
      tbtn.textContent = tbtn.getAttribute(o ? "data-hide" : "data-show");
    });
    var links = $$("a", toc), byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var heads = Object.keys(byId).map(function (id) { return doc.getElementById(id); }).filter(Boolean);
    var mark = function () {
      var top = 0, cur = null, line = (parseFloat(getComputedStyle(root).scrollPaddingTop) || 0) + 8;
      heads.forEach(function (h) { top = h.getBoundingClientRect().top; if (top <= line) cur = h; });
      links.forEach(function (a) { a.removeAttribute("aria-current"); });
      if (cur) byId[cur.id].setAttribute("aria-current", "location");
    };
    var ticking = false;
    window.addEventListener("scroll", function () {
      if (!ticking) { ticking = true; requestAnimationFrame(function () { ticking = false; mark(); }); }
    }, { passive: true });
    mark();
  }

  // ---- section anchors: a keyboard stop with a name ("Link to this section: Install"), shown on focus
  var anchorLabel = doc.body.getAttribute("data-anchor-label");
  if (anchorLabel) $$("a.anchor").forEach(function (a) {
    a.removeAttribute("tabindex");
    a.removeAttribute("aria-hidden");
    a.setAttribute("aria-label", anchorLabel + (a.parentNode.textContent || "").trim());
  });

  // ---- a <pre> is a tab stop only when it scrolls sideways (keyboard users can then scroll it)
  function scrollables() {
    $$("pre").forEach(function (p) {
      if (p.scrollWidth > p.clientWidth + 1) p.setAttribute("tabindex", "0"); else p.removeAttribute("tabindex");
    });
  }
  scrollables();
  window.addEventListener("resize", function () { clearTimeout(scrollables.t); scrollables.t = setTimeout(scrollables, 150); });
  doc.addEventListener("toggle", scrollables, true);
})();
