"""Import of the informasi jabatan Word documents (.docx, one file or a ZIP of many).

Each document (PermenPAN-RB 1/2020 layout or the older 33/2011 one, `impor.docx.baca`) is
matched to a position of the version: by its name (and, where the name is not unique, the unit
chain written in item 3), else — never silently — the closest positions are offered as
"maksud Anda …?" and the user confirms a pair (`pasangan`: file name → position id; CLI
`--pasangan`). The preview says per file what was found and what was not, how many tasks the
position has before and after (a task table replaces the task list) and K before → after.
Applying writes every document or none (one transaction), through `anjab_ubah` (validated,
audited, per position) and `tugas_ganti_massal` (set-based K recompute, one audit row per
position).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy

from ramping import aturan
from ramping.aturan.pencarian import peringkat
from ramping.errors import RampingError, TidakBerhak
from ramping.impor.berkas import Lembar, normal
from ramping.impor.dasar import GalatBaris, Pengimpor, Pratinjau
from ramping.impor.docx.arsip import BerkasDocx, pisah_berkas
from ramping.impor.docx.baca import BUTIR, DokumenAnjab, DokumenRusak, angka, baca_dokumen
from ramping.jabatan.models import Anjab, Jabatan, Tugas
from ramping.jabatan.services import anjab_ubah
from ramping.jabatan.services.anjab import bersihkan_anjab
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.jabatan.services.massal import tugas_ganti_massal
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi

SKOR_KANDIDAT = 70.0
FIELD_TUGAS = (
    "uraian",
    "hasil_kerja",
    "satuan_hasil",
    "volume",
    "waktu",
    "satuan_waktu",
)  # positions below this are not offered as "maksud Anda"


@dataclass
class RencanaDocx:
    anjab: list[tuple[Jabatan, dict]] = field(default_factory=list)
    tugas: dict[int, list[dict]] = field(default_factory=dict)


def _batas(nama: str) -> tuple[Decimal, int]:
    """Largest value and decimals a Tugas field stores (read from the model, so a change of
    precision there is followed here): a value beyond them is an error, never rounded."""
    f = Tugas._meta.get_field(nama)
    return Decimal(10) ** (f.max_digits - f.decimal_places), f.decimal_places


class ImporAnjabDocx(Pengimpor):
    jenis = "anjab-docx"
    judul = gettext_lazy("Dokumen ANJAB (Word .docx)")
    KOLOM = ()

    def __init__(self, *, akses, struktur: Struktur, pasangan: dict[str, int] | None = None):
        super().__init__(akses=akses)
        akses.pastikan_instansi(struktur)
        if not (akses.mengelola_seluruh_instansi or akses.opd_kode):
            raise TidakBerhak("Hanya analis, admin, dan operator OPD yang dapat mengimpor ANJAB.")
        self.struktur = struktur
        self.pasangan = pasangan or {}

    def baca(self, data: bytes) -> Lembar:
        berkas = pisah_berkas(data, "dokumen.docx")
        # The upload as the import machinery sees it: one "row" per document, no columns.
        return Lembar(
            nama="dokumen",
            kolom={},
            judul_kolom={},
            baris=[(i, [b]) for i, b in enumerate(berkas, 1)],
        )

    # -- matching ------------------------------------------------------------------------------

    def _posisi(self) -> tuple[list[Jabatan], dict[int, list[str]]]:
        units = {u.pk: u for u in UnitKerja.objects.filter(struktur=self.struktur)}
        rantai: dict[int, list[str]] = {}
        for uid, u in units.items():
            nama, x = [], u
            while x is not None:
                nama.append(normal(x.nama))
                x = units.get(x.induk_id) if x.induk_id else None
            rantai[uid] = nama
        jabatan = list(
            Jabatan.objects.filter(struktur=self.struktur).select_related("unit", "struktur")
        )
        return jabatan, rantai

    def _cocokkan(self, dok: DokumenAnjab, jabatan, rantai) -> tuple[Jabatan | None, str]:
        if dok.nama_berkas in self.pasangan:
            pk = self.pasangan[dok.nama_berkas]
            j = next((j for j in jabatan if j.pk == pk), None)
            return j, "" if j else f"jabatan ID {pk} tidak ada pada versi ini"
        if not dok.nama:
            return None, "nama jabatan (butir 1) tidak ditemukan di dokumen"
        sama = [j for j in jabatan if normal(j.nama) == normal(dok.nama)]
        if dok.kode and len(sama) > 1:
            sama = [j for j in sama if j.kode == dok.kode] or sama
        if len(sama) > 1 and dok.unit:
            unit_dok = {normal(u) for u in dok.unit}
            sama = [j for j in sama if unit_dok & set(rantai[j.unit_id])] or sama
        if len(sama) == 1:
            return sama[0], ""
        if len(sama) > 1:
            daftar = "; ".join(f"{j.nama} — {j.unit.nama} (ID {j.pk})" for j in sama[:5])
            return None, f"nama “{dok.nama}” dipakai {len(sama)} jabatan; pilih pasangan: {daftar}"
        teks = f"{dok.nama} {dok.unit[-2] if len(dok.unit) > 1 else ''}"
        kunci = [f"{j.nama} {j.unit.nama}" for j in jabatan]
        calon = peringkat(
            teks, [aturan.normalkan(k) for k in kunci], batas=3, skor_minimal=SKOR_KANDIDAT
        )
        peta = {aturan.normalkan(k): j for k, j in zip(kunci, jabatan, strict=True)}
        if not calon:
            return None, f"jabatan “{dok.nama}” tidak ditemukan pada versi ini"
        daftar = "; ".join(
            f"{peta[c.kunci].nama} — {peta[c.kunci].unit.nama} (ID {peta[c.kunci].pk}, skor "
            f"{c.skor:.0f})"
            for c in calon
        )
        return None, (
            f"jabatan “{dok.nama}” tidak ditemukan tepat. Maksud Anda: {daftar}? Bila benar, "
            f"isi pasangan {dok.nama_berkas}={peta[calon[0].kunci].pk}"
        )

    # -- checking ------------------------------------------------------------------------------

    def periksa(self, lembar: Lembar) -> Pratinjau:
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        pr.rencana = RencanaDocx()
        jabatan, rantai = self._posisi()
        izin = penjaga_ubah_jabatan(self.akses, self.struktur)
        anjab = {a.jabatan_id: a for a in Anjab.objects.filter(jabatan__struktur=self.struktur)}
        lama = {}
        for t in Tugas.objects.filter(jabatan__struktur=self.struktur).order_by("urutan", "pk"):
            lama.setdefault(t.jabatan_id, []).append(t)
        pengaturan = pengaturan_instansi(instansi_id=self.struktur.instansi_id)
        dipakai: dict[int, str] = {}
        for _nomor, (berkas,) in lembar.baris:
            galat = self._satu(berkas, jabatan, rantai, izin, anjab, lama, pengaturan, dipakai, pr)
            pr.galat += galat
        return pr

    def _satu(self, berkas: BerkasDocx, jabatan, rantai, izin, anjab, lama, pengaturan,
              dipakai, pr) -> list[GalatBaris]:  # fmt: skip
        nama = berkas.nama

        def g(butir: str, pesan: str, baris: int = 0) -> GalatBaris:
            return GalatBaris(nama, baris, butir, pesan)

        try:
            dok = baca_dokumen(berkas.data, nama)
        except DokumenRusak:
            return [g("", "dokumen Word rusak atau tidak dapat dibaca; buka dan simpan ulang "
                          "di Word sebagai .docx")]  # fmt: skip
        galat = [g(b, p) for b, p in dok.masalah]
        j, pesan = self._cocokkan(dok, jabatan, rantai)
        if j is None:
            return [*galat, g(BUTIR["nama"], pesan)]
        if j.pk in dipakai:
            return [*galat, g(BUTIR["nama"], f"{j.nama} juga diisi oleh {dipakai[j.pk]}")]
        dipakai[j.pk] = nama
        if alasan := izin(j):
            return [*galat, g(BUTIR["nama"], f"{j.nama}: {alasan}")]
        try:
            isian = bersihkan_anjab(dok.isian)
        except RampingError as e:
            galat.append(g(BUTIR.get(e.field or "", e.field or ""), e.pesan))
            isian = {}
        tugas, galat_tugas = self._tugas(dok, g)
        galat += galat_tugas
        if galat:
            return galat
        ada = anjab.get(j.pk)
        beda = {f: v for f, v in isian.items() if ada is None or getattr(ada, f) != v}
        if beda:
            rencana: RencanaDocx = pr.rencana
            rencana.anjab.append((j, beda))
        ringkas = [f"{len(dok.ditemukan)} butir terbaca"]
        if kurang := [BUTIR[k] for k in dok.tidak_ditemukan if k in BUTIR]:
            ringkas.append("tidak ditemukan: " + ", ".join(kurang))
        if dok.tata_letak == "2011":
            ringkas.append("format PermenPAN-RB 33/2011")
        tugas_lama = lama.get(j.pk, [])
        if tugas is not None:
            sekarang = [self._kunci({f: getattr(t, f) for f in FIELD_TUGAS}) for t in tugas_lama]
            if [self._kunci(t) for t in tugas] != sekarang:
                pr.rencana.tugas[j.pk] = tugas
                k_baru = aturan.kebutuhan_pegawai(
                    [aturan.Tugas.baru(volume=t["volume"], waktu=t["waktu"],
                                       satuan=t["satuan_waktu"]) for t in tugas],
                    pengaturan=pengaturan,
                )  # fmt: skip
                k_lama = "–" if j.kebutuhan_desimal is None else j.kebutuhan_desimal
                k_baru = aturan.bulatkan_kebutuhan_desimal(k_baru)
                ringkas.append(
                    f"tugas {len(tugas_lama)} → {len(tugas)} (daftar tugas diganti), "
                    f"K {k_lama} → {k_baru}"
                )
        elif dok.tugas:
            beda_abk = len(tugas_lama) != len(dok.tugas)
            ringkas.append(
                f"{len(dok.tugas)} uraian tugas tanpa jumlah hasil dan waktu: tugas ABK tidak "
                "diubah" + (f" (ABK berisi {len(tugas_lama)} tugas)" if beda_abk else "")
            )
        if dok.kelas and j.kelas and dok.kelas != j.kelas:
            ringkas.append(f"kelas di dokumen {dok.kelas}, di ramping {j.kelas} (tidak diubah)")
        baris = f"{nama} → {j.nama} ({j.unit.nama}): " + "; ".join(ringkas)
        if beda or j.pk in pr.rencana.tugas:
            (pr.diubah if ada or tugas_lama else pr.dibuat).append(baris)
        else:
            pr.tetap += 1
        return []

    @staticmethod
    def _kunci(t: dict) -> tuple:
        return (t["uraian"], t["hasil_kerja"], t["satuan_hasil"], Decimal(t["volume"]),
                Decimal(t["waktu"]), t["satuan_waktu"])  # fmt: skip

    def _tugas(self, dok: DokumenAnjab, g) -> tuple[list[dict] | None, list[GalatBaris]]:
        """The task list to write, None when the document has no volume/time (ANJAB only)."""
        if not dok.tugas:
            return None, []
        berabk = [bool(t.volume.strip() or t.waktu.strip()) for t in dok.tugas]
        if not any(berabk):
            return None, []
        butir = BUTIR["tugas"]
        galat = []
        satuan_hasil = {
            normal(h["hasil"]): h["satuan"] for h in dok.isian.get("hasil_kerja", []) if h["satuan"]
        }
        maks_v, des_v = _batas("volume")
        maks_w, des_w = _batas("waktu")
        hasil = []
        for i, t in enumerate(dok.tugas, 1):
            salah = len(galat)
            if not berabk[i - 1]:
                galat.append(g(butir, "jumlah hasil dan waktu penyelesaian kosong: jumlah tugas "
                                      "ANJAB dan ABK harus sama", i))  # fmt: skip
                continue
            nilai = {}
            for kolom, teks, maks, des in (
                ("jumlah hasil", t.volume, maks_v, des_v),
                ("waktu penyelesaian", t.waktu, maks_w, des_w),
            ):
                try:
                    x = angka(teks)
                except ValueError as e:
                    galat.append(g(butir, f"{kolom}: {e}", i))
                    continue
                if x >= maks or x != x.quantize(Decimal(1).scaleb(-des)):
                    galat.append(g(butir, f"{kolom} {teks} di luar batas yang dapat disimpan", i))
                    continue
                nilai[kolom] = x
            satuan = t.satuan_hasil or satuan_hasil.get(normal(t.hasil_kerja), "")
            for kolom, teks, panjang in (
                ("hasil kerja", t.hasil_kerja, 200),
                ("satuan hasil", satuan, 60),
            ):
                if not teks:
                    galat.append(g(butir, f"{kolom} kosong (isi di tabel tugas atau butir hasil "
                                          "kerja)", i))  # fmt: skip
                elif len(teks) > panjang:
                    galat.append(g(butir, f"{kolom} lebih dari {panjang} karakter", i))
            for teks in (t.uraian, t.tahapan, t.hasil_kerja, satuan):
                try:
                    aturan.periksa_teks(teks)
                except aturan.AturanError as e:
                    galat.append(g(butir, e.pesan, i))
            if len(galat) == salah:
                hasil.append(
                    {
                        "uraian": t.uraian,
                        "tahapan": t.tahapan,
                        "hasil_kerja": t.hasil_kerja,
                        "satuan_hasil": satuan,
                        "volume": nilai["jumlah hasil"],
                        "waktu": nilai["waktu penyelesaian"],
                        "satuan_waktu": t.satuan_waktu,
                    }
                )
        return hasil, galat

    # -- writing -------------------------------------------------------------------------------

    def terapkan(self, pratinjau: Pratinjau) -> None:
        r: RencanaDocx = pratinjau.rencana
        versi = dict(
            Anjab.objects.filter(jabatan__struktur=self.struktur).values_list("jabatan_id", "versi")
        )
        for jabatan, beda in r.anjab:
            anjab_ubah(akses=self.akses, jabatan=jabatan, versi=versi.get(jabatan.pk, 0), **beda)
        if r.tugas:
            tugas_ganti_massal(
                akses=self.akses, struktur=self.struktur, ganti=r.tugas, aksi="impor_anjab_docx"
            )
