"""Permission matrix: every page, every persona. Another agency's user gets 404, never 403."""

import pytest
from django.urls import reverse

from ramping import aturan
from ramping.pegawai.models import Penempatan
from tests.web.conftest import TAB_JABATAN

PERSONA = ["analis", "operator_a", "operator_b", "pimpinan", "orang_luar", "anonim"]
HALAMAN_BACA = [
    "dasbor",
    "struktur_daftar",
    "pohon",
    "bagan",
    "bagan_cetak",
    "bagan_unit",
    "bagan_unit_cetak",
    "unit",
    "peta",
    "peta_unit",
    "jabatan",
    *(f"jabatan_{tab}" for tab in TAB_JABATAN),
    *(f"jabatan_tab_{tab}" for tab in TAB_JABATAN),
    "pegawai_daftar",
    "pegawai",
]
# Placing people: agency-wide roles and operators may open the form; a leader may not.
STATUS_FORM = {
    "analis": 200,
    "operator_a": 200,
    "operator_b": 200,
    "pimpinan": 403,
    "orang_luar": 404,
}
# Placing in a position of DINAS-A: only the analyst and DINAS-A's operator succeed.
STATUS_SIMPAN = {
    "analis": 302,
    "operator_a": 302,
    "operator_b": 403,
    "pimpinan": 403,
    "orang_luar": 404,
}


def masuk(client, dunia, persona):
    if persona != "anonim":
        client.force_login(getattr(dunia, persona).pengguna)


def dialihkan_ke_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("web:masuk"))


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("nama", HALAMAN_BACA)
def test_halaman_baca_per_persona(client, dunia, halaman_dunia, persona, nama):
    masuk(client, dunia, persona)
    response = client.get(halaman_dunia[nama])
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    elif persona == "orang_luar":
        assert response.status_code == 404
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONA)
def test_form_penempatan_per_persona(client, dunia, halaman_dunia, persona):
    masuk(client, dunia, persona)
    response = client.get(halaman_dunia["penempatan_buat"])
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code == STATUS_FORM[persona]


@pytest.mark.parametrize("persona", PERSONA)
def test_simpan_penempatan_per_persona(client, dunia, isi, halaman_dunia, persona):
    masuk(client, dunia, persona)
    sebelum = Penempatan.objects.count()
    response = client.post(
        halaman_dunia["penempatan_buat"],
        {"nip": isi.pegawai_bebas.nip, "jabatan": isi.pelaksana_a.pk, "tmt_mulai": "2026-11-30"},
    )
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code == STATUS_SIMPAN[persona]
    ditulis = Penempatan.objects.count() - sebelum
    assert ditulis == (1 if response.status_code == 302 and persona != "anonim" else 0)


@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_objek_instansi_lain_lewat_url_sendiri_tidak_ditemukan(client, dunia, isi, persona):
    """An id of agency B's data under agency A's URL is 404 too (no guessing ids)."""
    from ramping.akun.akses import Akses
    from ramping.organisasi.services import struktur_buat, unit_buat

    lain = dunia.instansi_lain
    sistem = Akses.sistem(lain)
    struktur = struktur_buat(akses=sistem, instansi=lain, nama="Draf lain")
    unit = unit_buat(
        akses=sistem, struktur=struktur, induk=None, kode="X", nama="Dinas X", jenis="dinas",
        eselon="II.b",
    )  # fmt: skip
    masuk(client, dunia, persona)
    kode = dunia.instansi.kode
    for url in (
        reverse("web:unit", args=[kode, unit.pk]),
        reverse("web:bagan_unit", args=[kode, unit.pk]),
        reverse("web:peta_unit", args=[kode, unit.pk]),
        reverse("web:dasbor", args=[kode]) + f"?versi={struktur.pk}",
    ):
        assert client.get(url).status_code == 404, url


def test_instansi_yang_tidak_ada_tidak_ditemukan(client, dunia):
    masuk(client, dunia, "analis")
    assert client.get(reverse("web:dasbor", args=["tidak-ada"])).status_code == 404


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("nama", ["beranda", "sandi"])
def test_halaman_akun_butuh_login(client, dunia, persona, nama):
    masuk(client, dunia, persona)
    response = client.get(reverse(f"web:{nama}"))
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code in (200, 302)
        assert not dialihkan_ke_login(response)


# --- The position page's writes (DINAS-A's pelaksana and head) ---------------------------------
# ANJAB and tasks: the analyst and DINAS-A's operator; evaluasi: the analyst only.
STATUS_UBAH_JABATAN = {
    "analis": 302,
    "operator_a": 302,
    "operator_b": 403,
    "pimpinan": 403,
    "orang_luar": 404,
}
STATUS_EVALUASI = STATUS_UBAH_JABATAN | {"operator_a": 403}
STATUS_BARIS_UBAH = STATUS_UBAH_JABATAN | {"analis": 200, "operator_a": 200}
LAHAT = {"F1": "1-1", "F2": "2-1", "F3": "3-1", "F4A": "4A-3", "F4B": "4B-3", "F5": "5-4"}
LAHAT["F6"] = "6-1"


