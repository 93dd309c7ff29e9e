// Org chart zoom and pan by rewriting the SVG viewBox: one attribute write per frame, so a
// chart with hundreds of boxes stays smooth (the browser rasterises it once per change).
(function () {
  "use strict";
  var kanvas = document.querySelector(".bagan-kanvas");
  if (!kanvas) return;
  var svg = kanvas.querySelector("svg");
  var W = parseFloat(svg.dataset.lebar), H = parseFloat(svg.dataset.tinggi);
  var vb = { x: 0, y: 0, w: W, h: H };
  var antre = false;

  function gambar() {
    if (antre) return;
    antre = true;
    requestAnimationFrame(function () {
      antre = false;
      svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h);
    });
  }
  function rasio() { return kanvas.clientWidth / kanvas.clientHeight; }
  function pas() {
    // Fit the whole chart, keeping the canvas' aspect ratio so scale is uniform.
    var r = rasio();
    if (W / H > r) { vb.w = W; vb.h = W / r; } else { vb.h = H; vb.w = H * r; }
    vb.x = (W - vb.w) / 2; vb.y = 0;
    gambar();
  }
  function asli() {
    // 1 SVG unit = 1 CSS pixel, starting at the top centre (the root box).
    vb.w = kanvas.clientWidth; vb.h = kanvas.clientHeight;
    vb.x = (W - vb.w) / 2; vb.y = 0;
    gambar();
  }
  function zoom(faktor, cx, cy) {
    // Zoom around (cx, cy) in SVG units; keep between whole chart ×2 and 4:1 detail.
    var wBaru = Math.min(Math.max(vb.w * faktor, kanvas.clientWidth / 4), Math.max(W, H * rasio()) * 2);
    var f = wBaru / vb.w;
    vb.x = cx - (cx - vb.x) * f; vb.y = cy - (cy - vb.y) * f;
    vb.w *= f; vb.h *= f;
    gambar();
  }
  function keSvg(ev) {
    var r = kanvas.getBoundingClientRect();
    return { x: vb.x + (ev.clientX - r.left) / r.width * vb.w, y: vb.y + (ev.clientY - r.top) / r.height * vb.h };
  }
  function tengah() { return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 }; }

  kanvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = keSvg(ev);
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });

  var seret = null;
  kanvas.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    seret = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, pindah: false };
  });
  window.addEventListener("pointermove", function (ev) {
    if (!seret) return;
    var dx = ev.clientX - seret.x, dy = ev.clientY - seret.y;
    if (!seret.pindah && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!seret.pindah) { seret.pindah = true; kanvas.classList.add("seret"); }
    var s = vb.w / kanvas.clientWidth;
    vb.x = seret.vx - dx * s; vb.y = seret.vy - dy * s;
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
    var langkah = vb.w / 10, c = tengah();
    var aksi = {
      ArrowLeft: function () { vb.x -= langkah; }, ArrowRight: function () { vb.x += langkah; },
      ArrowUp: function () { vb.y -= langkah; }, ArrowDown: function () { vb.y += langkah; },
      "+": function () { zoom(1 / 1.25, c.x, c.y); }, "=": function () { zoom(1 / 1.25, c.x, c.y); },
      "-": function () { zoom(1.25, c.x, c.y); }, "0": pas, "1": asli
    }[ev.key];
    if (!aksi || ev.target !== kanvas) return;
    ev.preventDefault();
    aksi();
    gambar();
  });

  document.querySelectorAll("[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () {
      var c = tengah();
      ({ masuk: function () { zoom(1 / 1.25, c.x, c.y); }, keluar: function () { zoom(1.25, c.x, c.y); }, pas: pas, asli: asli })[b.dataset.zoom]();
    });
  });

  svg.removeAttribute("width");
  svg.removeAttribute("height");
  // Small charts open at natural size; large ones open fitted to the screen.
  if (W <= kanvas.clientWidth && H <= kanvas.clientHeight) { asli(); vb.y = -(kanvas.clientHeight - H) / 4; gambar(); } else { pas(); }
  window.addEventListener("resize", pas);
})();
