import pytest

from ramping.akun.models import Pengguna
from ramping.akun.token import token_buat
from ramping.jabatan.services import jabatan_buat


@pytest.fixture
def token(dunia):
    """Tokens per persona of the `dunia` agency, and one of the other agency."""

    def buat(akses):
        pengguna = Pengguna.objects.get(pk=akses.pengguna.pk)
        instansi = dunia.instansi if akses.instansi_id == dunia.instansi.pk else dunia.instansi_lain
        return token_buat(pengguna=pengguna, instansi=instansi, nama="uji")[1]

    return {
        nama: buat(getattr(dunia, nama))
        for nama in ("analis", "operator_a", "operator_b", "pimpinan", "orang_luar")
    }


@pytest.fixture
def api(client):
    """GET/POST/PATCH/DELETE with a bearer token; returns (status, json)."""

    def panggil(metode, url, token=None, **data):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        kirim = getattr(client, metode)
        if metode in ("post", "patch"):
            r = kirim(url, data, content_type="application/json", **headers)
        else:
            r = kirim(url, data, **headers)
        return r.status_code, (r.json() if r.content else None)

    return panggil


@pytest.fixture
def jabatan_a(dunia):
    return jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana",
        kelas=7,
    )
