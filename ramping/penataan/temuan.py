"""Readiness check of an OPD: a catalogue of coded findings (`KATALOG`) and the two reads the
penataan pages call, `temuan_struktur` (the findings) and `kelengkapan` (progress numbers).

Findings are computed, never stored: what an OPD fixes disappears from the next read. Errors
(`galat`) block submission; warnings (`peringatan`) must be acknowledged with a note
(`PengakuanTemuan`, keyed by `kode` and `objek`). The checks themselves, and the constant set of
queries they read from, are in `ramping.penataan.periksa`. User documentation of every code:
docs/panduan/temuan.md (a test keeps it in step with `KATALOG`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ramping.akun.akses import Akses
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penataan.models import Bagian

GALAT = "galat"
PERINGATAN = "peringatan"
_URUTAN_TINGKAT = {GALAT: 0, PERINGATAN: 1}

DASAR_ABK = "PermenPAN-RB 1/2020 (formulir ABK: uraian tugas, jumlah hasil, waktu penyelesaian)"
DASAR_WKE = "PermenPAN-RB 1/2020 (waktu kerja efektif); pengaturan instansi"
DASAR_ANJAB = "PermenPAN-RB 1/2020 (informasi jabatan, 17 butir); Peraturan BKN 9/2022 Pasal 3"
DASAR_EVALUASI = "PermenPAN-RB 34/2011 (evaluasi jabatan dan kelas jabatan)"


@dataclass(frozen=True, slots=True)
class JenisTemuan:
    """One kind of finding. `bagian` is the part of a round it belongs to (a `Bagian` value);
    None for the structure checks, which apply whatever the round asks."""

    kode: str
    tingkat: str  # GALAT | PERINGATAN
    judul: str
    dasar: str
    bagian: str | None
    tindakan: str  # what the OPD does about it, one sentence shown after the message


# What to do about each kind of finding; a warning that may stand says which note to record.
TINDAKAN: dict[str, str] = {
    "STR-01": "Tambahkan jabatan kepala di halaman unit itu.",
    "STR-02": "Satukan jabatan bernama sama menjadi satu jabatan (jumlah orangnya pada K), "
    "atau catat mengapa keduanya berbeda.",
    "STR-03": "Impor data pegawai dan penempatannya (menu Impor → Pegawai), atau catat bahwa "
    "jabatannya memang belum terisi.",
    "STR-04": "Ubah jenis jabatan kepala atau eselon unitnya agar sesuai, atau catat dasar "
    "penetapannya.",
    "ABK-01": "Tambahkan uraian tugas di tab Tugas & ABK jabatan itu.",
    "ABK-02": "Simpan ulang salah satu tugasnya di tab Tugas & ABK, atau jalankan hitung ulang "
    "ABK, agar K dihitung.",
    "ABK-03": "Ubah satuan waktu (menit atau jam) atau waktunya di tab Tugas & ABK, atau catat "
    "alasan waktu sepanjang itu.",
    "ABK-04": "Isi jumlah hasil setahun di tab Tugas & ABK, atau catat mengapa tugas ini tidak "
    "menghasilkan apa pun tahun ini.",
    "ANJ-01": "Lengkapi butir itu di tab ANJAB jabatan.",
    "ANJ-02": "Lengkapi butir itu di tab ANJAB, atau catat mengapa dibiarkan kosong.",
    "EVA-01": "Pilih tingkat setiap faktor lalu tetapkan evaluasinya di tab Evaluasi jabatan.",
    "EVA-02": "Tetapkan evaluasi jabatan di tab Evaluasi agar kelasnya terisi.",
    "EVA-03": "Evaluasi ulang kelas atasan, atau catat alasan kelasnya di bawah bawahannya.",
    "EVA-04": "Samakan kelas jabatan dengan hasil evaluasi, atau catat keputusan yang "
    "menetapkan kelas itu.",
    "NOM-01": "Pilih nama baku di Meja nomenklatur, atau catat alasan nama ini dipertahankan.",
    "NOM-02": "Ganti dengan nama jabatan pelaksana baku di Meja nomenklatur.",
}


def _jenis(kode: str, tingkat: str, judul: str, dasar: str, bagian: str | None) -> JenisTemuan:
    return JenisTemuan(kode, tingkat, judul, dasar, bagian, TINDAKAN[kode])


KATALOG: dict[str, JenisTemuan] = {
    j.kode: j
    for j in (
        # --- structure: always checked ---------------------------------------------------------
        _jenis(
            "STR-01",
            GALAT,
            "Unit kerja tanpa jabatan kepala",
            "Perda/Perkada SOTK (setiap unit kerja dipimpin seorang kepala)",
            None,
        ),
        _jenis(
            "STR-02",
            PERINGATAN,
            "Nama jabatan ganda dalam satu unit",
            "Peta jabatan: satu jabatan per nama dalam satu unit, jumlah orang pada K",
            None,
        ),
        _jenis(
            "STR-03",
            PERINGATAN,
            "Data pemangku (B) belum diisi",
            "Peta jabatan: bezetting (B) dari data penempatan pegawai",
            None,
        ),
        _jenis(
            "STR-04",
            PERINGATAN,
            "Jenis jabatan kepala tidak sesuai eselon unit",
            "UU 5/2014 (eselon III = Administrator, IV = Pengawas, V = Pelaksana)",
            None,
        ),
        # --- ABK ---------------------------------------------------------------------------------
        _jenis("ABK-01", GALAT, "Jabatan tanpa uraian tugas", DASAR_ABK, Bagian.ABK),
        _jenis("ABK-02", GALAT, "Kebutuhan pegawai (K) belum dihitung", DASAR_ABK, Bagian.ABK),
        _jenis(
            "ABK-03",
            PERINGATAN,
            "Waktu penyelesaian melebihi waktu kerja efektif",
            DASAR_WKE,
            Bagian.ABK,
        ),
        _jenis("ABK-04", PERINGATAN, "Jumlah hasil tugas nol", DASAR_ABK, Bagian.ABK),
        # --- ANJAB -------------------------------------------------------------------------------
        _jenis("ANJ-01", GALAT, "Butir pokok ANJAB kosong", DASAR_ANJAB, Bagian.ANJAB),
        _jenis("ANJ-02", PERINGATAN, "Butir ANJAB lain kosong", DASAR_ANJAB, Bagian.ANJAB),
        # --- evaluasi jabatan ------------------------------------------------------------------
        _jenis(
            "EVA-01",
            GALAT,
            "Evaluasi jabatan belum ditetapkan",
            DASAR_EVALUASI,
            Bagian.EVALUASI,
        ),
        _jenis("EVA-02", GALAT, "Kelas jabatan kosong", DASAR_EVALUASI, Bagian.EVALUASI),
        _jenis(
            "EVA-03",
            PERINGATAN,
            "Kelas atasan di bawah kelas bawahan",
            "PermenPAN-RB 34/2011; contoh Kemendagri: atasan struktural tidak di bawah JF "
            "yang dipimpinnya (S17, C1)",
            Bagian.EVALUASI,
        ),
        _jenis(
            "EVA-04",
            PERINGATAN,
            "Kelas jabatan berbeda dengan hasil evaluasi",
            DASAR_EVALUASI,
            Bagian.EVALUASI,
        ),
        # --- nomenklatur pelaksana -------------------------------------------------------------
        _jenis(
            "NOM-01",
            PERINGATAN,
            "Nama jabatan pelaksana tidak baku",
            "PermenPAN-RB 45/2022 jo. Kepmen daftar nama (R45-01)",
            Bagian.NOMENKLATUR,
        ),
        _jenis(
            "NOM-02",
            PERINGATAN,
            "Nama jabatan pelaksana memuat kata Analis",
            "PermenPAN-RB 45/2022 (R45-03: kompetensi analis milik JF)",
            Bagian.NOMENKLATUR,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Temuan:
    """One finding about one object of one OPD.

    `objek` names what it is about ("jabatan:12", "unit:4", "tugas:7"; "" for the OPD as a
    whole) and, with `kode`, is the key of an acknowledgement. `tautan` is the URL path of the
    page where it is fixed.
    """

    kode: str
    tingkat: str
    pesan: str
    dasar: str
    objek: str
    opd_id: int
    tautan: str

    @property
    def jenis(self) -> JenisTemuan:
        return KATALOG[self.kode]

    @property
    def tindakan(self) -> str:
        return self.jenis.tindakan

    @property
    def galat(self) -> bool:
        return self.tingkat == GALAT


def bagian_valid(diminta: Iterable[str]) -> list[str]:
    """The asked parts in the order of `Bagian`; an unknown part is a programming error."""
    diminta = set(diminta)
    asing = diminta - set(Bagian.values)
    if asing:
        raise ValueError(f"bagian tidak dikenal: {sorted(asing)}")
    return [b for b in Bagian.values if b in diminta]


def temuan_struktur(
    *,
    akses: Akses,
    struktur: Struktur,
    opd: UnitKerja | None = None,
    diminta: Iterable[str],
) -> list[Temuan]:
    """All findings of one OPD (or of every OPD of the version when `opd` is None) for the asked
    parts plus the structure checks, sorted by OPD (tree order), severity (errors first), kode
    and object (tree order). A constant number of queries whatever the size (see `periksa`)."""
    from ramping.penataan import periksa

    bagian = bagian_valid(diminta)
    data = periksa.muat(akses=akses, struktur=struktur, opd=opd, bagian=bagian, tautan=True)
    hasil = []
    for mentah in periksa.periksa_semua(data, bagian):
        jenis = KATALOG[mentah.kode]
        urut = (mentah.kunci_opd, _URUTAN_TINGKAT[jenis.tingkat], jenis.kode, mentah.kunci_objek)
        temuan = Temuan(
            kode=jenis.kode,
            tingkat=jenis.tingkat,
            pesan=mentah.pesan,
            dasar=jenis.dasar,
            objek=mentah.objek,
            opd_id=mentah.opd_id,
            tautan=mentah.tautan,
        )
        hasil.append((urut, temuan))
    hasil.sort(key=lambda x: x[0])
    return [t for _, t in hasil]


def kelengkapan(
    *, akses: Akses, struktur: Struktur, diminta: Iterable[str]
) -> dict[int, dict[str, tuple[int, int]]]:
    """Per OPD id of the version, per asked part: (positions complete, positions counted).

    ABK: has tasks and K computed. ANJAB: every stored item filled (no ANJ-01/ANJ-02).
    Evaluasi: evaluation fixed. Nomenklatur: name in the 45/2022 catalogue, counted over
    pelaksana positions only. Every OPD of the version is a key, with (0, 0) when it has no
    position. Constant queries for the whole version (the progress board of all OPDs).
    """
    from ramping.penataan import periksa

    bagian = bagian_valid(diminta)
    data = periksa.muat(akses=akses, struktur=struktur, opd=None, bagian=bagian, tautan=False)
    return periksa.hitung_kelengkapan(data, bagian)
