"""Screenshots of the main pages for the user guide (docs/screenshots/NN-name.png).

Starts its own server on a free port with a temporary SQLite database filled by
`manage.py demo`, logs in as the demo users through the login form and saves 1440×900
viewport PNGs. Needs Debian's Chromium (never a downloaded browser):

    .venv/bin/python scripts/screenshots.py [--keluaran docs/screenshots]
        [--chromium /usr/bin/chromium]
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KATA_SANDI = "ramping-demo"  # ramping.demo.muat.DEMO_PASSWORD
UKURAN = {"width": 1440, "height": 900}


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jalankan(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def tunggu(url: str, detik: float = 30) -> None:
    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        try:
            urllib.request.urlopen(url, timeout=2)  # our own local server
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server tidak menjawab di {url}")


def cari_id(env: dict) -> dict:
    """Ids of the demo objects to show, read from the temporary database."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    import django

    django.setup()
    from ramping.inti.lingkup import lingkup_instansi
    from ramping.organisasi.models import Instansi

    instansi = Instansi.objects.get(kode="cilegon-contoh")
    with lingkup_instansi(instansi.pk):  # the demo agency's scope, as a page would open it
        return _cari_id(instansi)


def _cari_id(instansi) -> dict:
    from ramping.jabatan.models import Jabatan
    from ramping.organisasi.models import Struktur, UnitKerja
    from ramping.pegawai.models import Penempatan

    struktur = Struktur.objects.get(instansi=instansi, status=Struktur.Status.BERLAKU)
    dinkes = UnitKerja.objects.get(struktur=struktur, kode="DINKES")
    di_dinkes = Jabatan.objects.filter(struktur=struktur, unit__path__startswith=dinkes.path)
    bidang = di_dinkes.filter(jenis="administrator", unit__kedalaman=1).exclude(
        unit__jenis="sekretariat"
    )
    kabid = bidang.order_by("unit__path").first()
    pelaksana = di_dinkes.filter(jenis="pelaksana", unit=kabid.unit).order_by("urutan").first()
    pegawai = Penempatan.objects.aktif().filter(jabatan=pelaksana).first()
    return {
        "kode": instansi.kode,
        "dinkes": dinkes.pk,
        "kabid": kabid.pk,
        "pelaksana": pelaksana.pk,
        "pegawai": pegawai.pegawai_id,
    }


def masuk(konteks, dasar: str, username: str):
    page = konteks.new_page()
    page.goto(f"{dasar}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", KATA_SANDI)
    # Enter in the password field: the header's language switch is a submit button too.
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state("networkidle")
    return page


def potret(page, url: str, berkas: Path, siapkan=None) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if siapkan:
        siapkan(page)
    page.screenshot(path=str(berkas))
    print(f"  {berkas.relative_to(ROOT) if berkas.is_relative_to(ROOT) else berkas}")


def ambil_semua(dasar: str, ids: dict, keluaran: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    i = f"{dasar}/i/{ids['kode']}"
    jabatan = f"{i}/jabatan/{ids['pelaksana']}/"
    kabid = f"{i}/jabatan/{ids['kabid']}/"

    def evaluasi_terbuka(page):
        # Every demo evaluation is fixed; reopen one to show the level picker.
        tombol = page.get_by_role("button", name="Buka kembali")
        if tombol.count():
            tombol.click()
            page.wait_for_load_state("networkidle")

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            # --lang: date inputs show the Indonesian dd/mm/yyyy like a user's browser.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--lang=id-ID",
            ],
        )
        konteks = browser.new_context(viewport=UKURAN, locale="id-ID")
        analis = masuk(konteks, dasar, "analis")
        halaman = [
            ("01-dasbor", f"{i}/", None),
            ("02-versi-struktur", f"{i}/struktur/", None),
            ("03-pohon-unit", f"{i}/pohon/", None),
            ("04-bagan-dinas-kesehatan", f"{i}/bagan/{ids['dinkes']}/", None),
            ("05-unit-dinas-kesehatan", f"{i}/unit/{ids['dinkes']}/", None),
            ("06-peta-jabatan", f"{i}/peta/{ids['dinkes']}/", None),
            ("07-pegawai", f"{i}/pegawai/", None),
            ("08-pegawai-detail", f"{i}/pegawai/{ids['pegawai']}/", None),
            ("14-laporan", f"{i}/laporan/", None),
            ("15-impor", f"{i}/impor/", None),
        ]
        for nama, url, siapkan in halaman:
            potret(analis, url, keluaran / f"{nama}.png", siapkan)
        konteks.close()

        konteks = browser.new_context(viewport=UKURAN, locale="id-ID")
        operator = masuk(konteks, dasar, "operator")
        potret(operator, f"{jabatan}?tab=anjab", keluaran / "09-jabatan-anjab.png")
        potret(operator, f"{jabatan}?tab=tugas", keluaran / "10-jabatan-tugas-abk.png")
        konteks.close()

        konteks = browser.new_context(viewport=UKURAN, locale="id-ID")
        analis = masuk(konteks, dasar, "analis")
        potret(
            analis,
            f"{kabid}?tab=evaluasi",
            keluaran / "11-jabatan-evaluasi.png",
            evaluasi_terbuka,
        )
        potret(analis, f"{jabatan}?tab=pemangku", keluaran / "12-jabatan-pemangku.png")
        konteks.close()

        konteks = browser.new_context(viewport=UKURAN, locale="id-ID")
        operator = masuk(konteks, dasar, "operator")
        potret(
            operator,
            f"{i}/penempatan/baru/?jabatan={ids['pelaksana']}",
            keluaran / "13-penempatan-baru.png",
        )
        konteks.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keluaran", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not Path(args.chromium).exists():
        raise SystemExit(f"Chromium tidak ditemukan di {args.chromium} (apt-get install chromium)")
    keluaran = Path(args.keluaran).resolve()
    keluaran.mkdir(parents=True, exist_ok=True)

    sementara = Path(tempfile.mkdtemp(prefix="ramping-potret-"))
    env = {
        **os.environ,
        "RAMPING_DATABASE_URL": f"sqlite:///{sementara / 'demo.sqlite3'}",
        "RAMPING_DEBUG": "true",
        "DJANGO_SETTINGS_MODULE": "ramping.settings",
    }
    server = None
    try:
        print("Menyiapkan basis data contoh …")
        jalankan(env, "migrate", "--noinput", "-v0")
        jalankan(env, "demo")
        port = port_bebas()
        dasar = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        tunggu(f"{dasar}/masuk/")
        ids = cari_id(env)
        print(f"Memotret ke {keluaran} …")
        ambil_semua(dasar, ids, keluaran, args.chromium)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(sementara, ignore_errors=True)


if __name__ == "__main__":
    main()
