"""The cycle over the API: same permissions and rules as the web."""

import pytest

from ramping.akun.models import Pengguna
from ramping.akun.token import token_buat


@pytest.fixture
def token(dunia):
    def buat(nama):
        akses = getattr(dunia, nama)
        instansi = dunia.instansi if akses.instansi_id == dunia.instansi.pk else dunia.instansi_lain
        pengguna = Pengguna.objects.get(pk=akses.pengguna.pk)
        return token_buat(pengguna=pengguna, instansi=instansi, nama="uji")[1]

    return buat


def panggil(client, metode, url, token, **data):
    kirim = getattr(client, metode)
    kw = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if metode == "post":
        r = kirim(url, data, content_type="application/json", **kw)
    else:
        r = kirim(url, **kw)
    return r.status_code, r.json()


def test_status_kegiatan_dan_temuan(client, dunia, peserta_a, token):
    k = peserta_a.kegiatan
    st, isi = panggil(client, "get", f"/api/v1/penataan/{k.pk}", token("pimpinan"))
    assert st == 200 and [p["opd_kode"] for p in isi["peserta"]] == ["DINAS-A", "DINAS-B"]
    assert isi["peserta"][0]["status"] == "belum" and isi["diminta"] == ["abk"]
    url = f"/api/v1/penataan/{k.pk}/opd/{peserta_a.pk}/temuan"
    assert panggil(client, "get", url, token("operator_a"))[0] == 200
    assert panggil(client, "get", url, token("operator_b"))[0] == 403
    assert panggil(client, "get", url, token("orang_luar"))[0] == 404


def test_ajukan_kembalikan_setujui_lewat_api(client, dunia, peserta_a, token):
    dasar = f"/api/v1/penataan/{peserta_a.kegiatan_id}/opd/{peserta_a.pk}"
    st, isi = panggil(client, "post", f"{dasar}/setujui", token("analis"), versi=peserta_a.versi)
    assert st == 400 and "tidak dapat menyetujui" in isi["pesan"]
    st, isi = panggil(client, "post", f"{dasar}/ajukan", token("operator_b"), versi=peserta_a.versi)
    assert st == 403
    st, isi = panggil(client, "post", f"{dasar}/ajukan", token("operator_a"), versi=peserta_a.versi)
    assert st == 200 and isi["status"] == "diajukan"
    st, galat = panggil(client, "post", f"{dasar}/kembalikan", token("analis"), versi=isi["versi"])
    assert st == 400 and galat["field"] == "catatan"
    st, isi = panggil(client, "post", f"{dasar}/kembalikan", token("analis"), versi=isi["versi"],
                      catatan="Lengkapi.")  # fmt: skip
    assert st == 200 and isi["status"] == "revisi"
    st, _ = panggil(client, "post", f"{dasar}/ajukan", token("operator_a"), versi=isi["versi"] - 1)
    assert st == 409
    st, isi = panggil(client, "post", f"{dasar}/ajukan", token("operator_a"), versi=isi["versi"])
    st, isi = panggil(client, "post", f"{dasar}/setujui", token("analis"), versi=isi["versi"])
    assert st == 200 and isi["status"] == "disetujui"
    assert panggil(client, "post", f"{dasar}/setujui", token("orang_luar"), versi=1)[0] == 404
