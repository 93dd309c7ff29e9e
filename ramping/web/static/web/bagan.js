// Org chart zoom and pan: one CSS transform (translate + scale) on the chart's <svg>, drawn at
// its natural size. The browser moves the already painted picture on the compositor, so a
// chart of 600 boxes pans and zooms at the screen's frame rate instead of repainting every
// box per frame (as rewriting the viewBox did). While the user moves the chart the picture is
// a scaled copy; when they stop, it is painted again, sharp, at the new scale. Below a scale
// where the text is unreadable, labels are hidden (class "ringkas"): boxes and lines only.
(function () {
  "use strict";
  var kanvas = document.querySelector(".bagan-kanvas");
  if (!kanvas) return;
  var svg = kanvas.querySelector("svg");
  var W = parseFloat(svg.dataset.lebar), H = parseFloat(svg.dataset.tinggi);
  var SKALA_LABEL = 0.45; // below this, 11 px text is under 5 px: not worth painting
  var t = { x: 0, y: 0, s: 1 };
  var antre = false, tenang = null, ringkas = null;

  kanvas.classList.add("aktif");
  svg.style.width = W + "px";
  svg.style.height = H + "px";

  function gambar() {
    if (antre) return;
    antre = true;
    requestAnimationFrame(function () {
      antre = false;
      // Moving: keep the painted picture as a compositor layer and only transform it.
      svg.style.willChange = "transform";
      svg.style.transform = "translate(" + t.x + "px," + t.y + "px) scale(" + t.s + ")";
      var kecil = t.s < SKALA_LABEL;
      if (kecil !== ringkas) { ringkas = kecil; svg.classList.toggle("ringkas", kecil); }
      clearTimeout(tenang);
      // Still for a moment: drop the layer hint so the chart is painted sharp at this scale.
      tenang = setTimeout(function () { svg.style.willChange = "auto"; }, 250);
    });
  }
  function lebar() { return kanvas.clientWidth; }
  function tinggi() { return kanvas.clientHeight; }
  function skalaPas() { return Math.min(lebar() / W, tinggi() / H); }
  function pas() {
    // The whole chart, centred horizontally, from the top (the root box).
    t.s = skalaPas();
    t.x = (lebar() - W * t.s) / 2; t.y = 0;
    gambar();
  }
  function asli() {
    // 1 chart unit = 1 CSS pixel, starting at the top centre (the root box).
    t.s = 1; t.x = (lebar() - W) / 2; t.y = 0;
    gambar();
  }
  function zoom(faktor, px, py) {
    // Zoom by `faktor` around the canvas point (px, py); between half the fitted size and 4:1.
    var sBaru = Math.min(Math.max(t.s * faktor, skalaPas() / 2), 4);
    var f = sBaru / t.s;
    t.x = px - (px - t.x) * f; t.y = py - (py - t.y) * f; t.s = sBaru;
    gambar();
  }
  function titik(ev) {
    var r = kanvas.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  }
  function tengah() { return { x: lebar() / 2, y: tinggi() / 2 }; }

  kanvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = titik(ev);
    zoom(ev.deltaY > 0 ? 1 / 1.15 : 1.15, p.x, p.y);
  }, { passive: false });

  var seret = null;
  kanvas.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    seret = { x: ev.clientX, y: ev.clientY, tx: t.x, ty: t.y, pindah: false };
  });
  window.addEventListener("pointermove", function (ev) {
    if (!seret) return;
    var dx = ev.clientX - seret.x, dy = ev.clientY - seret.y;
    if (!seret.pindah && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!seret.pindah) { seret.pindah = true; kanvas.classList.add("seret"); }
    t.x = seret.tx + dx; t.y = seret.ty + dy;
    gambar();
  });
  window.addEventListener("pointerup", function () {
    if (seret && seret.pindah) {
      // Swallow the click that ends a drag, so releasing over a box does not open it.
      kanvas.addEventListener("click", function (e) { e.preventDefault(); e.stopPropagation(); }, { capture: true, once: true });
    }
    seret = null;
    kanvas.classList.remove("seret");
  });

  kanvas.addEventListener("keydown", function (ev) {
    var langkah = lebar() / 10, c = tengah();
    var aksi = {
      ArrowLeft: function () { t.x += langkah; }, ArrowRight: function () { t.x -= langkah; },
      ArrowUp: function () { t.y += langkah; }, ArrowDown: function () { t.y -= langkah; },
      "+": function () { zoom(1.25, c.x, c.y); }, "=": function () { zoom(1.25, c.x, c.y); },
      "-": function () { zoom(1 / 1.25, c.x, c.y); }, "0": pas, "1": asli
    }[ev.key];
    if (!aksi || ev.target !== kanvas) return;
    ev.preventDefault();
    aksi();
    gambar();
  });

  document.querySelectorAll("[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () {
      var c = tengah();
      ({ masuk: function () { zoom(1.25, c.x, c.y); }, keluar: function () { zoom(1 / 1.25, c.x, c.y); }, pas: pas, asli: asli })[b.dataset.zoom]();
    });
  });

  // Small charts open at natural size; large ones open fitted to the screen.
  if (W <= lebar() && H <= tinggi()) { asli(); t.y = (tinggi() - H) / 4; gambar(); } else { pas(); }
  window.addEventListener("resize", pas);
  requestAnimationFrame(function () { kanvas.dataset.siap = "1"; });
})();