@pytest.fixture
def tulisan(dunia, isi):
    """A task on the pelaksana and a fixed evaluation on the head, to change or reopen."""
    from decimal import Decimal

    from ramping.jabatan.services import evaluasi_simpan, evaluasi_tetapkan, tugas_buat

    tugas = tugas_buat(
        akses=dunia.analis, jabatan=isi.pelaksana_a, uraian="Mengetik", hasil_kerja="Naskah",
        satuan_hasil="naskah", volume=Decimal(100), waktu=Decimal(1),
    )  # fmt: skip
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=isi.kepala_a, versi=0, tingkat=LAHAT)
    ev = evaluasi_tetapkan(akses=dunia.analis, evaluasi=ev, versi=ev.versi)
    return tugas, ev


def _jejak(instansi) -> tuple:
    """Everything the position page's writes may touch in the agency."""
    from ramping.audit.models import JejakAudit
    from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas

    def baris(model, *kolom):
        return list(model.objects.filter(instansi=instansi).values_list(*kolom).order_by("id"))

    return (
        baris(Tugas, "id", "versi", "uraian"),
        baris(Anjab, "id", "versi"),
        baris(EvaluasiJabatan, "id", "versi", "status"),
        baris(Jabatan, "id", "kelas", "kebutuhan"),
        JejakAudit.objects.filter(instansi=instansi).count(),
    )


def _post_jabatan(dunia, isi, tulisan, nama):
    tugas, ev = tulisan
    kode = dunia.instansi.kode
    p, k = isi.pelaksana_a.pk, isi.kepala_a.pk
    baris = {"uraian": "Menyusun", "hasil_kerja": "Laporan", "satuan_hasil": "laporan",
             "volume": "12", "waktu": "2", "satuan_waktu": "jam"}  # fmt: skip
    # The pelaksana uses the 9 fungsional factors: the lowest level of each.
    fungsional = {f.kode: f.tingkat[0].kode for f in aturan.faktor_evaluasi("fungsional")}
    evaluasi = {f"tingkat.{f}": t for f, t in fungsional.items()} | {"versi": "0"}
    return {
        "anjab_ubah": (reverse("web:anjab_ubah", args=[kode, p]),
                          {"versi": "0", "ikhtisar": "Baru"}),
        "tugas_buat": (reverse("web:tugas_buat", args=[kode, p]), baris),
        "tugas_ubah": (reverse("web:tugas_ubah", args=[kode, p, tugas.pk]),
                               baris | {"versi": str(tugas.versi)}),
        "tugas_hapus": (reverse("web:tugas_hapus", args=[kode, p, tugas.pk]),
                                {"versi": str(tugas.versi)}),
        "evaluasi_simpan": (reverse("web:evaluasi_simpan", args=[kode, p]), evaluasi),
        "evaluasi_simpan_tetapkan": (
            reverse("web:evaluasi_simpan_tetapkan", args=[kode, p]), evaluasi),
        "evaluasi_buka_kembali": (reverse("web:evaluasi_buka_kembali", args=[kode, k]),
                                  {"versi": str(ev.versi)}),
    }[nama]  # fmt: skip


POST_JABATAN = {
    "anjab_ubah": STATUS_UBAH_JABATAN,
    "tugas_buat": STATUS_UBAH_JABATAN,
    "tugas_ubah": STATUS_UBAH_JABATAN,
    "tugas_hapus": STATUS_UBAH_JABATAN,
    "evaluasi_simpan": STATUS_EVALUASI,
    "evaluasi_simpan_tetapkan": STATUS_EVALUASI,
    "evaluasi_buka_kembali": STATUS_EVALUASI,
}


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("nama", sorted(POST_JABATAN))
def test_tulis_halaman_jabatan_per_persona(client, dunia, isi, tulisan, persona, nama):
    masuk(client, dunia, persona)
    alamat, data = _post_jabatan(dunia, isi, tulisan, nama)
    sebelum = _jejak(dunia.instansi)
    response = client.post(alamat, data)
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code == POST_JABATAN[nama][persona], response.content[:300]
    if response.status_code == 302 and persona != "anonim":
        assert _jejak(dunia.instansi) != sebelum
    else:
        assert _jejak(dunia.instansi) == sebelum, "nothing is written when the user may not"


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("nama", ["tugas_buat", "tugas_ubah"])
def test_baris_ubah_tugas_per_persona(client, dunia, isi, tulisan, persona, nama):
    """The HTMX edit rows are offered only to who may edit the position."""
    tugas, _ev = tulisan
    args = [dunia.instansi.kode, isi.pelaksana_a.pk]
    if nama == "tugas_ubah":
        args.append(tugas.pk)
    masuk(client, dunia, persona)
    response = client.get(reverse(f"web:{nama}", args=args), HTTP_HX_REQUEST="true")
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code == STATUS_BARIS_UBAH[persona]


@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_tugas_jabatan_lain_lewat_url_jabatan_ini_tidak_ditemukan(
    client, dunia, isi, tulisan, persona
):
    """A task id under another position's URL is 404, never edited through it."""
    tugas, _ev = tulisan
    masuk(client, dunia, persona)
    kode = dunia.instansi.kode
    alamat = reverse("web:tugas_ubah", args=[kode, isi.kepala_a.pk, tugas.pk])
    assert client.get(alamat, HTTP_HX_REQUEST="true").status_code == 404
    assert client.post(alamat, {"versi": "1"}).status_code == 404
