"""Request and response schemas of the JSON API."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from ramping import aturan

# Error type of unprintable text; galat.py shows its message as written by ramping.aturan.
TEKS_TIDAK_DAPAT_DICETAK = "teks_tidak_dapat_dicetak"


def _teks_tercetak(nilai: str) -> str:
    try:
        return aturan.periksa_teks(nilai)
    except aturan.TeksTidakDapatDicetak as exc:
        raise PydanticCustomError(TEKS_TIDAK_DAPAT_DICETAK, exc.pesan) from None


# Every free-text field of a write schema: stored text must be exportable to DOCX/XLSX.
Teks = Annotated[str, AfterValidator(_teks_tercetak)]


class Galat(Schema):
    kode: str
    pesan: str
    field: str | None = None
    galat: list[dict] = []


class InstansiOut(Schema):
    id: int
    kode: str
    nama: str
    jenis: str


class StrukturOut(Schema):
    id: int
    nama: str
    status: str
    dasar_hukum_nomor: str
    dasar_hukum_tanggal: date | None
    berlaku_mulai: date | None
    turunan_dari_id: int | None


class UnitOut(Schema):
    id: int
    induk_id: int | None
    kode: str
    nama: str
    singkatan: str
    jenis: str
    eselon: str
    kedalaman: int
    otoritas_legalisasi: bool
    kewilayahan: bool
    kepala_satker: bool
    upt_pelayanan: bool


class JabatanOut(Schema):
    id: int
    struktur_id: int
    unit_id: int
    kode: str
    nama: str
    jenis: str
    nama_jf: str
    jenjang: str
    kelas: int | None
    is_kepala: bool
    b: int = Field(description="Bezetting: jumlah pemangku aktif")
    kebutuhan: int | None = Field(description="K hasil ABK (dibulatkan)")
    kebutuhan_desimal: Decimal | None
    beban_kerja_jam: Decimal | None


class TugasOut(Schema):
    id: int
    urutan: int
    uraian: str
    tahapan: str
    hasil_kerja: str
    satuan_hasil: str
    volume: Decimal
    waktu: Decimal
    satuan_waktu: str
    versi: int


class PeringatanKelasOut(Schema):
    kode: str = Field(description="acuan_beda, atasan_lebih_rendah atau di_atas_atasan")
    pesan: str


class KewajaranKelasOut(Schema):
    """The sanity of the evaluated kelas (ramping.jabatan.kewajaran), as the evaluasi tab."""

    kelas_acuan: int | None
    sumber_acuan: str
    peringatan: list[PeringatanKelasOut]
    catatan: str = Field(description="'Acuan tidak diketahui …' bila tidak ada kelas acuan")
    dicatat: bool = Field(description="Ada peringatan dan alasannya sudah dicatat")
    perlu_tindakan: bool


class EvaluasiOut(Schema):
    jenis: str
    tingkat: dict[str, str]
    alasan: dict[str, str]
    nilai: int | None
    kelas: int | None
    status: str
    tanggal: date | None
    tim_evaluator: str
    alasan_kelas: str
    kewajaran: KewajaranKelasOut | None = None
    versi: int


class JabatanDetail(JabatanOut):
    ej: Decimal | None = Field(description="Efektivitas jabatan")
    pj: str | None = Field(description="Prestasi jabatan A–E")
    tugas: list[TugasOut]
    evaluasi: EvaluasiOut | None


SatuanWaktu = Literal["jam", "menit"]
# The limits are not repeated as schema constraints: ramping.aturan.Tugas.baru decides them and
# a violation is a 400 with `field` and the same message the web form and the import show.
VOLUME = "Jumlah hasil per tahun: ≥ 0, paling banyak dua desimal (PermenPAN-RB 1/2020)"
WAKTU = "Waktu penyelesaian: > 0, paling banyak empat desimal (PermenPAN-RB 1/2020)"


class TugasIn(Schema):
    uraian: Teks = Field(min_length=1, max_length=5000)
    hasil_kerja: Teks = Field(min_length=1, max_length=200)
    satuan_hasil: Teks = Field(min_length=1, max_length=60)
    volume: Decimal = Field(description=VOLUME)
    waktu: Decimal = Field(description=WAKTU)
    satuan_waktu: SatuanWaktu = "jam"
    tahapan: Teks = Field("", max_length=5000)


class TugasUbah(Schema):
    versi: int = Field(description="Versi tugas yang dibaca; versi usang ditolak (409)")
    uraian: Teks | None = Field(None, min_length=1, max_length=5000)
    hasil_kerja: Teks | None = Field(None, min_length=1, max_length=200)
    satuan_hasil: Teks | None = Field(None, min_length=1, max_length=60)
    volume: Decimal | None = Field(None, description=VOLUME)
    waktu: Decimal | None = Field(None, description=WAKTU)
    satuan_waktu: SatuanWaktu | None = None
    tahapan: Teks | None = Field(None, max_length=5000)


class PegawaiOut(Schema):
    id: int
    nip: str
    nama: str
    gelar_depan: str
    gelar_belakang: str
    jenis_kelamin: str
    tanggal_lahir: date
    status_asn: str
    tmt_pengangkatan: date
    golongan: str
    pendidikan: str


class PenempatanOut(Schema):
    id: int
    pegawai_id: int
    jabatan_id: int
    struktur_id: int
    tmt_mulai: date
    tmt_selesai: date | None
    nomor_sk: str


class PegawaiDetail(PegawaiOut):
    penempatan: list[PenempatanOut]


class PenempatanIn(Schema):
    pegawai_id: int
    jabatan_id: int
    tmt_mulai: date
    nomor_sk: Teks = Field("", max_length=100)


class BarisPeta(Schema):
    unit_id: int
    unit_nama: str
    kedalaman: int
    jabatan_id: int
    nama: str
    jenis: str
    kelas: int | None
    b: int
    k: int | None
    selisih: int | None = Field(description="B − K; negatif berarti kurang")


class PetaOut(Schema):
    struktur_id: int
    jumlah_jabatan: int
    b: int
    k: int
    k_belum_dihitung: int
    selisih: int
    baris: list[BarisPeta]
