// The focused element and how its focus shows (tests/browser/test_papan_ketik.py): its test mark,
// whether :focus-visible applies, and the best contrast of its focus ring (the outline, or a
// box-shadow ring) against the nearest opaque background behind it (WCAG 2.4.7 / 1.4.11).
(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const warna = (teks) => {
    const m = (teks || "").match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(",").map(Number);
    return a === 0 ? null : [r, g, b];
  };
  const terang = ([r, g, b]) => {
    const k = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * k(r) + 0.7152 * k(g) + 0.0722 * k(b);
  };
  const kontras = (a, b) => {
    const [x, y] = [terang(a), terang(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  let latar = null;
  for (let p = el.parentElement; p && !latar; p = p.parentElement) {
    latar = warna(getComputedStyle(p).backgroundColor);
  }
  latar = latar || [255, 255, 255];
  const g = getComputedStyle(el);
  const cincin = [];
  if (g.outlineStyle !== "none" && parseFloat(g.outlineWidth) >= 2) {
    cincin.push(warna(g.outlineColor));
  }
  if (g.boxShadow && g.boxShadow !== "none") cincin.push(warna(g.boxShadow));
  const terbaik = Math.max(0, ...cincin.filter(Boolean).map((c) => kontras(c, latar)));
  return {
    tanda: el.dataset.ujiKetik || null,
    nama: `<${el.tagName.toLowerCase()}> ${(el.innerText || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 30)}`,
    terlihat: el.matches(":focus-visible"),
    kontras: Math.round(terbaik * 100) / 100,
  };
})
