// Unit tree: filter by name (showing matches with their ancestors) and open/close all.
(function () {
  "use strict";
  function semuaDetails(pohon) { return pohon.querySelectorAll("details"); }

  document.addEventListener("click", function (e) {
    var buka = e.target.closest("[data-pohon-buka]");
    var tutup = e.target.closest("[data-pohon-tutup]");
    if (buka) semuaDetails(document.querySelector(buka.dataset.pohonBuka)).forEach(function (d) { d.open = true; });
    if (tutup) semuaDetails(document.querySelector(tutup.dataset.pohonTutup)).forEach(function (d) { d.open = false; });
  });

  document.addEventListener("input", function (e) {
    var input = e.target.closest("[data-cari-pohon]");
    if (!input) return;
    var pohon = document.querySelector(input.dataset.cariPohon);
    var kata = input.value.trim().toLowerCase();
    var items = pohon.querySelectorAll("li[data-nama]");
    var cocok = 0;
    items.forEach(function (li) { li.classList.toggle("tersembunyi", kata !== ""); });
    if (kata === "") {
      document.querySelector("[data-hasil-cari]").textContent = "";
      return;
    }
    items.forEach(function (li) {
      if (li.dataset.nama.indexOf(kata) === -1) return;
      cocok += 1;
      // Show the match, its whole subtree, and every ancestor (opened).
      li.classList.remove("tersembunyi");
      li.querySelectorAll("li").forEach(function (c) { c.classList.remove("tersembunyi"); });
      var p = li.parentElement.closest("li");
      while (p) {
        p.classList.remove("tersembunyi");
        var d = p.querySelector(":scope > details");
        if (d) d.open = true;
        p = p.parentElement.closest("li");
      }
    });
    var hasil = document.querySelector("[data-hasil-cari]");
    hasil.textContent = cocok + " " + (document.documentElement.lang === "en" ? "match(es)" : "cocok");
  });
})();
