"""Suggestions and a decision over the API; `ramping nomenklatur sarankan` writes the XLSX."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from ramping.akun.models import Pengguna
from ramping.akun.token import token_buat
from ramping.jabatan.models import Jabatan


def _token(dunia, persona):
    a = getattr(dunia, persona)
    instansi = dunia.instansi if a.instansi_id == dunia.instansi.pk else dunia.instansi_lain
    return token_buat(
        pengguna=Pengguna.objects.get(pk=a.pengguna.pk), instansi=instansi, nama="uji"
    )[1]


def _get(client, url, token):
    r = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    return r.status_code, r.json()


def _post(client, url, token, data):
    r = client.post(
        url, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    return r.status_code, r.json()


def test_api_saran_berperingkat_dengan_alasan(client, dunia, meja):
    s, data = _get(
        client,
        f"/api/v1/struktur/{dunia.struktur.pk}/nomenklatur/saran?status=perlu",
        _token(dunia, "analis"),
    )
    assert s == 200
    per_id = {d["jabatan_id"]: d for d in data}
    assert set(per_id) == {
        meja.umum.pk,
        meja.umum2.pk,
        meja.pengemudi.pk,
        meja.analis.pk,
        meja.arsip.pk,
    }
    p = per_id[meja.pengemudi.pk]
    assert p["saran"][0]["nama"] == "Operator Layanan Operasional"
    assert {a["sinyal"] for a in p["saran"][0]["alasan"]} >= {"peta", "rumpun"}
    assert p["pemangku"] == [{"nip": "198001012005011002", "nama": "Cici", "pendidikan": "SMP"}]
    assert per_id[meja.arsip.pk]["mirip_jf"] == "Arsiparis"


def test_api_operator_opd_sendiri_dan_orang_luar(client, dunia, meja):
    s, data = _get(
        client,
        f"/api/v1/struktur/{dunia.struktur.pk}/nomenklatur/saran",
        _token(dunia, "operator_b"),
    )
    assert s == 200 and {d["opd_kode"] for d in data} == {"DINAS-B"}
    s, _ = _get(
        client,
        f"/api/v1/struktur/{dunia.struktur.pk}/nomenklatur/saran",
        _token(dunia, "orang_luar"),
    )
    assert s == 404


def test_api_putuskan(client, dunia, meja):
    url = f"/api/v1/struktur/{dunia.struktur.pk}/nomenklatur/putuskan"
    s, data = _post(
        client,
        url,
        _token(dunia, "analis"),
        {"jabatan_id": [meja.pengemudi.pk], "nama_baru": "Operator Layanan Operasional"},
    )
    assert s == 200 and data["jumlah"] == 1
    assert Jabatan.objects.get(pk=meja.pengemudi.pk).nama == "Operator Layanan Operasional"
    s, data = _post(
        client,
        url,
        _token(dunia, "analis"),
        {"jabatan_id": [meja.umum.pk], "nama_baru": "Juru Tulis"},
    )
    assert s in (400, 422) and "Juru Tulis" in data["pesan"]
    s, _ = _post(
        client,
        url,
        _token(dunia, "operator_b"),
        {"jabatan_id": [meja.umum.pk], "nama_baru": "Pengadministrasi Perkantoran"},
    )
    assert s in (400, 403, 422)
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"
    s, _ = _post(
        client,
        url,
        _token(dunia, "analis"),
        {"jabatan_id": [999999], "nama_baru": "Pengadministrasi Perkantoran"},
    )
    assert s == 404


def test_cli_sarankan(dunia, meja, tmp_path, capsys):
    keluar = tmp_path / "saran.xlsx"
    versi = str(dunia.struktur.pk)
    call_command(
        "nomenklatur", "sarankan", "--instansi", dunia.instansi.kode, "--versi", versi,
        "--keluar", str(keluar),
    )  # fmt: skip
    assert "6 jabatan pelaksana (5 perlu keputusan)" in capsys.readouterr().out
    ws = load_workbook(io.BytesIO(keluar.read_bytes())).worksheets[0]
    rows = [r for r in ws.iter_rows(values_only=True) if r[0] == str(meja.pengemudi.pk)]
    assert rows and rows[0][2] == "Pengemudi" and rows[0][6] == "Operator Layanan Operasional"


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--versi", "999999", "--keluar", "x.xlsx"], "Versi struktur tidak ditemukan"),
        (["--versi", "1", "--keluar", "x.csv"], "tidak dikenal"),
    ],
)
def test_cli_galat_jelas(dunia, argumen, pesan):
    with pytest.raises(CommandError, match=pesan):
        call_command("nomenklatur", "sarankan", "--instansi", dunia.instansi.kode, *argumen)
