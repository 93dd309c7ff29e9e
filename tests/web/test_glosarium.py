"""Abbreviations explained where shown, from the one glossary (aturan/data/glosarium.csv):
the {% singkatan %} tag, the table headers of the main pages and docs/glosarium.md."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from ramping.aturan.glosarium import glosarium, istilah, tabel_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "glosarium.md"


def render(teks: str) -> str:
    return Template("{% load ramping_web %}" + teks).render(Context({}))


@pytest.mark.parametrize(
    "kode, bahasa, isi_judul",
    [
        ("EJ", "id", "Efektivitas Jabatan — Beban kerja ÷ (B × waktu kerja efektif)"),
        ("EJ", "en", "Efektivitas Jabatan — Job efficiency: workload ÷ (B × effective"),
        ("B", "id", "Bezetting (jumlah pemangku) — Jumlah pegawai yang sekarang menduduki"),
        ("±", "id", "Selisih (B − K) — Kelebihan (+) atau kekurangan (−) pegawai"),
        ("OPD", "id", "Organisasi Perangkat Daerah — Perangkat daerah"),
    ],
)
def test_tag_singkatan_hover_dan_fokus(kode, bahasa, isi_judul):
    with translation.override(bahasa):
        html = render(f'{{% singkatan "{kode}" %}}')
    m = re.fullmatch(
        r'<abbr class="singkatan" title="([^"]+)" data-arti="([^"]+)" tabindex="0">(.+)</abbr>',
        html,
    )
    assert m, html
    assert m[1] == m[2]  # the hover title and the tap/focus bubble say the same
    assert m[1].startswith(isi_judul)
    assert m[3] == kode


def test_tag_singkatan_teks_lain_dan_kode_tidak_dikenal():
    assert render('{% singkatan "K" "Kebutuhan" %}').endswith(">Kebutuhan</abbr>")
    with pytest.raises(KeyError):
        render('{% singkatan "XYZ" %}')


def test_glosarium_lengkap_dan_bersumber():
    g = glosarium()
    wajib = {"EJ", "PJ", "EU", "PU", "ABK", "ANJAB", "JF", "JPT", "K", "B", "±", "OPD", "SOTK"}
    assert wajib <= g.keys()
    for i in g.values():
        assert i.kepanjangan and i.keterangan and i.english and i.sumber, i.singkatan
    assert istilah("WKE").keterangan.startswith("Jam kerja efektif setahun")


def test_docs_glosarium_sama_dengan_berkas_data():
    teks = DOCS.read_text(encoding="utf-8")
    bagian = teks.split("<!-- glosarium:mulai -->\n", 1)[1].split("<!-- glosarium:selesai -->")[0]
    assert bagian == tabel_markdown(), "jalankan: python -m ramping.aturan.glosarium"


def _abbr(html: str) -> dict[str, str]:
    return dict(
        (m[2], m[1])
        for m in re.finditer(r'<abbr class="singkatan" title="([^"]+)"[^>]*>([^<]+)</abbr>', html)
    )


def test_kepala_tabel_halaman_utama_membawa_penjelasan(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    kode = dunia.instansi.kode
    halaman = {
        reverse("web:unit", args=[kode, dunia.dinas_a.pk]): {"B", "K", "±"},
        reverse("web:peta", args=[kode]): {"B", "K", "±"},
        reverse("web:jabatan", args=[kode, isi.pelaksana_a.pk]) + "?tab=tugas": {
            "B", "K", "±", "EJ", "PJ",
        },
        reverse("web:struktur_daftar", args=[kode]): {"OPD"},
        reverse("penataan:daftar", args=[kode]): {"OPD"},
        reverse("nomenklatur:periksa", args=[kode]): {"B", "K"},
    }  # fmt: skip
    for url, harapan in halaman.items():
        html = client.get(url).content.decode()
        ada = _abbr(html)
        assert harapan <= ada.keys(), (url, ada.keys())
        for kode_singkat in harapan:
            assert ada[kode_singkat].startswith(istilah(kode_singkat).kepanjangan)
    # the table headers themselves carry it
    html = client.get(reverse("web:peta", args=[kode])).content.decode()
    kepala = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert {"B", "K", "±"} <= _abbr(kepala).keys()
