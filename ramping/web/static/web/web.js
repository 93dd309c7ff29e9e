// Small behaviours shared by every page. Everything works without JS; this only saves clicks.
(function () {
  "use strict";
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches("[data-kirim-otomatis]")) {
      // A version or depth picker: reload with the new value (a plain GET form).
      el.form.submit();
    } else if (el.matches("[data-pindah-ke]")) {
      // Navigation select (option values are URLs); keep it from triggering a parent HTMX form.
      e.stopPropagation();
      window.location.href = el.value;
    }
  }, true);
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-cetak]")) {
      window.print();
    }
    // Close open header menus when clicking elsewhere.
    document.querySelectorAll("details.menu-turun[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      document.querySelectorAll("details.menu-turun[open]").forEach(function (d) {
        d.removeAttribute("open");
        d.querySelector("summary").focus();
      });
    }
  });

  // A table box that scrolls sideways (narrow window) is reachable by keyboard: when nothing in
  // it takes focus, the box itself does, named after its panel's heading (WCAG 2.1.1; axe
  // "scrollable-region-focusable"). Re-checked on resize and after every HTMX swap.
  var FOKUS = "a[href], button, input, select, textarea, summary, [tabindex]";
  function aturGulir() {
    document.querySelectorAll(".gulir-x, .panel.tanpa-isi").forEach(function (kotak) {
      var bergulir = kotak.scrollWidth > kotak.clientWidth + 1;
      var kami = kotak.hasAttribute("data-gulir-fokus");
      if (bergulir && !kami && !kotak.querySelector(FOKUS)) {
        var judul = kotak.closest("section, .panel");
        judul = judul && judul.querySelector("h2, h3");
        kotak.setAttribute("tabindex", "0");
        kotak.setAttribute("role", "region");
        kotak.setAttribute("aria-label", judul ? judul.textContent.trim() : document.title);
        kotak.setAttribute("data-gulir-fokus", "");
      } else if (!bergulir && kami) {
        ["tabindex", "role", "aria-label", "data-gulir-fokus"].forEach(function (a) { kotak.removeAttribute(a); });
      }
    });
  }
  document.addEventListener("DOMContentLoaded", aturGulir);
  window.addEventListener("resize", aturGulir);
  document.addEventListener("htmx:afterSettle", aturGulir);
})();

// Abbreviations ({% singkatan %}): the focus bubble opens to the left when it would run past the
// right edge of the window; Escape closes it.
(function () {
  document.addEventListener("focusin", function (e) {
    var a = e.target;
    if (!(a instanceof Element) || !a.matches("abbr.singkatan")) return;
    var kiri = a.getBoundingClientRect().left;
    a.classList.toggle("singkatan-kanan", kiri + 300 > document.documentElement.clientWidth);
  });
  document.addEventListener("keydown", function (e) {
    var a = document.activeElement;
    if (e.key === "Escape" && a && a.matches && a.matches("abbr.singkatan")) a.blur();
  });
})();
