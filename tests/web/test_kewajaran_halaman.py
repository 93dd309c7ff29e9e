"""Evaluation sanity on the pages and in the API (issue #17 item 6): the warning on the evaluasi
tab after saving, the reason recorded by who may evaluate (outsider 404, operator refused),
"dicatat: <alasan>" afterwards, the recap page without per-row queries, the API resource."""

from html import unescape

import pytest
from django.urls import reverse

from ramping.jabatan.models import EvaluasiJabatan
from ramping.jabatan.services import evaluasi_catat_alasan_kelas
from tests.web.conftest import _jabatan

MADYA = {"nama_jf": "Perencana", "jenjang": "ahli_madya"}


def _madya_kelas_14(dunia):
    """The issue's case: a Perencana Ahli Madya (catalogue kelas 12) evaluated to kelas 14."""
    j = _jabatan(dunia.bidang_a, "Perencana Ahli Madya", "fungsional", kelas=14, **MADYA)
    ev = EvaluasiJabatan.objects.create(
        instansi_id=j.instansi_id, jabatan=j, jenis="fungsional", nilai=3200, kelas=14
    )
    return j, ev


def _tab(client, dunia, j) -> str:
    url = reverse("web:jabatan", args=[dunia.instansi.kode, j.pk]) + "?tab=evaluasi"
    return unescape(client.get(url).content.decode())


def test_peringatan_tampil_lalu_alasan_dicatat(client, dunia, isi):
    j, ev = _madya_kelas_14(dunia)
    client.force_login(dunia.analis.pengguna)
    html = _tab(client, dunia, j)
    assert 'data-peringatan="acuan_beda"' in html
    assert "Kelas 14 berbeda dengan kelas acuan jabatan ini: kelas 12" in html
    assert 'id="alasan-kelas"' in html and "dicatat:" not in html
    url = reverse("web:evaluasi_alasan_kelas", args=[dunia.instansi.kode, j.pk])
    r = client.post(url, {"versi": ev.versi, "alasan_kelas": "Kepwal 800/7/2025: kelas 14."})
    assert r.status_code == 302
    html = unescape(client.get(r["Location"]).content.decode())
    assert "Alasan perbedaan kelas dicatat." in html
    assert "dicatat: Kepwal 800/7/2025: kelas 14." in html
    assert 'role="alert"' not in html.split('id="kewajaran-kelas"')[1][:40]


def test_alasan_usang_atau_tidak_sah_kembali_ke_tab_dengan_pesan(client, dunia, isi):
    j, ev = _madya_kelas_14(dunia)
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:evaluasi_alasan_kelas", args=[dunia.instansi.kode, j.pk])
    html = unescape(
        client.post(url, {"versi": ev.versi, "alasan_kelas": "x" * 2001}).content.decode()
    )
    assert "Alasan perbedaan kelas paling panjang 2000 karakter" in html
    assert 'aria-invalid="true"' in html
    html = unescape(client.post(url, {"versi": "99", "alasan_kelas": "y"}).content.decode())
    assert "sudah diubah oleh pengguna lain" in html
    assert EvaluasiJabatan.objects.get(pk=ev.pk).alasan_kelas == ""


@pytest.mark.parametrize(
    ("isian", "spanduk"),
    [
        ({"alasan_kelas": "x" * 2001},
         "Alasan perbedaan kelas belum disimpan: periksa isian “Alasan perbedaan kelas”. "
         "Nilai dan kelas evaluasi tidak berubah."),
        ({"alasan_kelas": "y", "versi": "99"},
         "Alasan perbedaan kelas belum disimpan: Data ini sudah diubah oleh pengguna lain"),
    ],
)  # fmt: skip
def test_spanduk_galat_alasan_menyebut_yang_gagal(client, dunia, isi, isian, spanduk):
    """Issue #17 item 3: only the reason failed, so the banner says that, naming the field,
    and not "Evaluasi belum disimpan" (the evaluation itself was never touched)."""
    j, ev = _madya_kelas_14(dunia)
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:evaluasi_alasan_kelas", args=[dunia.instansi.kode, j.pk])
    r = client.post(url, {"versi": ev.versi, **isian})
    assert r.status_code == 200
    html = unescape(r.content.decode())
    spanduk_html = html.split('<p class="pesan error" role="alert">')[1].split("</p>")[0]
    assert spanduk_html.startswith(spanduk)
    assert "Evaluasi belum disimpan" not in html
    ev.refresh_from_db()
    assert (ev.alasan_kelas, ev.kelas, ev.nilai) == ("", 14, 3200)


