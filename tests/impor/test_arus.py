"""The task import streams (issue #15 item 6): rows are checked `POTONGAN` at a time and written
by a second pass in chunks, inside one transaction. A chunk boundary changes nothing: an error
in the last row of a chunk or the first of the next leaves nothing written, a duplicate split
across chunks is found, and the preview is the same whatever the chunk size."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from ramping.errors import RampingError
from ramping.impor.berkas import BarisArus, Kolom, baca_lembar
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.jenis import tugas as modul_tugas
from ramping.impor.jenis.tugas import ImporTugas
from ramping.impor.jenis.tugas_baris import PembacaTugas
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services import jabatan_buat, massal

JUDUL = ["Unit Kerja", "Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan", "Volume", "Norma Waktu"]
P, Q = "Penelaah Teknis Kebijakan", "Pengolah Data"


def _t(jabatan: str, uraian: str, volume="240", waktu="2", unit="Bidang Satu") -> list:
    return [unit, jabatan, uraian, "Dokumen", "Dokumen", volume, waktu]


# Six task rows, two positions interleaved: with POTONGAN = 3 rows 2–4 are the first chunk
# and rows 5–7 the second (row 1 is the header).
ENAM = [
    _t(P, "Menelaah kebijakan"),
    _t(Q, "Mengolah data"),
    _t(P, "Menyusun telaahan"),
    _t(Q, "Memeriksa data"),
    _t(P, "Melaporkan", "12", "1,5"),
    _t(Q, "Mengarsipkan data", "1.000", "0,25"),
]


@pytest.fixture
def dua(dunia):
    return {
        nama: jabatan_buat(
            akses=dunia.analis, unit=dunia.bidang_a, nama=nama, jenis="pelaksana", kelas=7
        )
        for nama in (P, Q)
    }


@pytest.fixture
def potongan(monkeypatch):
    def atur(n_periksa: int, n_tulis: int = 2) -> None:
        monkeypatch.setattr(modul_tugas, "POTONGAN", n_periksa)
        monkeypatch.setattr(massal, "POTONGAN", n_tulis)

    return atur


def _isi() -> list[tuple]:
    """The small agency's tasks (a session's demo agency may share the database)."""
    return list(
        Tugas.objects.filter(instansi__kode="kota-uji")
        .order_by("jabatan__nama", "urutan")
        .values_list("jabatan__nama", "urutan", "uraian", "volume", "waktu")
    )


def _k() -> dict[str, tuple]:
    return {
        j.nama: (j.beban_kerja_jam, j.kebutuhan_desimal, j.kebutuhan)
        for j in Jabatan.objects.filter(instansi__kode="kota-uji", nama__in=(P, Q))
    }


def test_impor_bertahap_menulis_semua_baris_dalam_urutan(dunia, dua, buat_xlsx, potongan):
    potongan(3, 2)  # two check chunks, three write chunks per position's rows
    hasil = impor_terapkan(
        ImporTugas(akses=dunia.analis, struktur=dunia.struktur), buat_xlsx(JUDUL, *ENAM)
    )
    assert hasil.dibuat == [f"{P} (Bidang Satu): 3 tugas", f"{Q} (Bidang Satu): 3 tugas"]
    assert _isi() == [
        (P, 1, "Menelaah kebijakan", Decimal("240.00"), Decimal("2.0000")),
        (P, 2, "Menyusun telaahan", Decimal("240.00"), Decimal("2.0000")),
        (P, 3, "Melaporkan", Decimal("12.00"), Decimal("1.5000")),
        (Q, 1, "Mengolah data", Decimal("240.00"), Decimal("2.0000")),
        (Q, 2, "Memeriksa data", Decimal("240.00"), Decimal("2.0000")),
        (Q, 3, "Mengarsipkan data", Decimal("1000.00"), Decimal("0.2500")),
    ]
    # P: 480 + 480 + 18 = 978 h → 0.7824; Q: 480 + 480 + 250 = 1 210 h → 0.9680 (WKE 1 250 h)
    assert _k() == {
        P: (Decimal("978.00"), Decimal("0.7824"), 1),
        Q: (Decimal("1210.00"), Decimal("0.9680"), 1),
    }


@pytest.mark.parametrize(
    ("indeks", "baris", "tempat"),
    [
        (2, 4, "baris terakhir potongan pertama"),
        (3, 5, "baris pertama potongan kedua"),
        (5, 7, "baris terakhir berkas"),
    ],
)
def test_galat_di_batas_potongan_tidak_menulis_apa_pun(
    dunia, dua, buat_xlsx, potongan, indeks, baris, tempat
):
    potongan(3, 2)
    pengimpor = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    impor_terapkan(pengimpor, buat_xlsx(JUDUL, *ENAM[:2]))  # one stored task each
    sebelum, k_sebelum = _isi(), _k()
    rows = [list(r) for r in ENAM]
    rows[indeks][5] = "-5"
    with pytest.raises(ImporGagal) as err:
        impor_terapkan(pengimpor, buat_xlsx(JUDUL, *rows))
    (galat,) = err.value.pratinjau.galat
    assert (galat.baris, galat.kolom) == (baris, "Volume"), tempat
    assert "tidak boleh negatif" in galat.pesan
    assert _isi() == sebelum and _k() == k_sebelum  # nothing half-written


def test_galat_saat_menulis_potongan_membatalkan_semuanya(
    dunia, dua, buat_xlsx, potongan, monkeypatch
):
    # The check passed; the write pass then meets one task more than was checked (the file
    # changed in between): the chunks already sent are rolled back with the rest.
    potongan(3, 2)
    pengimpor = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    impor_terapkan(pengimpor, buat_xlsx(JUDUL, *ENAM[:2]))
    sebelum, k_sebelum = _isi(), _k()
    asli = PembacaTugas.tugas

    def satu_lagi(self, ganti, buang):
        yield from asli(self, ganti, buang)
        tugas = {"uraian": "Sisipan", "hasil_kerja": "x", "satuan_hasil": "x"}
        yield dua[P].id, {**tugas, "volume": Decimal(1), "waktu": Decimal(1), "satuan_waktu": "jam"}

    monkeypatch.setattr(PembacaTugas, "tugas", satu_lagi)
    with pytest.raises(RampingError, match="tidak sama dengan hasil pemeriksaan"):
        impor_terapkan(pengimpor, buat_xlsx(JUDUL, *ENAM))
    assert _isi() == sebelum and _k() == k_sebelum


@pytest.mark.parametrize(("pilihan", "jumlah_p"), [("gabung", 3), ("simpan", 4)])
def test_duplikat_lintas_potongan_ditemukan(dunia, dua, buat_xlsx, potongan, pilihan, jumlah_p):
    potongan(3, 2)
    rows = [*ENAM, _t(P, "Menelaah kebijakan")]  # row 8 repeats row 2, two chunks later
    pengimpor = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    data = buat_xlsx(JUDUL, *rows)
    (d,) = impor_pratinjau(pengimpor, data).duplikat
    assert (d.lembar, d.baris, d.jabatan, d.uraian) == (
        "Sheet",
        (2, 8),
        f"{P} (Bidang Satu)",
        "Menelaah kebijakan",
    )
    pengimpor.duplikat = pilihan
    hasil = impor_terapkan(pengimpor, data)
    assert hasil.dibuat[0] == f"{P} (Bidang Satu): {jumlah_p} tugas"
    assert Tugas.objects.filter(jabatan=dua[P]).count() == jumlah_p
    # Merged, the first row is kept and the repeat does not count in K (978 h → 0.7824).
    k = {"gabung": Decimal("0.7824"), "simpan": Decimal("1.1664")}[pilihan]
    assert Jabatan.objects.get(pk=dua[P].pk).kebutuhan_desimal == k


def _ringkas(pr) -> tuple:
    return (
        pr.dibuat,
        pr.diubah,
        pr.tetap,
        [
            (r.jabatan, r.ditambah, r.diubah, r.dihapus, r.tetap, r.k_lama, r.k_baru, r.konversi)
            for r in pr.rincian
        ],
        [str(p) for p in pr.peringatan],
        [(d.baris, d.uraian) for d in pr.duplikat],
        [str(g) for g in pr.galat],
        pr.baris,
    )


def test_pratinjau_sama_berapa_pun_ukuran_potongan(dunia, dua, buat_xlsx, potongan):
    pengimpor = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    # Stored: P has [Menelaah kebijakan, Menyusun telaahan, Arsip]; Q has nothing.
    impor_terapkan(pengimpor, buat_xlsx(JUDUL, ENAM[0], ENAM[2], _t(P, "Arsip")))
    lain = jabatan_buat(akses=dunia.analis, unit=dunia.dinas_b, nama=Q, jenis="pelaksana", kelas=7)
    impor_terapkan(pengimpor, buat_xlsx(JUDUL, _t(Q, "Mengolah data", "2", unit="Dinas B")))
    assert lain.tugas_set.count() == 1
    rows = [
        _t(P, "Menelaah kebijakan"),  # unchanged
        _t(Q, "Mengolah data", "2000"),  # 1 000× Dinas B's volume of the same task: warning
        _t(P, "Menyusun telaahan", "300"),  # same uraian, other volume: changed
        _t(Q, "Memeriksa data", "1", "1300"),  # 1 300 h per unit > WKE: warning
        _t(P, "Baru", "x"),  # error
        _t(Q, "Mengolah data", "2000"),  # duplicate of row 3
        _t(P, "Menelaah kebijakan"),  # duplicate of row 2
    ]
    data = buat_xlsx(JUDUL, *rows)
    hasil = {}
    for n in (1, 2, 3, 2000):
        potongan(n)
        hasil[n] = _ringkas(impor_pratinjau(pengimpor, data))
    assert hasil[1] == hasil[2] == hasil[3] == hasil[2000]
    dibuat, diubah, tetap, rincian, peringatan, duplikat, galat, baris = hasil[2000]
    assert (dibuat, diubah, tetap, baris) == (
        [f"{Q} (Bidang Satu): 3 tugas"],
        [f"{P} (Bidang Satu): 3 tugas"],
        0,
        7,
    )
    # P: stored [Menelaah, Menyusun, Arsip], new [Menelaah, Menyusun 300, Menelaah] (the
    # duplicate kept: no choice made yet) → 1 equal, 1 changed, 1 added, Arsip removed.
    assert [r[:7] for r in rincian] == [
        (f"{P} (Bidang Satu)", 1, 1, 1, 1, Decimal("1.1520"), Decimal("1.2480")),
        (f"{Q} (Bidang Satu)", 3, 0, 0, 0, None, Decimal("7.4400")),  # 9 300 h ÷ 1 250
    ]
    assert duplikat == [((2, 8), "Menelaah kebijakan"), ((3, 7), "Mengolah data")]
    assert galat == [
        "Lembar 'Sheet', baris 6, kolom Volume: sel F6: 'x' bukan angka (contoh: 1.250,5)"
    ]
    # Per position in the order met (rows, then K), then the median checks: Q's K 7,44 is
    # ≥ 1000× Dinas B's 0,0032, and its volume 2 000 ≥ 1000× Dinas B's 2.
    assert [p.split(": ", 1)[0].removeprefix("Lembar 'Sheet', ") for p in peringatan] == [
        "baris 3, kolom Volume",
        "baris 5, kolom Norma Waktu",
        "baris 7, kolom Volume",
        "baris 3, kolom Nama Jabatan",
        "baris 3, kolom Volume",
        "baris 7, kolom Volume",
    ]
    assert peringatan[3].endswith("median jabatan yang sama di unit lain (0,0032)")
    assert peringatan[4].endswith("median tugas yang sama pada jabatan ini di unit lain (2)")


def test_median_antara_jabatan_senama_dalam_berkas(dunia, dua, buat_xlsx, potongan):
    # Two positions of one name, both in the file, in different chunks: each is compared with
    # the other (the volume-median check groups the file's rows by name and uraian).
    jabatan_buat(akses=dunia.analis, unit=dunia.dinas_b, nama=Q, jenis="pelaksana", kelas=7)
    potongan(1)
    data = buat_xlsx(
        JUDUL,
        _t(Q, "Mengolah data", "2000"),  # Bidang Satu: 4 000 h, K 3,2
        _t(Q, "Mengolah data", "2", unit="Dinas B"),  # Dinas B: 4 h, K 0,0032
    )
    pr = impor_pratinjau(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), data)
    assert [str(p).removeprefix("Lembar 'Sheet', ") for p in pr.peringatan] == [
        "baris 2, kolom Volume: beban tugas ini 4.000 jam setahun melebihi waktu kerja "
        "efektif (1.250 jam)",
        "baris 2, kolom Nama Jabatan: kebutuhan pegawai 3,2 ≥ 1000× median jabatan yang sama "
        "di unit lain (0,0032)",
        "baris 2, kolom Volume: volume 2.000 ≥ 1000× median tugas yang sama pada jabatan ini "
        "di unit lain (2)",
    ]


def test_lembar_dibaca_ulang_bukan_disimpan(buat_xlsx):
    kolom = (Kolom("nip", "NIP", wajib=True), Kolom("nama", "Nama", wajib=True))
    lembar = baca_lembar(buat_xlsx(["NIP", "Nama"], ["1", "A"], ["JUMLAH", ""], ["2", "B"]), kolom)
    assert isinstance(lembar.baris, BarisArus) and len(lembar.baris) == 2
    assert list(lembar.baris) == list(lembar.baris) == [(2, ["1", "A"]), (4, ["2", "B"])]
    assert lembar.dilewati == [("Sheet", 3, "JUMLAH")]


def test_seratus_ribu_baris_diterima():
    # The limit is 100,000 data rows per sheet (BARIS_MAKS): exactly that many are read.
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet()
    lembar.append(["NIP", "Nama"])
    for i in range(100_000):
        lembar.append([str(i), "x"])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    kolom = (Kolom("nip", "NIP", wajib=True), Kolom("nama", "Nama", wajib=True))
    assert len(baca_lembar(keluaran.getvalue(), kolom).baris) == 100_000
