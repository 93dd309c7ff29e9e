"""Scenario steps over the API: dry run, the step, the log and undo, with the web's rules."""

import pytest

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import UnitKerja
from ramping.penyederhanaan.models import LangkahSkenario

pytestmark = pytest.mark.django_db


def _hapus(dunia, coba: str = "false") -> str:
    return (
        f"/api/v1/struktur/{dunia.struktur.pk}/unit/{dunia.bidang_a.pk}/hapus"
        f"?kelompok_jf=true&pratinjau={coba}"
    )


def test_pratinjau_lalu_hapus_lalu_batalkan(api, token, dunia, jabatan_a):
    status, efek = api("post", _hapus(dunia, "true"), token["analis"])
    assert status == 200 and efek["pratinjau"] is True
    assert efek["jabatan_dipindah"] == 1
    assert efek["dipindah"] == [
        "Penelaah Teknis Kebijakan: Bidang Satu → Kelompok Jabatan Fungsional Dinas A"
    ]
    assert UnitKerja.objects.filter(pk=dunia.bidang_a.pk).exists()
    assert not LangkahSkenario.objects.exists()

    status, efek = api("post", _hapus(dunia), token["analis"])
    assert (status, efek["pratinjau"]) == (200, False)
    assert not UnitKerja.objects.filter(pk=dunia.bidang_a.pk).exists()
    status, log = api("get", f"/api/v1/struktur/{dunia.struktur.pk}/langkah", token["analis"])
    assert status == 200 and [lk["aksi"] for lk in log] == ["unit_hapus"]

    url = f"/api/v1/struktur/{dunia.struktur.pk}/langkah/{log[0]['id']}/batalkan"
    status, dibatalkan = api("post", url, token["analis"])
    assert status == 200 and dibatalkan[0]["dibatalkan"] is not None
    assert Jabatan.objects.get(pk=jabatan_a.pk).unit_id == dunia.bidang_a.pk
    status, badan = api("post", url, token["analis"])
    assert status == 400
    assert "sudah dibatalkan" in badan["pesan"]


@pytest.mark.parametrize(
    ("persona", "status"), [("operator_b", 403), ("pimpinan", 403), ("orang_luar", 404)]
)
def test_yang_tidak_berhak_ditolak(api, token, dunia, jabatan_a, persona, status):
    assert api("post", _hapus(dunia, "true"), token[persona])[0] == status
    assert api("post", _hapus(dunia), token[persona])[0] == status
    assert UnitKerja.objects.filter(pk=dunia.bidang_a.pk).exists()
    api("post", _hapus(dunia), token["analis"])
    langkah = LangkahSkenario.objects.get()
    url = f"/api/v1/struktur/{dunia.struktur.pk}/langkah/{langkah.pk}/batalkan"
    assert api("post", url, token[persona])[0] == status
    assert LangkahSkenario.objects.get().dibatalkan is None
    if persona == "orang_luar":
        assert api("get", f"/api/v1/struktur/{dunia.struktur.pk}/langkah", token[persona])[0] == 404
