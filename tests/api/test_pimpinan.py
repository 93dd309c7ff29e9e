"""The structure check and the leader summary over the API, with the page's numbers."""

from datetime import date

import pytest

from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.services import terapkan_rekomendasi
from tests.penyederhanaan.conftest import skema  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_temuan_versi_lewat_api(api, token, dunia, skema):  # noqa: F811
    status, temuan = api("get", f"/api/v1/struktur/{dunia.struktur.pk}/temuan", token["analis"])
    assert status == 200
    kode = sorted((t["kode"], t["objek_id"]) for t in temuan if t["kode"] != "RK-01")
    assert kode == sorted(
        [
            ("PD-DINAS-01", dunia.dinas_b.pk),
            ("R25-01", skema.seksi_satu.pk),
            ("R25-01", skema.subbag.pk),
            ("UN-01", dunia.dinas_b.pk),  # no head post in the hand-built Dinas B
            ("UN-01", skema.sekretariat.pk),  # nor in its Sekretariat
        ]
    )
    dinas_b = next(t for t in temuan if t["kode"] == "PD-DINAS-01")
    assert dinas_b["terverifikasi"] is False and "PP 18/2016" in dinas_b["dasar_hukum"]
    status, _ = api("get", f"/api/v1/struktur/{dunia.struktur.pk}/temuan", token["orang_luar"])
    assert status == 404


def test_ringkasan_pimpinan_lewat_api(api, token, dunia, skema):  # noqa: F811
    status, _ = api("get", "/api/v1/ringkasan-pimpinan", token["pimpinan"])
    assert status == 404  # one version only
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Sesudah")
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="arsip", berlaku_mulai=date(2021, 1, 4)
    )
    Struktur.objects.filter(pk=baru.pk).update(status="berlaku", berlaku_mulai=date(2023, 1, 2))
    status, r = api("get", "/api/v1/ringkasan-pimpinan", token["pimpinan"])
    assert status == 200
    assert (r["lama_id"], r["baru_id"]) == (dunia.struktur.pk, baru.pk)
    unit = next(a for a in r["angka"] if a["kunci"] == "unit")
    assert (unit["sebelum"], unit["sesudah"], unit["selisih"]) == ("8", "6", "-2")
    assert len(r["kalimat"]) == 3 and r["pejabat_disetarakan"] == 2
    status, _ = api("get", "/api/v1/ringkasan-pimpinan", token["orang_luar"])
    assert status == 404
