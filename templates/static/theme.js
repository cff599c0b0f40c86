// Runs in <head> before the page paints (not deferred, on purpose), so nothing moves after the first paint:
// the saved colour theme, a "js" class (the picker and search take their place at once), and the reader's
// platform on <html data-platform> with how it was chosen (data-how), from which CSS shows that platform's
// status, output and summary and folds the steps of other platforms. site.js refines a Mac's guess later.
(function () {
  var root = document.documentElement;
  function get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  var saved = get("theme");
  if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);
  root.classList.add("js");
  var param = null;
  try { param = new URLSearchParams(location.search).get("platform"); } catch (e) { /* old browser */ }
  var chosen = param || get("platform"), id = "", how = "all";
  if (chosen && /^[a-z0-9-]+$/.test(chosen)) { id = chosen === "all" ? "" : chosen; how = "saved"; }
  else {
    var uad = navigator.userAgentData, ua = navigator.userAgent || "", plat = (uad && uad.platform) || "";
    if (/iPhone|iPad|Android/.test(ua)) how = "all";
    else if (/^mac/i.test(plat) || (!plat && /Macintosh|Mac OS X/.test(ua))) how = "ask";
    else if (/^win/i.test(plat) || (!plat && /Windows/.test(ua))) { id = "wsl"; how = "guess"; }
    else if (/linux|chrome ?os/i.test(plat) || (!plat && /Linux|CrOS/.test(ua))) { id = "linux"; how = "guess"; }
  }
  root.setAttribute("data-platform", id);
  root.setAttribute("data-how", how);
})();
