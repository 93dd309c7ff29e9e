"""One informasi jabatan document (.docx) → plain data, in either layout.

PermenPAN-RB 1/2020 layout (Peraturan BKN 9/2022 Pasal 3; ramping's own export,
`laporan/exporters/anjab.py`): numbered items 1–17 — nama, kode, unit kerja (JPT Utama …
Jabatan Fungsional), ikhtisar, kualifikasi, tugas pokok (table with hasil kerja, jumlah hasil,
waktu penyelesaian), hasil/bahan/perangkat kerja, tanggung jawab, wewenang, korelasi, kondisi
lingkungan, risiko bahaya, syarat jabatan, prestasi kerja, kelas jabatan.

Older PermenPAN-RB 33/2011 layout: unit by eselon I–IV, "kedudukan dalam struktur", uraian tugas
as numbered paragraphs with tahapan, syarat jabatan holding pangkat, pendidikan, kursus and
pengalaman, and the volume and time per task in item 16 "Prestasi kerja yang diharapkan" (a
table, time in minutes), item 17 "Butir informasi lain".

Items are found by their headings ("6. TUGAS POKOK"), not by position, so a template with an
extra item or a different numbering still reads. Nothing is guessed: a number whose reading
depends on the locale ("18.000") is a problem naming both readings; an item not found is
listed as not found.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from ramping.aturan.pencarian import normalkan
from ramping.jabatan.services.anjab import TABEL as TABEL_ANJAB

# (item key, heading starts; first match wins). Labels shown in the preview are BUTIR.
BAGIAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nama", ("nama jabatan",)),
    ("kode", ("kode jabatan",)),
    ("unit", ("unit kerja", "unit organisasi")),
    ("kedudukan", ("kedudukan dalam struktur",)),
    ("ikhtisar", ("ikhtisar jabatan",)),
    ("kualifikasi", ("kualifikasi jabatan",)),
    ("tugas", ("tugas pokok", "uraian tugas")),
    ("hasil_kerja", ("hasil kerja",)),
    ("bahan_kerja", ("bahan kerja",)),
    ("perangkat_kerja", ("perangkat kerja", "perangkat alat kerja", "alat kerja")),
    ("tanggung_jawab", ("tanggung jawab",)),
    ("wewenang", ("wewenang",)),
    ("korelasi_jabatan", ("korelasi jabatan",)),
    ("kondisi_lingkungan", ("kondisi lingkungan",)),
    ("risiko_bahaya", ("risiko bahaya",)),
    ("syarat_jabatan", ("syarat jabatan",)),
    ("prestasi_kerja", ("prestasi kerja",)),
    ("kelas", ("kelas jabatan",)),
    ("lain", ("butir informasi lain", "informasi lain")),
)
BUTIR = {
    "nama": "nama jabatan",
    "kode": "kode jabatan",
    "unit": "unit kerja",
    "ikhtisar": "ikhtisar jabatan",
    "kualifikasi": "kualifikasi jabatan",
    "tugas": "tugas pokok",
    "hasil_kerja": "hasil kerja",
    "bahan_kerja": "bahan kerja",
    "perangkat_kerja": "perangkat kerja",
    "tanggung_jawab": "tanggung jawab",
    "wewenang": "wewenang",
    "korelasi_jabatan": "korelasi jabatan",
    "kondisi_lingkungan": "kondisi lingkungan kerja",
    "risiko_bahaya": "risiko bahaya",
    "syarat_jabatan": "syarat jabatan",
    "prestasi_kerja": "prestasi kerja",
    "kelas": "kelas jabatan",
}
KOLOM_TABEL = TABEL_ANJAB  # the keys every row of a table item must have
SYARAT_DAFTAR = {
    "keterampilan": "keterampilan",
    "bakat": "bakat",
    "temperamen": "temperamen",
    "minat": "minat",
    "upaya fisik": "upaya_fisik",
    "fungsi pekerjaan": "fungsi_pekerjaan",
    "fungsi kerja": "fungsi_pekerjaan",
}
SYARAT_FISIK = {
    "jenis kelamin": "jenis_kelamin",
    "umur": "umur",
    "tinggi badan": "tinggi_badan",
    "berat badan": "berat_badan",
    "postur badan": "postur_badan",
    "penampilan": "penampilan",
    "keadaan fisik": "keadaan_fisik",
}
# Rows of a task table that are sums, not tasks (PermenPAN-RB 1/2020 form: JUMLAH, JUMLAH
# PEGAWAI; agencies' tools also write PEMBULATAN and TOTAL).
SUBTOTAL = {"jumlah", "jumlah pegawai", "pembulatan", "total", "jumlah total", "kebutuhan pegawai"}
_JUDUL = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*(.+?)\s*$", re.DOTALL)
_NOMOR_DEPAN = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z])\s*[.)]\s+")
_KOSONG = {"", "-", "–", "—", "…", "..."}


class DokumenRusak(Exception):
    """python-docx could not read the document (malformed XML or parts)."""


@dataclass
class TugasDokumen:
    uraian: str
    tahapan: str = ""
    hasil_kerja: str = ""
    satuan_hasil: str = ""
    volume: str = ""  # as written; read by :func:`angka`
    waktu: str = ""
    satuan_waktu: str = "jam"


@dataclass
class DokumenAnjab:
    nama_berkas: str
    tata_letak: str = "2020"  # "2020" (PermenPAN-RB 1/2020) | "2011" (PermenPAN-RB 33/2011)
    nama: str = ""
    kode: str = ""
    unit: list[str] = field(default_factory=list)  # unit chain as written, top first
    isian: dict = field(default_factory=dict)  # Anjab fields found (anjab_ubah's shape)
    tugas: list[TugasDokumen] = field(default_factory=list)
    tugas_tanpa_abk: int = 0  # uraian tugas listed without volume/time
    kelas: int | None = None
    ditemukan: list[str] = field(default_factory=list)  # item keys found
    masalah: list[tuple[str, str]] = field(default_factory=list)  # (item label, message)

    @property
    def tidak_ditemukan(self) -> list[str]:
        return [k for k in BUTIR if k not in self.ditemukan]


def angka(teks: str) -> Decimal:
    """A number as Indonesian documents write it, never guessed.

    "1.269,00", "1269", "0,5" and "1,5" read one way; "1,080.50" (English) too. A text whose
    reading depends on the locale — "18.000" (18 or 18,000?), "1,080" — raises ValueError
    naming both readings.
    """
    t = teks.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d+", t):
        return Decimal(t)
    if re.fullmatch(r"\d+,\d+", t) and not re.fullmatch(r"\d{1,3},\d{3}", t):
        return Decimal(t.replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", t) and not re.fullmatch(r"\d{1,3}\.\d{3}", t):
        return Decimal(t)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", t) or re.fullmatch(r"\d{1,3}(\.\d{3}){2,}", t):
        return Decimal(t.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", t) or re.fullmatch(r"\d{1,3}(,\d{3}){2,}", t):
        return Decimal(t.replace(",", ""))
    if m := re.fullmatch(r"(\d{1,3})([.,])(\d{3})", t):
        ribuan = Decimal(m[1] + m[3])
        desimal = Decimal(f"{m[1]}.{m[3]}")
        raise ValueError(
            f"“{teks.strip()}” dapat dibaca {ribuan} atau {desimal}; tulis tanpa pemisah ribuan "
            "atau dengan dua angka desimal (mis. 1.080,00)"
        )
    raise ValueError(f"“{teks.strip()}” bukan angka")


def _teks_sel(sel) -> str:
    return "\n".join(p.text for p in sel.paragraphs).strip()


def _baris_tabel(tabel: Table) -> list[list[str]]:
    """Cell texts per row; a horizontally merged cell is read once."""
    hasil = []
    for baris in tabel.rows:
        dilihat, sel = set(), []
        for c in baris.cells:
            if id(c._tc) in dilihat:
                continue
            dilihat.add(id(c._tc))
            sel.append(_teks_sel(c))
        hasil.append(sel)
    return hasil


def _isi_tubuh(dokumen) -> list[str | list[list[str]]]:
    """Paragraph texts and tables (as rows of cell texts), in document order."""
    hasil: list[str | list[list[str]]] = []
    for el in dokumen.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            hasil.append(Paragraph(el, dokumen).text)
        elif tag == "tbl":
            hasil.append(_baris_tabel(Table(el, dokumen)))
    return hasil


def _judul(teks: str) -> tuple[str, str] | None:
    """(item key, the rest after ':') when the paragraph is an item heading."""
    m = _JUDUL.match(teks)
    if not m:
        return None
    judul, _, sisa = m[2].replace("\t", " ").partition(":")
    kunci = normalkan(judul)
    huruf = re.sub(r"[^A-Za-z]", "", judul)
    for nama, awal in BAGIAN:
        for a in awal:
            if kunci == a or (kunci.startswith(a) and huruf.isupper()):
                return nama, sisa.strip()
    return None


def _bersih(teks: str) -> str:
    return _NOMOR_DEPAN.sub("", teks.strip()).strip()


def _label(teks: str) -> str:
    return normalkan(_bersih(teks))


def _pisah_daftar(teks: str) -> list[str]:
    return [b for x in re.split(r"[;\n]", teks) if (b := _bersih(x)) and b not in _KOSONG]


def _pasangan(isi: list) -> list[tuple[str, str]]:
    """(label, value) rows of a "a. Label : value" block, from tables or paragraphs."""
    hasil = []
    for x in isi:
        if isinstance(x, str):
            if ":" in x:
                label, _, nilai = x.partition(":")
                hasil.append((label, nilai.strip()))
        else:
            for sel in x:
                isian = [s for s in sel if s.strip() not in (":",)]
                if len(isian) >= 2:
                    hasil.append((isian[0], isian[-1].strip()))
                elif len(isian) == 1 and ":" in isian[0]:
                    label, _, nilai = isian[0].partition(":")
                    hasil.append((label, nilai.strip()))
    return hasil


def _tabel_data(isi: list) -> list[list[str]]:
    """Data rows of the item's tables: the header row and the "No" column dropped."""
    hasil = []
    for x in isi:
        if isinstance(x, str):
            continue
        for i, sel in enumerate(x):
            if i == 0 and sel and normalkan(sel[0]) in ("no", "nomor", "no urut"):
                continue
            if sel and re.fullmatch(r"\d{1,3}\.?", sel[0].strip()):
                sel = sel[1:]
            if any(s.strip() for s in sel):
                hasil.append([s.strip() for s in sel])
    return hasil


