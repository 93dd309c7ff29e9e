// Position page: ANJAB row editors, the running evaluasi total, HTMX error messages.
// Listeners sit on the document, so tabs swapped in by HTMX work without re-binding.
(function () {
  "use strict";

  // --- ANJAB: add and remove rows of a list or table item --------------------------------
  function nomori(wadah) {
    wadah.querySelectorAll("[data-baris]").forEach(function (baris, i) {
      var no = baris.querySelector("[data-no]");
      if (no) no.textContent = String(i + 1);
    });
  }

  document.addEventListener("click", function (e) {
    var tambah = e.target.closest("[data-tambah-baris]");
    if (tambah) {
      var editor = tambah.closest("[data-editor]");
      var wadah = editor.querySelector("[data-baris-wadah]");
      var templat = editor.querySelector("template[data-templat]");
      var kosong = wadah.querySelector(".kosong-baris");
      if (kosong) kosong.closest("tr, li").remove();
      var baris = templat.content.firstElementChild.cloneNode(true);
      wadah.appendChild(baris);
      nomori(wadah);
      var isian = baris.querySelector("input, textarea");
      if (isian) isian.focus();
      return;
    }
    var hapus = e.target.closest("[data-hapus-baris]");
    if (hapus) {
      var ed = hapus.closest("[data-editor]");
      var baris2 = hapus.closest("[data-baris]");
      var sebelumnya = baris2.previousElementSibling;
      baris2.remove();
      nomori(ed.querySelector("[data-baris-wadah]"));
      // Keep the keyboard user where they were: the previous row, else the add button.
      var fokus = sebelumnya && sebelumnya.querySelector("input, textarea");
      (fokus || ed.querySelector("[data-tambah-baris]")).focus();
    }
  });

  // --- Evaluasi: total nilai and kelas while levels are picked ---------------------------
  // The server recomputes both on save; this only saves the analyst a round trip.
  function hitung(form) {
    var batas = JSON.parse(form.dataset.batasKelas || "[]");
    var faktor = form.querySelectorAll("fieldset.faktor");
    var total = 0;
    var dipilih = 0;
    faktor.forEach(function (fs) {
      var r = fs.querySelector("input[type=radio]:checked");
      if (r) {
        total += parseInt(r.dataset.nilai, 10);
        dipilih += 1;
      }
    });
    var kelas = null;
    if (dipilih === faktor.length) {
      for (var i = 0; i < batas.length; i++) {
        if (total >= batas[i]) kelas = i + 1;
      }
    }
    var fmt = new Intl.NumberFormat(document.documentElement.lang || "id");
    form.querySelector("[data-total]").textContent = dipilih ? fmt.format(total) : "–";
    form.querySelector("[data-kelas]").textContent = kelas === null ? "–" : String(kelas);
    var sisa = form.querySelector("[data-sisa]");
    var kurang = faktor.length - dipilih;
    sisa.textContent = kurang ? kurang + " " + sisa.dataset.teks : "";
    var bawahan = parseInt(form.dataset.kelasBawahan, 10);
    var peringatan = form.querySelector("[data-peringatan-js]");
    if (peringatan) peringatan.hidden = !(kelas !== null && bawahan && kelas < bawahan);
  }

  function hitungSemua() {
    document.querySelectorAll("form[data-evaluasi]").forEach(hitung);
  }

  document.addEventListener("change", function (e) {
    var form = e.target.closest("form[data-evaluasi]");
    if (form && e.target.matches("input[type=radio]")) hitung(form);
  });
  document.addEventListener("DOMContentLoaded", hitungSemua);
  document.addEventListener("htmx:afterSettle", hitungSemua);

  // --- HTMX: say why a request failed (403, 404, …) instead of doing nothing ------------
  document.addEventListener("htmx:responseError", function (e) {
    var kotak = document.getElementById("pesan-htmx");
    if (!kotak) return;
    var status = e.detail.xhr.status;
    var teks = kotak.dataset[String(status)] || kotak.dataset.lain;
    kotak.innerHTML = "";
    var p = document.createElement("p");
    p.className = "pesan error";
    p.textContent = teks;
    kotak.appendChild(p);
    kotak.hidden = false;
  });
  document.addEventListener("htmx:beforeRequest", function () {
    var kotak = document.getElementById("pesan-htmx");
    if (kotak) kotak.hidden = true;
  });
  // A new task row replaces the "no tasks yet" line.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "tugas-baris") {
      var kosong = e.detail.target.querySelector(".kosong-tugas");
      if (kosong) kosong.remove();
    }
  });
})();