def test_spanduk_galat_evaluasi_tetap_untuk_simpan_evaluasi(client, dunia, isi):
    j, ev = _madya_kelas_14(dunia)
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:evaluasi_simpan", args=[dunia.instansi.kode, j.pk])
    html = unescape(client.post(url, {"versi": ev.versi, "tanggal": "30-13-2026"}).content.decode())
    assert "Evaluasi belum disimpan: periksa isian yang ditandai." in html
    assert "Alasan perbedaan kelas belum disimpan" not in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [("analis", 302), ("operator_a", 403), ("operator_b", 403), ("pimpinan", 403),
     ("orang_luar", 404)],
)  # fmt: skip
def test_peran_pencatat_alasan(client, dunia, isi, persona, status):
    j, ev = _madya_kelas_14(dunia)
    client.force_login(getattr(dunia, persona).pengguna)
    url = reverse("web:evaluasi_alasan_kelas", args=[dunia.instansi.kode, j.pk])
    r = client.post(url, {"versi": ev.versi, "alasan_kelas": "alasan"})
    assert r.status_code == status
    ev.refresh_from_db()
    assert ev.alasan_kelas == ("alasan" if status == 302 else "")
    if persona.startswith("operator"):  # readers see the warning, not the form
        assert 'id="alasan-kelas"' not in _tab(client, dunia, j)


def test_rekap_evaluasi_tanpa_kueri_per_baris(client, dunia, isi, django_assert_max_num_queries):
    _, ev = _madya_kelas_14(dunia)
    evaluasi_catat_alasan_kelas(akses=dunia.analis, evaluasi=ev, versi=ev.versi, alasan="SK 1")
    for i in range(20):
        lain = _jabatan(dunia.bidang_a, f"Perencana Ahli Madya {i}", "fungsional", **MADYA)
        EvaluasiJabatan.objects.create(
            instansi_id=lain.instansi_id, jabatan=lain, jenis="fungsional", nilai=3000, kelas=12
        )
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("web:evaluasi_rekap", args=[dunia.instansi.kode])
    client.get(url)  # warm the session
    with django_assert_max_num_queries(12):
        html = unescape(client.get(url).content.decode())
    assert html.count("<tr data-jabatan=") == 21
    assert "dicatat: SK 1" in html and html.count("sesuai") >= 20
    hanya = unescape(client.get(url + "?peringatan=1").content.decode())
    assert hanya.count("<tr data-jabatan=") == 1
    dinas_b = unescape(client.get(url + "?opd=DINAS-B").content.decode())
    assert "<tr data-jabatan=" not in dinas_b


def test_api_evaluasi_membawa_peringatan(client, dunia, isi):
    from ramping.akun.token import token_buat

    j, _ = _madya_kelas_14(dunia)
    token = token_buat(pengguna=dunia.pimpinan.pengguna, instansi=dunia.instansi, nama="uji")[1]
    r = client.get(f"/api/v1/jabatan/{j.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    ev = r.json()["evaluasi"]
    assert ev["alasan_kelas"] == ""
    k = ev["kewajaran"]
    assert (k["kelas_acuan"], k["perlu_tindakan"], k["dicatat"]) == (12, True, False)
    assert [p["kode"] for p in k["peringatan"]] == ["acuan_beda"]
    assert k["peringatan"][0]["pesan"].startswith("Kelas 14 berbeda dengan kelas acuan")
