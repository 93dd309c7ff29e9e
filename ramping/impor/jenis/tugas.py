"""Import of uraian tugas with their ABK inputs, per position.

The rows of a position are its complete task list: a position whose list in the file
equals the stored one is left alone; otherwise its tasks are replaced and K recomputed by
the ABK service. Re-importing the same file therefore changes nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy

from ramping import aturan
from ramping.errors import TidakBerhak
from ramping.impor import nilai as n
from ramping.impor.berkas import Kolom, Lembar, normal
from ramping.impor.dasar import (
    GalatBaris,
    Pengimpor,
    Pratinjau,
    jabatan_per_unit,
)
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.jabatan.services.massal import tugas_ganti_massal
from ramping.organisasi.models import Struktur

SATUAN = {"jam": "jam", "j": "jam", "menit": "menit", "mnt": "menit", "m": "menit"}
ISI = ("uraian", "tahapan", "hasil_kerja", "satuan_hasil", "volume", "waktu", "satuan_waktu")


@dataclass
class RencanaTugas:
    ganti: dict[int, list[dict]] = field(default_factory=dict)  # jabatan id → new task list
    jabatan: dict[int, Jabatan] = field(default_factory=dict)


class ImporTugas(Pengimpor):
    jenis = "tugas"
    judul = gettext_lazy("Uraian tugas dan ABK")
    KOLOM = (
        Kolom("unit", "Unit Kerja", ("Unit", "Unor"), wajib=True),
        Kolom("jabatan", "Nama Jabatan", ("Jabatan",), wajib=True),
        Kolom("uraian", "Uraian Tugas", ("Tugas", "Uraian", "Tugas Pokok"), wajib=True),
        Kolom("tahapan", "Tahapan", ()),
        Kolom("hasil_kerja", "Hasil Kerja", ("Output",), wajib=True),
        Kolom("satuan_hasil", "Satuan Hasil", ("Satuan",), wajib=True),
        Kolom(
            "volume",
            "Jumlah Hasil",
            ("Volume", "Beban Kerja", "Jumlah Hasil per Tahun"),
            wajib=True,
        ),
        Kolom(
            "waktu",
            "Waktu Penyelesaian",
            ("Norma Waktu", "Waktu", "Waktu Penyelesaian (jam)"),
            wajib=True,
        ),
        Kolom("satuan_waktu", "Satuan Waktu", ()),
    )

    def __init__(self, *, akses, struktur: Struktur):
        super().__init__(akses=akses)
        akses.pastikan_instansi(struktur)
        if not (akses.mengelola_seluruh_instansi or akses.opd_kode):
            raise TidakBerhak("Hanya analis, admin, dan operator OPD yang dapat mengimpor tugas.")
        self.struktur = struktur

    def periksa(self, lembar: Lembar) -> Pratinjau:
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        rencana = pr.rencana = RencanaTugas()
        posisi = jabatan_per_unit(self.struktur)
        izin = penjaga_ubah_jabatan(self.akses, self.struktur)
        baru: dict[int, list[dict]] = defaultdict(list)
        boleh: dict[int, str | None] = {}
        for nomor, cells in lembar.baris:
            galat: list[GalatBaris] = []

            def ambil(nama, f, _c=cells, _n=nomor, _g=galat):
                return self.ambil(lembar, _c, nama, f, _g, _n)

            kunci = (normal(lembar.sel(cells, "unit")), normal(lembar.sel(cells, "jabatan")))
            jabatan = posisi.get(kunci)
            if jabatan is None:
                ganda = kunci in posisi
                pesan = "ada lebih dari satu; tulis kode unit" if ganda else "tidak ditemukan"
                galat.append(
                    GalatBaris(
                        lembar.nama,
                        nomor,
                        "Nama Jabatan",
                        f"jabatan '{n.teks(lembar.sel(cells, 'jabatan'))}' di unit "
                        f"'{n.teks(lembar.sel(cells, 'unit'))}' {pesan}",
                    )
                )
            elif jabatan.pk not in boleh:
                boleh[jabatan.pk] = izin(jabatan)
            if jabatan is not None and boleh.get(jabatan.pk):
                galat.append(GalatBaris(lembar.nama, nomor, "Nama Jabatan", boleh[jabatan.pk]))
            tugas = {
                "uraian": ambil("uraian", lambda v: n.teks(v) or _wajib()),
                "tahapan": n.teks(lembar.sel(cells, "tahapan")),
                "hasil_kerja": ambil("hasil_kerja", lambda v: n.teks(v)[:200] or _wajib()),
                "satuan_hasil": ambil("satuan_hasil", lambda v: n.teks(v)[:60] or _wajib()),
                "volume": ambil("volume", n.angka),
                "waktu": ambil("waktu", n.angka),
                "satuan_waktu": ambil("satuan_waktu", _satuan),
            }
            if None not in (tugas["volume"], tugas["waktu"], tugas["satuan_waktu"]):
                # The rules engine decides validity; its message goes on the column it names.
                try:
                    aturan.Tugas.baru(tugas["volume"], tugas["waktu"], tugas["satuan_waktu"])
                except aturan.TugasTidakValid as exc:
                    galat.append(self.galat_kolom(lembar, nomor, exc.field, exc.pesan))
            if galat or jabatan is None:
                pr.galat += galat
                continue
            baru[jabatan.pk].append(tugas)
            rencana.jabatan[jabatan.pk] = jabatan
        lama: dict[int, list[dict]] = defaultdict(list)
        for t in (
            Tugas.objects.filter(jabatan_id__in=list(baru))
            .order_by("urutan", "id")
            .values("jabatan_id", *ISI)
        ):
            lama[t.pop("jabatan_id")].append(t)
        for jabatan_id, daftar in baru.items():
            nama = f"{rencana.jabatan[jabatan_id].nama} ({rencana.jabatan[jabatan_id].unit.nama})"
            if _sama(lama[jabatan_id], daftar):
                pr.tetap += 1
                continue
            rencana.ganti[jabatan_id] = daftar
            kalimat = f"{nama}: {len(daftar)} tugas"
            (pr.diubah if lama[jabatan_id] else pr.dibuat).append(kalimat)
        return pr

    def terapkan(self, pratinjau: Pratinjau) -> None:
        r: RencanaTugas = pratinjau.rencana
        tugas_ganti_massal(akses=self.akses, struktur=self.struktur, ganti=r.ganti)


def _sama(lama: list[dict], baru: list[dict]) -> bool:
    def kunci(t: dict) -> tuple:
        return tuple(Decimal(t[f]).normalize() if f in ("volume", "waktu") else t[f] for f in ISI)

    return [kunci(t) for t in lama] == [kunci(t) for t in baru]


def _wajib():
    raise n.NilaiTidakValid("wajib diisi")


def _satuan(v) -> str:
    return n.pilihan(v, SATUAN, "satuan waktu") if n.teks(v) else "jam"
