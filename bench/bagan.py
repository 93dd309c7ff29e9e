"""Benchmark: the org chart (bagan organisasi) in Chromium — time to a visible chart and the
frame rate of pan and zoom.

Usage: python bench/bagan.py [--database-url URL] [--ulang 3] [--bingkai 120] [--tangkap DIR]

Without --database-url it builds a throwaway SQLite database with the demo agency. It starts
the production server (`manage.py serve`, as bench/beban.py does), logs in as the demo analyst
and opens, in headless Chromium (/usr/bin/chromium, 1366×768) through Playwright:

- the whole agency at all levels for the version with the most units (the demo's SOTK 2021:
  588 units + the agency's root box = 589 boxes), and the version in force (349 boxes);

and prints, best of --ulang navigations:

- `tampil`: ms from navigation start (performance.timeOrigin) to the first frame painted
  after the chart is in the DOM and its script has fitted it (two requestAnimationFrame
  callbacks after the `.bagan-kanvas[data-siap]` marker, or after the SVG is visible when
  the page has no marker);
- `geser` / `zoom`: frames per second while, in every animation frame, the page receives one
  pointer-drag step (pan; of the fitted chart, and at 100 % where every label is drawn) or
  one wheel notch around the root box (zoom from 100 % out, then back in) — measured from
  requestAnimationFrame timestamps over --bingkai frames, with p95 frame time;
- the number of SVG elements and of boxes, i.e. elements per box.

The floor is Chromium's own frame rate on the same machine (an empty rAF loop on the same
page), printed alongside.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from beban import ROOT, _env, _manage, _masuk, _port_bebas

CHROMIUM = "/usr/bin/chromium"

UKUR_BINGKAI = """
async ([jenis, n, awal]) => {
  const kanvas = document.querySelector('.bagan-kanvas');
  const r = kanvas.getBoundingClientRect();
  // Around the root box (top centre), where the chart is, not the empty middle of the canvas.
  const cx = r.left + r.width / 2, cy = r.top + 60;
  const bingkai = () => new Promise(res => requestAnimationFrame(res));
  document.querySelector(`[data-zoom="${awal}"]`).click();
  await new Promise(res => setTimeout(res, 400));
  await bingkai(); await bingkai();
  if (jenis === 'geser') {
    kanvas.dispatchEvent(new PointerEvent('pointerdown', {clientX: cx, clientY: cy, button: 0,
      bubbles: true, pointerId: 1, isPrimary: true}));
  }
  const waktu = [await bingkai()];
  for (let i = 0; i < n; i++) {
    if (jenis === 'geser') {
      const t = i / n * Math.PI * 2;
      window.dispatchEvent(new PointerEvent('pointermove', {clientX: cx + 150 * Math.sin(t),
        clientY: cy + 80 * Math.sin(2 * t), bubbles: true, pointerId: 1, isPrimary: true}));
    } else if (jenis === 'zoom') {
      kanvas.dispatchEvent(new WheelEvent('wheel', {clientX: cx, clientY: cy,
        deltaY: i < n / 2 ? 100 : -100, bubbles: true, cancelable: true}));
    }
    waktu.push(await bingkai());
  }
  if (jenis === 'geser') {
    window.dispatchEvent(new PointerEvent('pointerup', {clientX: cx, clientY: cy, bubbles: true,
      pointerId: 1, isPrimary: true}));
  }
  const selang = waktu.slice(1).map((t, i) => t - waktu[i]).sort((a, b) => a - b);
  return {fps: 1000 * n / (waktu[n] - waktu[0]),
          p95: selang[Math.floor(selang.length * 0.95)]};
}
"""

SIAP = """
async () => {
  const bingkai = () => new Promise(res => requestAnimationFrame(res));
  await bingkai(); await bingkai();
  return performance.now();
}
"""


def _ukur(page, url: str, ulang: int, bingkai: int, tangkap: Path | None, nama: str) -> dict:
    tampil = []
    for _ in range(ulang):
        page.goto("about:blank")
        page.goto(url, wait_until="commit")
        page.wait_for_selector("#bagan-svg", state="visible", timeout=120_000)
        # The chart's script marks the canvas when it has fitted the chart (newer bagan.js).
        if page.evaluate("!!document.querySelector('script[src*=\"bagan\"]')"):
            page.wait_for_function(
                "document.readyState !== 'loading' && "
                "(!!document.querySelector('.bagan-kanvas[data-siap]') || "
                "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd > 0)",
                timeout=120_000,
            )
        tampil.append(page.evaluate(SIAP))
    if tangkap:
        page.screenshot(path=str(tangkap / f"bagan-{nama}.png"))
    elemen = page.evaluate("document.querySelectorAll('#bagan-svg *').length")
    kotak = page.evaluate("document.querySelectorAll('#bagan-svg .kotak').length")
    hasil = {"tampil_ms": min(tampil), "elemen": elemen, "kotak": kotak}
    for jenis, awal in (
        ("kosong", "pas"),
        ("geser", "pas"),
        ("geser_100", "asli"),
        ("zoom", "asli"),
    ):
        hasil[jenis] = page.evaluate(UKUR_BINGKAI, [jenis.split("_")[0], bingkai, awal])
        if tangkap:
            page.wait_for_timeout(500)
            page.screenshot(path=str(tangkap / f"bagan-{nama}-{jenis}.png"))
    return hasil


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--database-url", default="")
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--bingkai", type=int, default=120)
    ap.add_argument("--tangkap", default="", help="folder for screenshots")
    arg = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="ramping-bagan-"))
    db_url = arg.database_url or f"sqlite:///{tmp / 'ramping.sqlite3'}"
    env = _env(db_url, tmp)
    if not arg.database_url:
        _manage(env, "migrate", "-v0")
        _manage(env, "demo")
    kode = r"""