def _tabel_item(nama: str, isi: list) -> list[dict[str, str]]:
    kolom = KOLOM_TABEL[nama]
    hasil = []
    for sel in _tabel_data(isi):
        isian = (sel + [""] * len(kolom))[: len(kolom)]
        if isian[0] in _KOSONG:
            continue
        hasil.append({k: ("" if v in _KOSONG else v) for k, v in zip(kolom, isian, strict=True)})
    return hasil


def _daftar_teks(isi: list) -> list[str]:
    hasil = []
    for x in isi:
        if isinstance(x, str):
            if (t := _bersih(x)) and t not in _KOSONG:
                hasil.append(t)
        else:
            hasil += [s[-1] for s in _tabel_data([x]) if s and s[-1] not in _KOSONG]
    return hasil


def _kolom_tugas(kepala: list[str]) -> dict[str, int]:
    kol: dict[str, int] = {}
    for i, h in enumerate(kepala):
        k = normalkan(h)
        if "uraian" in k or k in ("tugas", "uraian tugas"):
            kol.setdefault("uraian", i)
        elif "satuan" in k:
            kol.setdefault("satuan", i)
        elif "hasil kerja" in k or k == "hasil":
            kol.setdefault("hasil", i)
        elif "jumlah hasil" in k or "beban kerja" in k or "volume" in k or k == "jumlah":
            kol.setdefault("volume", i)
        elif "waktu penye" in k or "norma waktu" in k or "waktu penyelesaian" in k:
            kol.setdefault("waktu", i)
            if "menit" in k:
                kol["menit"] = 1
    return kol


