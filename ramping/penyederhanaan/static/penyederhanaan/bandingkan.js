// Comparison page: a link to an OPD's details (#opd-N) opens that collapsed section too.
(function () {
  function buka() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS") {
      el.open = true;
      el.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", buka);
  document.addEventListener("DOMContentLoaded", buka);
})();