import django, json; django.setup()
from django.db.models import Count
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi, Struktur
i = Instansi.objects.order_by("pk").first()
with lingkup_instansi(i.pk):
    v = list(Struktur.objects.filter(instansi=i).annotate(n=Count("unit_set")).order_by("-n")
             .values_list("pk", "n", "status"))
print(json.dumps({"kode": i.kode, "versi": v}))
"""
    keluar = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if keluar.returncode:
        sys.exit(keluar.stderr)
    info = json.loads(keluar.stdout)
    port = _port_bebas()
    dasar = f"http://127.0.0.1:{port}"
    log = open(tmp / "server.log", "w")  # noqa: SIM115 — closed in the finally below
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", f"--bind=127.0.0.1:{port}", "--workers=2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    kepala = {"X-Forwarded-Proto": "https"}
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{dasar}/masuk/", headers=kepala).is_success:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        sesi = _masuk(dasar, kepala)
        tangkap = Path(arg.tangkap) if arg.tangkap else None
        if tangkap:
            tangkap.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            ctx = browser.new_context(
                viewport={"width": 1366, "height": 768}, extra_http_headers=kepala
            )
            ctx.add_cookies([{"name": "sessionid", "value": sesi, "url": dasar}])
            page = ctx.new_page()
            print(
                f"Chromium {browser.version} headless, 1366×768; server ramping serve "
                f"(2 worker); {os.cpu_count()} core; load {os.getloadavg()[0]:.2f}"
            )
            print(
                f"{'bagan':<28}{'kotak':>6}{'elemen':>7}{'el/kotak':>9}{'tampil ms':>10}"
                f"{'geser fps':>10}{'p95 ms':>7}{'geser 100%':>11}{'p95 ms':>7}{'zoom fps':>9}"
                f"{'p95 ms':>7}{'lantai fps':>11}"
            )
            for pk, n, status in info["versi"]:
                url = f"{dasar}/i/{info['kode']}/bagan/?kedalaman=9&versi={pk}"
                h = _ukur(page, url, arg.ulang, arg.bingkai, tangkap, f"versi{pk}")
                print(
                    f"{f'versi {pk} ({status}, {n} unit)':<28}{h['kotak']:>6}{h['elemen']:>7}"
                    f"{h['elemen'] / max(h['kotak'], 1):>9.1f}{h['tampil_ms']:>10.0f}"
                    f"{h['geser']['fps']:>10.1f}{h['geser']['p95']:>7.0f}"
                    f"{h['geser_100']['fps']:>11.1f}{h['geser_100']['p95']:>7.0f}"
                    f"{h['zoom']['fps']:>9.1f}{h['zoom']['p95']:>7.0f}"
                    f"{h['kosong']['fps']:>11.1f}",
                    flush=True,
                )
            browser.close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


if __name__ == "__main__":
    main()