def _tugas_tabel(tabel: list[list[str]]) -> list[TugasDokumen] | None:
    """Tasks of a task table, or None when the table is not one (no "uraian" header)."""
    awal = next((i for i, k in enumerate(tabel[:3]) if "uraian" in _kolom_tugas(k)), None)
    if awal is None:
        return None
    kol = _kolom_tugas(tabel[awal])
    hasil = []
    for sel in tabel[awal + 1 :]:

        def ambil(nama: str, _sel=sel, _kol=kol) -> str:
            j = _kol.get(nama)
            return _sel[j].strip() if j is not None and j < len(_sel) else ""

        uraian = ambil("uraian")
        if not uraian or normalkan(uraian) in SUBTOTAL or uraian in _KOSONG:
            continue
        if all(not s.strip() or re.fullmatch(r"[\d.,]+", s.strip()) for s in sel):
            continue  # a column-number row ("1 2 3 4 …") under the header
        baris = [b.strip() for b in uraian.splitlines() if b.strip()]
        tahapan = [_bersih(b) for b in baris[1:] if normalkan(b) not in ("tahapan",)]
        hasil.append(
            TugasDokumen(
                uraian=_bersih(baris[0]),
                tahapan="\n".join(t for t in tahapan if t),
                hasil_kerja=ambil("hasil"),
                satuan_hasil=ambil("satuan"),
                volume=ambil("volume"),
                waktu=ambil("waktu"),
                satuan_waktu="menit" if kol.get("menit") else "jam",
            )
        )
    return hasil


