// Layout check of tests/browser/periksa.py (issue #17 item 1), run in the page by Playwright.
// Returns readable problems (an empty list: the layout is fine); the rules: periksa.py.
(() => {
  const lebar = window.innerWidth;
  const masalah = [];
  const akar = document.documentElement;
  if (akar.scrollWidth > lebar) {
    masalah.push(`halaman bergulir mendatar: lebar isi ${akar.scrollWidth} px > layar ${lebar} px`);
  }
  const terlihat = (el) => {
    const r = el.getBoundingClientRect();
    const g = getComputedStyle(el);
    // checkVisibility: false inside a closed <details> too (its content is skipped, not gone).
    return r.width > 1 && r.height > 1 && g.visibility !== "hidden" &&
      el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
  };
  const sebut = (el) => {
    const teks = (el.innerText || el.value || el.getAttribute("aria-label") || el.name || "")
      .trim().replace(/\s+/g, " ").slice(0, 40);
    const id = el.id ? `#${el.id}` : "";
    const kelas = el.classList.length ? "." + [...el.classList].join(".") : "";
    return `<${el.tagName.toLowerCase()}${id}${kelas}> "${teks}"`;
  };
  const terpotong = (el) => {
    const r = el.getBoundingClientRect();
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll") return null;
      if (o === "hidden" || o === "clip") {
        const b = p.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1) {
          return `terpotong oleh ${sebut(p).split(" ")[0]} (${Math.round(r.left)}–${Math.round(r.right)} px di luar ${Math.round(b.left)}–${Math.round(b.right)} px)`;
        }
      }
    }
    if (r.left < -1 || r.right > lebar + 1) {
      return `keluar layar (${Math.round(r.left)}–${Math.round(r.right)} px, layar ${lebar} px)`;
    }
    return null;
  };
  const pilih = "main button, main a[href], main input:not([type=hidden]), main select, " +
    "main textarea, main summary, main [tabindex]:not([tabindex='-1'])";
  const kontrol = [...document.querySelectorAll(pilih)]
    .filter((el) => !el.closest("svg") && terlihat(el));
  for (const el of kontrol) {
    const alasan = terpotong(el);
    if (alasan) masalah.push(`${sebut(el)} ${alasan}`);
  }
  // A bar that sticks to the window edge (a form's Save bar) floats over the content scrolling
  // beneath it by design; its buttons are checked for being cut off above, not for overlap.
  const melayang = (el) => {
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const pos = getComputedStyle(p).position;
      if (pos === "sticky" || pos === "fixed") return true;
    }
    return false;
  };
  const tombol = kontrol.filter(
    (el) => el.matches("button, .tombol, input[type=submit]") && !melayang(el));
  for (let i = 0; i < tombol.length; i++) {
    const a = tombol[i].getBoundingClientRect();
    for (let j = i + 1; j < tombol.length; j++) {
      if (tombol[i].contains(tombol[j]) || tombol[j].contains(tombol[i])) continue;
      const b = tombol[j].getBoundingClientRect();
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) masalah.push(`tombol bertumpuk: ${sebut(tombol[i])} dan ${sebut(tombol[j])}`);
    }
  }
  return masalah;
})
