// Sets the colour theme before the page paints, so a reader who chose dark never sees a light flash.
// Loaded in <head> without defer on purpose; without a saved choice the system setting applies (CSS).
(function () {
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "dark" || saved === "light") document.documentElement.setAttribute("data-theme", saved);
  } catch (e) { /* storage may be disabled; the system setting applies */ }
})();