def _tugas_paragraf(isi: list) -> list[TugasDokumen]:
    """33/2011: "1. uraian" paragraphs, with "Tahapan:" and "a)"/"-" lines under each."""
    hasil: list[TugasDokumen] = []
    for x in isi:
        if not isinstance(x, str) or not x.strip():
            continue
        t = x.strip()
        if re.match(r"^\d{1,3}\s*[.)]\s+", t):
            hasil.append(TugasDokumen(uraian=_bersih(t).rstrip(";.,").strip()))
        elif hasil and normalkan(t) not in ("tahapan",):
            tahap = _bersih(t.lstrip("-•–"))
            if tahap:
                hasil[-1].tahapan = "\n".join(filter(None, (hasil[-1].tahapan, tahap)))
    return hasil


def _prestasi_tabel(isi: list) -> list[list[str]] | None:
    """33/2011 item 16: a table with satuan hasil, jumlah hasil and waktu (minutes)."""
    for x in isi:
        if isinstance(x, str):
            continue
        for i, kepala in enumerate(x[:2]):
            kol = _kolom_tugas(kepala)
            if "volume" in kol and "waktu" in kol:
                return [kepala, *x[i + 1 :]]
    return None


def baca_dokumen(data: bytes, nama_berkas: str) -> DokumenAnjab:
    """Read one ANJAB document; raises :class:`DokumenRusak` when Word XML is unreadable."""
    try:
        dokumen = Document(io.BytesIO(data))
        tubuh = _isi_tubuh(dokumen)
    except Exception as exc:  # python-docx raises lxml, KeyError, ValueError… on broken parts
        raise DokumenRusak(str(exc)[:200]) from None
    dok = DokumenAnjab(nama_berkas)
    bagian: dict[str, list] = {}
    sisa_judul: dict[str, str] = {}
    aktif: str | None = None
    for x in tubuh:
        if isinstance(x, str) and (j := _judul(x)):
            aktif = j[0]
            bagian.setdefault(aktif, [])
            sisa_judul[aktif] = j[1]
            continue
        if aktif is not None:
            bagian[aktif].append(x)
    if "kedudukan" in bagian or "lain" in bagian:
        dok.tata_letak = "2011"
    _isi(dok, bagian, sisa_judul)
    return dok


def _satu_nilai(nama: str, bagian: dict, sisa: dict) -> str:
    if sisa.get(nama):
        return sisa[nama]
    for x in bagian.get(nama, []):
        if isinstance(x, str) and x.strip():
            return x.strip().lstrip(":").strip()
    return ""


