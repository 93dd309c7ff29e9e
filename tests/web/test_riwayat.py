"""History pages of a position and a unit, and restoring an entry's old values."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ramping.audit.models import JejakAudit
from ramping.audit.pemulihan import rencana_pemulihan, riwayat_kembalikan
from ramping.audit.selectors import riwayat_jabatan
from ramping.errors import KonflikPerubahan, StrukturTidakBisaDiubah, TidakBerhak
from ramping.jabatan.models import Anjab, Jabatan, Tugas
from ramping.jabatan.services import (
    anjab_ubah,
    jabatan_buat,
    jabatan_ubah,
    tugas_buat,
    tugas_hapus,
    tugas_ubah,
)
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.services import unit_buat, unit_ubah

TUGAS = {
    "uraian": "Menyusun laporan kinerja",
    "hasil_kerja": "Laporan",
    "satuan_hasil": "dokumen",
    "volume": Decimal("12"),
    "waktu": Decimal("5"),
}


@pytest.fixture
def jab(dunia) -> Jabatan:
    """A position in the draft of `dunia`, created by the analyst (one audit entry)."""
    return jabatan_buat(
        akses=dunia.analis, unit=dunia.bidang_a, nama="Analis Data", jenis="pelaksana", kelas=7
    )


def _url(nama: str, dunia, *args) -> str:
    return reverse(f"web:{nama}", args=[dunia.instansi.kode, *args])


def _entri(aksi: str) -> JejakAudit:
    return JejakAudit.objects.filter(aksi=aksi).order_by("-id").first()


def _kembalikan(client, dunia, entri: JejakAudit, **data):
    """Open the confirmation (as a user would) and send it with the `versi` it carried."""
    url = _url("riwayat_kembalikan", dunia, entri.pk)
    halaman = client.get(url)
    assert halaman.status_code == 200
    versi = data.pop("versi", rencana_pemulihan(akses=dunia.analis, entri_id=entri.pk).versi)
    return client.post(url, {"versi": versi, **data})


def test_riwayat_jabatan_menunjukkan_siapa_kapan_isian_dan_nilai(client, dunia, jab):
    anjab_ubah(akses=dunia.analis, jabatan=jab, versi=0, tanggung_jawab=["Ketepatan data"])
    tugas = tugas_buat(akses=dunia.operator_a, jabatan=jab, **TUGAS)
    tugas_ubah(akses=dunia.operator_a, tugas=tugas, versi=tugas.versi, volume=Decimal("1250.5"))
    jabatan_ubah(akses=dunia.analis, jabatan=jab, nama="Analis Data Utama")
    # Another position's change does not appear.
    lain = jabatan_buat(akses=dunia.analis, unit=dunia.dinas_b, nama="Lain", jenis="pelaksana")
    jabatan_ubah(akses=dunia.analis, jabatan=lain, nama="Jabatan Lain Diubah")

    hal = riwayat_jabatan(akses=dunia.analis, jabatan=jab)
    assert [b.entri.aksi for b in hal] == [
        "jabatan_ubah",
        "tugas_ubah",
        "tugas_buat",
        "anjab_ubah",
        "jabatan_buat",
    ]
    volume = next(m for m in hal[1].medan if m.nama == "volume")
    assert (volume.label, volume.lama, volume.baru) == ("Jumlah hasil per tahun", "12", "1250.5")

    client.force_login(dunia.pimpinan.pengguna)
    teks = client.get(_url("jabatan_riwayat", dunia, jab.pk)).content.decode()
    assert "Analis Data Utama" in teks and "Jabatan Lain Diubah" not in teks
    assert "Nama jabatan" in teks  # the model field's verbose_name
    assert "1.250,5" in teks  # numbers the Indonesian way
    assert "Ketepatan data" in teks  # an ANJAB list item
    assert "operator_a" in teks and "analis" in teks
    assert "Tugas diubah" in teks
    assert "Kembalikan…" not in teks  # a reader restores nothing
    # When: the one date formatter, in local time (Asia/Jakarta), machine-readable beside it.
    waktu = timezone.localtime(hal[0].entri.waktu)
    assert f'<time datetime="{waktu.replace(microsecond=0).isoformat()}">' in teks
    assert waktu.isoformat().endswith("+07:00")
    assert f"pukul {waktu:%H.%M}</time>" in teks


def test_teks_panjang_dipendekkan_dengan_lihat(client, dunia, jab):
    panjang = "Menyusun ikhtisar jabatan yang sangat rinci. " * 10
    anjab_ubah(akses=dunia.analis, jabatan=jab, versi=0, ikhtisar=panjang)
    client.force_login(dunia.analis.pengguna)
    teks = client.get(_url("jabatan_riwayat", dunia, jab.pk)).content.decode()
    assert '<details class="riwayat-panjang">' in teks and "lihat" in teks


def test_kembalikan_butir_anjab(client, dunia, jab):
    anjab = anjab_ubah(akses=dunia.analis, jabatan=jab, versi=0, wewenang=["A", "B"])
    anjab_ubah(akses=dunia.analis, jabatan=jab, versi=anjab.versi, wewenang=["A"])
    client.force_login(dunia.analis.pengguna)
    jawaban = _kembalikan(client, dunia, _entri("anjab_ubah"))
    assert jawaban.status_code == 302
    assert Anjab.objects.get(jabatan=jab).wewenang == ["A", "B"]
    baru = _entri("anjab_ubah")
    assert baru.pulih_dari_id is not None and baru.perubahan == {"wewenang": [["A"], ["A", "B"]]}
    assert "dikembalikan" in baru.ringkasan
    # "… dikembalikan ke nilai sebelum 6 Desember 2026 pukul 09.48" in local time.
    sebelum = timezone.localtime(baru.pulih_dari.waktu)
    assert re.search(r"dikembalikan ke nilai sebelum \d{1,2} [A-Z][a-z]+ \d{4} pukul \d\d\.\d\d$",
                     baru.ringkasan)  # fmt: skip
    assert baru.ringkasan.endswith(f"{sebelum.year} pukul {sebelum:%H.%M}")


def test_kembalikan_volume_tugas(client, dunia, jab):
    tugas = tugas_buat(akses=dunia.analis, jabatan=jab, **TUGAS)
    tugas_ubah(akses=dunia.analis, tugas=tugas, versi=tugas.versi, volume=Decimal("30"))
    client.force_login(dunia.analis.pengguna)
    assert _kembalikan(client, dunia, _entri("tugas_ubah")).status_code == 302
    tugas.refresh_from_db()
    jab.refresh_from_db()
    assert tugas.volume == Decimal("12") and tugas.versi == 3
    assert jab.beban_kerja_jam == Decimal("60.00")  # the service recomputed the ABK
    lama, baru = _entri("tugas_ubah").perubahan["volume"]
    assert (Decimal(lama), Decimal(baru)) == (30, 12)


def test_kembalikan_tugas_yang_dihapus(client, dunia, jab):
    tugas = tugas_buat(akses=dunia.analis, jabatan=jab, **TUGAS)
    tugas_hapus(akses=dunia.analis, tugas=tugas, versi=tugas.versi)
    hapus = _entri("tugas_hapus")
    assert (hapus.induk_tipe, hapus.induk_id) == ("jabatan.Jabatan", jab.pk)
    client.force_login(dunia.analis.pengguna)
    assert _kembalikan(client, dunia, hapus).status_code == 302
    (kembali,) = Tugas.objects.filter(jabatan=jab)
    assert (kembali.uraian, kembali.volume, kembali.waktu) == (TUGAS["uraian"], 12, 5)
    assert _entri("tugas_buat").pulih_dari_id == hapus.pk
    # The same confirmation sent twice: the history moved on, so the second is a conflict.
    versi_lama = rencana_pemulihan(akses=dunia.analis, entri_id=hapus.pk).versi
    with pytest.raises(KonflikPerubahan):
        riwayat_kembalikan(akses=dunia.analis, entri_id=hapus.pk, versi=versi_lama - 1)


def test_kembalikan_isian_jabatan(client, dunia, jab):
    jabatan_ubah(akses=dunia.analis, jabatan=jab, nama="Nama Baru", kelas=9)
    client.force_login(dunia.analis.pengguna)
    teks = client.get(_url("riwayat_kembalikan", dunia, _entri("jabatan_ubah").pk)).content
    assert "Setelah dikembalikan" in teks.decode()  # the confirmation shows what will change
    assert _kembalikan(client, dunia, _entri("jabatan_ubah")).status_code == 302
    jab.refresh_from_db()
    assert (jab.nama, jab.kelas) == ("Analis Data", 7)
    assert JejakAudit.objects.filter(aksi="jabatan_ubah", pulih_dari__isnull=False).count() == 1


def test_kembalikan_isian_unit(client, dunia):
    unit_ubah(akses=dunia.analis, unit=dunia.bidang_a, nama="Bidang Dua", kewilayahan=True)
    client.force_login(dunia.analis.pengguna)
    teks = client.get(_url("unit_riwayat", dunia, dunia.bidang_a.pk)).content.decode()
    assert "Bidang Dua" in teks and "Kewenangan kewilayahan" in teks and "Kembalikan…" in teks
    assert _kembalikan(client, dunia, _entri("unit_ubah")).status_code == 302
    unit = UnitKerja.objects.get(pk=dunia.bidang_a.pk)
    assert (unit.nama, unit.kewilayahan) == ("Bidang Satu", False)
    assert _entri("unit_ubah").pulih_dari_id is not None


def test_versi_usang_ditolak_sebagai_konflik(client, dunia, jab):
    tugas = tugas_buat(akses=dunia.analis, jabatan=jab, **TUGAS)
    tugas_ubah(akses=dunia.analis, tugas=tugas, versi=tugas.versi, volume=Decimal("30"))
    entri = _entri("tugas_ubah")
    client.force_login(dunia.analis.pengguna)
    url = _url("riwayat_kembalikan", dunia, entri.pk)
    versi_dilihat = rencana_pemulihan(akses=dunia.analis, entri_id=entri.pk).versi
    tugas.refresh_from_db()
    tugas_ubah(akses=dunia.operator_a, tugas=tugas, versi=tugas.versi, waktu=Decimal("7"))
    jawaban = client.post(url, {"versi": versi_dilihat})
    assert jawaban.status_code == 409
    assert "sudah diubah oleh pengguna lain" in jawaban.content.decode()
    tugas.refresh_from_db()
    assert tugas.volume == Decimal("30")


def test_versi_arsip_tidak_dapat_dikembalikan(client, dunia, jab):
    tugas = tugas_buat(akses=dunia.analis, jabatan=jab, **TUGAS)
    tugas_ubah(akses=dunia.analis, tugas=tugas, versi=tugas.versi, volume=Decimal("30"))
    entri = _entri("tugas_ubah")
    Struktur.objects.filter(pk=dunia.struktur.pk).update(status=Struktur.Status.ARSIP)
    tugas.refresh_from_db()
    with pytest.raises(StrukturTidakBisaDiubah):
        # Straight to the service: its own lock refuses even when the plan was not asked.
        from ramping.jabatan.services import tugas_ubah as layanan

        layanan(akses=dunia.analis, tugas=tugas, versi=tugas.versi, volume=Decimal("12"))
    client.force_login(dunia.analis.pengguna)
    jawaban = client.post(_url("riwayat_kembalikan", dunia, entri.pk), {"versi": tugas.versi})
    assert jawaban.status_code == 422
    assert "diarsipkan" in jawaban.content.decode()
    tugas.refresh_from_db()
    assert tugas.volume == Decimal("30")
    teks = client.get(_url("jabatan_riwayat", dunia, jab.pk)).content.decode()
    assert "Kembalikan…" not in teks


def test_operator_tidak_mengembalikan(client, dunia, jab):
    jabatan_ubah(akses=dunia.operator_a, jabatan=jab, nama="Diubah Operator")
    entri = _entri("jabatan_ubah")
    with pytest.raises(TidakBerhak):
        riwayat_kembalikan(akses=dunia.operator_a, entri_id=entri.pk, versi=entri.pk)
    client.force_login(dunia.operator_a.pengguna)
    url = _url("riwayat_kembalikan", dunia, entri.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, {"versi": entri.pk}).status_code == 403
    # They still read the history of a position of their OPD, and of another OPD.
    assert client.get(_url("jabatan_riwayat", dunia, jab.pk)).status_code == 200
    client.force_login(dunia.operator_b.pengguna)
    assert client.get(_url("jabatan_riwayat", dunia, jab.pk)).status_code == 200
    jab.refresh_from_db()
    assert jab.nama == "Diubah Operator"


def test_orang_luar_404(client, dunia, jab):
    client.force_login(dunia.orang_luar.pengguna)
    kode = dunia.instansi.kode
    entri = _entri("jabatan_buat")
    for url in (
        reverse("web:jabatan_riwayat", args=[kode, jab.pk]),
        reverse("web:unit_riwayat", args=[kode, dunia.bidang_a.pk]),
        reverse("web:riwayat_kembalikan", args=[kode, entri.pk]),
    ):
        assert client.get(url).status_code == 404, url
    # Through their own agency's URL the ids do not exist either.
    kode_lain = dunia.instansi_lain.kode
    assert client.get(reverse("web:jabatan_riwayat", args=[kode_lain, jab.pk])).status_code == 404
    assert (
        client.get(reverse("web:unit_riwayat", args=[kode_lain, dunia.bidang_a.pk])).status_code
        == 404
    )


def test_entri_yang_tidak_bisa_dikembalikan_menyebut_alasannya(client, dunia, jab):
    client.force_login(dunia.analis.pengguna)
    teks = client.get(_url("jabatan_riwayat", dunia, jab.pk)).content.decode()
    assert "Penambahan data tidak dibatalkan dari riwayat." in teks
    teks = client.get(_url("riwayat_kembalikan", dunia, _entri("jabatan_buat").pk)).content
    assert "Penambahan data tidak dibatalkan" in teks.decode()
    assert "Setelah dikembalikan" not in teks.decode()  # no confirmation form


def _jumlah_kueri(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(url).status_code == 200
    return len(kueri)


@pytest.mark.parametrize("halaman", ["jabatan_riwayat", "unit_riwayat"])
def test_jumlah_kueri_tetap(client, dunia, jab, halaman):
    client.force_login(dunia.analis.pengguna)
    url = _url(halaman, dunia, jab.pk if halaman == "jabatan_riwayat" else dunia.bidang_a.pk)

    def ubah(n: int) -> None:
        # Every round touches each kind the page looks up (a task edit, a unit reference), so
        # both pages read the same kinds and only the number of entries differs.
        for i in range(n):
            tugas = tugas_buat(akses=dunia.analis, jabatan=jab, **TUGAS)
            tugas_ubah(akses=dunia.analis, tugas=tugas, versi=1, volume=Decimal(i + 1))
            unit = UnitKerja.objects.get(pk=dunia.bidang_a.pk)
            unit_ubah(akses=dunia.analis, unit=unit, nama=f"Bidang {i}")
            unit_buat(akses=dunia.analis, struktur=dunia.struktur, induk=unit,
                      kode=f"SUB-{unit.pk}-{i}-{n}", nama=f"Seksi {i}", jenis="seksi")  # fmt: skip

    ubah(2)  # 5 entries on the position's page, 5 on the unit's
    sedikit = _jumlah_kueri(client, url)
    ubah(23)  # 51 entries: two full pages of 25 and one more
    assert _jumlah_kueri(client, url) == sedikit