def _isi(dok: DokumenAnjab, bagian: dict[str, list], sisa: dict[str, str]) -> None:
    isian = dok.isian
    if nama := _satu_nilai("nama", bagian, sisa):
        dok.nama, dok.ditemukan = nama, [*dok.ditemukan, "nama"]
    if kode := _satu_nilai("kode", bagian, sisa):
        dok.kode = "" if kode in _KOSONG else kode
        dok.ditemukan.append("kode")
    if "unit" in bagian:
        dok.unit = [v for _, v in _pasangan(bagian["unit"]) if v.strip() not in _KOSONG]
        if dok.unit:
            dok.ditemukan.append("unit")
    if "ikhtisar" in bagian:
        teks = " ".join(x.strip() for x in bagian["ikhtisar"] if isinstance(x, str) and x.strip())
        if teks := (sisa.get("ikhtisar") or teks).strip():
            isian["ikhtisar"] = teks
            dok.ditemukan.append("ikhtisar")
    kualifikasi = _pasangan(bagian.get("kualifikasi", []))
    syarat = _pasangan(bagian.get("syarat_jabatan", []))
    for label, nilai in kualifikasi + (syarat if dok.tata_letak == "2011" else []):
        k = _label(label)
        if nilai in _KOSONG:
            continue
        if k.startswith("pendidikan formal") or k == "pendidikan":
            isian.setdefault("pendidikan_formal", nilai.replace("\n", "; "))
        elif "pelatihan" in k or "diklat" in k or "kursus" in k:
            isian.setdefault("pelatihan", _pisah_daftar(nilai))
        elif "pengalaman" in k:
            isian.setdefault("pengalaman", _pisah_daftar(nilai))
    if any(f in isian for f in ("pendidikan_formal", "pelatihan", "pengalaman")):
        dok.ditemukan.append("kualifikasi")
    _isi_tugas(dok, bagian)
    for nama in KOLOM_TABEL:
        if nama in bagian and (baris := _tabel_item(nama, bagian[nama])):
            isian[nama] = baris
            dok.ditemukan.append(nama)
    for nama in ("tanggung_jawab", "wewenang"):
        if nama in bagian and (daftar := _daftar_teks(bagian[nama])):
            isian[nama] = daftar
            dok.ditemukan.append(nama)
    if syarat:
        hasil: dict = {k: [] for k in SYARAT_DAFTAR.values()}
        fisik: dict[str, str] = {}
        for label, nilai in syarat:
            k = _label(label)
            if not nilai.strip():
                continue
            for awal, kunci in SYARAT_DAFTAR.items():
                if k.startswith(awal):
                    hasil[kunci] += _pisah_daftar(nilai)
                    break
            else:
                for awal, kunci in SYARAT_FISIK.items():
                    if k.startswith(awal):
                        fisik[kunci] = nilai
                        break
        hasil["kondisi_fisik"] = fisik
        if fisik or any(hasil[k] for k in SYARAT_DAFTAR.values()):
            isian["syarat_jabatan"] = hasil
            dok.ditemukan.append("syarat_jabatan")
    if "prestasi_kerja" in bagian:
        teks = sisa.get("prestasi_kerja") or " ".join(
            x.strip() for x in bagian["prestasi_kerja"] if isinstance(x, str) and x.strip()
        )
        if teks:
            isian["prestasi_kerja"] = teks
        if teks or dok.tata_letak == "2011":
            dok.ditemukan.append("prestasi_kerja")
    if kelas := _satu_nilai("kelas", bagian, sisa):
        if re.fullmatch(r"\d{1,2}", kelas.strip()):
            dok.kelas = int(kelas)
            dok.ditemukan.append("kelas")
        else:
            dok.masalah.append((BUTIR["kelas"], f"“{kelas}” bukan kelas 1–17"))


def _isi_tugas(dok: DokumenAnjab, bagian: dict[str, list]) -> None:
    isi = bagian.get("tugas", [])
    tugas: list[TugasDokumen] = []
    for x in isi:
        if not isinstance(x, str) and (t := _tugas_tabel(x)) is not None:
            tugas += t
    if not tugas:
        tugas = _tugas_paragraf(isi)
    if (
        dok.tata_letak == "2011"
        and tugas
        and (tabel := _prestasi_tabel(bagian.get("prestasi_kerja", [])))
    ):
        # Volume and time per task from item 16, row by row (the ABK of the old form).
        kol = _kolom_tugas(tabel[0])
        baris = [s for s in tabel[1:] if any(v.strip() for v in s)]
        baris = [s for s in baris if normalkan(s[0] if s else "") not in SUBTOTAL]
        if len(baris) != len(tugas):
            dok.masalah.append(
                (
                    BUTIR["tugas"],
                    f"{len(tugas)} uraian tugas tetapi {len(baris)} baris beban kerja di butir "
                    "prestasi kerja: jumlah tugas ANJAB dan ABK harus sama",
                )
            )
        hasil_kerja = _tabel_item("hasil_kerja", bagian.get("hasil_kerja", []))
        if len(hasil_kerja) != len(tugas):
            hasil_kerja = []
        for i, (t, s) in enumerate(zip(tugas, baris, strict=False)):
            if hasil_kerja:  # item 9 lists the hasil kerja in task order
                t.hasil_kerja = hasil_kerja[i]["hasil"]
                t.satuan_hasil = hasil_kerja[i]["satuan"]

            def ambil(nama: str, _s=s, _kol=kol) -> str:
                j = _kol.get(nama)
                return _s[j].strip() if j is not None and j < len(_s) else ""

            t.hasil_kerja = t.hasil_kerja or ambil("hasil") or ambil("satuan")
            t.satuan_hasil = t.satuan_hasil or ambil("satuan")
            t.volume, t.waktu = ambil("volume"), ambil("waktu")
            t.satuan_waktu = "menit" if kol.get("menit") else "jam"
    if tugas:
        dok.tugas = tugas
        dok.ditemukan.append("tugas")
