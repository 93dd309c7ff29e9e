"""The demo's penataan round: ANJAB and ABK of every OPD of the version in force, as the seed
agency ran it in 2023, caught mid-way with every state on the board — not started, draft,
late, locked, submitted, returned with notes (some resolved), approved.

Written directly (bulk), like the rest of the demo, in the states the services would leave:
history rows, the submitted and approved snapshots, the verifier's notes. Dates are relative
to `hari_ini`, so "late" means the same whenever the demo is loaded.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from ramping.jabatan.models import Anjab, Jabatan
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.penataan.cuplikan import cuplikan_data
from ramping.penataan.models import (
    Catatan,
    Cuplikan,
    KegiatanPenataan,
    PesertaPenataan,
    RiwayatPengajuan,
)

S = PesertaPenataan.Status
# The state of each OPD, in the order of the version's OPDs (cycled): a board a verifier
# recognises, mostly under way. "terlambat" is a draft whose own deadline has passed.
POLA = (
    "disetujui", "diajukan", "revisi", "draf", "disetujui", "belum", "diajukan", "terlambat",
    "draf", "disetujui", "revisi", "belum", "diajukan", "draf", "dikunci",
)  # fmt: skip
# The operator's OPD of the demo logins: returned with notes, so its to-do page shows them.
STATUS_KHUSUS = {"DINKES": "revisi"}
JALUR = {
    "belum": (),
    "draf": (("mulai", S.BELUM, S.DRAF, ""),),
    "terlambat": (("mulai", S.BELUM, S.DRAF, ""),),
    "dikunci": (("mulai", S.BELUM, S.DRAF, ""),),
    "diajukan": (("mulai", S.BELUM, S.DRAF, ""), ("ajukan", S.DRAF, S.DIAJUKAN, "")),
    "revisi": (
        ("mulai", S.BELUM, S.DRAF, ""),
        ("ajukan", S.DRAF, S.DIAJUKAN, ""),
        ("kembalikan", S.DIAJUKAN, S.REVISI,
         "Ikhtisar dan uraian tugas beberapa jabatan pelaksana belum sesuai; lihat catatan."),
    ),
    "disetujui": (
        ("mulai", S.BELUM, S.DRAF, ""),
        ("ajukan", S.DRAF, S.DIAJUKAN, ""),
        ("setujui", S.DIAJUKAN, S.DISETUJUI, "Sesuai; terima kasih."),
    ),
}  # fmt: skip
CATATAN = (
    ("anjab", "ikhtisar", "Ikhtisar belum menggambarkan hasil kerja jabatan; rumuskan ulang."),
    ("jabatan", "", "Nama jabatan belum sesuai Kepmenpan-RB 11/2024; gunakan nomenklatur baku."),
    ("anjab", "tanggung_jawab", "Tanggung jawab masih menyalin uraian tugas."),
)


# OPDs still at work (or sent back) have gaps the readiness check reports: a few pelaksana
# without ikhtisar and tanggung jawab (ANJ-01), as a real round looks half-way.
CELAH = {"draf", "terlambat", "dikunci", "revisi"}


def _pelaksana_per_opd(struktur: Struktur) -> dict[str, list[Jabatan]]:
    """The version's pelaksana positions by OPD path, in tree order: one query."""
    hasil: dict[str, list[Jabatan]] = {}
    for j in (
        Jabatan.objects.filter(struktur=struktur, jenis="pelaksana")
        .select_related("unit")
        .order_by("unit__path", "urutan", "id")
    ):
        hasil.setdefault(j.unit.path_opd, []).append(j)
    return hasil


def _celah_anjab(pelaksana: dict[str, list[Jabatan]], peserta: list[PesertaPenataan]) -> None:
    ids = [j.pk for p in peserta for j in pelaksana.get(p.opd.path, [])[:2]]
    Anjab.objects.filter(jabatan_id__in=ids).update(ikhtisar="", tanggung_jawab=[])


def _pada(hari: date, jam: int) -> datetime:
    return timezone.make_aware(datetime.combine(hari, time(jam, 0)))


def muat_penataan(
    instansi: Instansi, struktur: Struktur, hari_ini: date | None = None
) -> KegiatanPenataan:
    hari_ini = hari_ini or timezone.localdate()
    dibuka = hari_ini - timedelta(days=30)
    kegiatan = KegiatanPenataan.objects.create(
        instansi=instansi,
        struktur=struktur,
        nama="Penyusunan ANJAB dan ABK Perangkat Daerah Tahun 2023",
        dasar_hukum="Peraturan Menteri PANRB Nomor 1 Tahun 2020 tentang Pedoman Analisis "
        "Jabatan dan Analisis Beban Kerja",
        diminta=["anjab", "abk"],
        tenggat=hari_ini + timedelta(days=10),
        nomor_surat="800/1234/Org (data contoh)",
        tanggal_surat=dibuka,
        perihal="Penyusunan Analisis Jabatan dan Analisis Beban Kerja",
        dibuat=_pada(dibuka, 9),
    )
    opd = list(UnitKerja.objects.filter(struktur=struktur, kedalaman=0).order_by("path"))
    status_opd = {u.kode: STATUS_KHUSUS.get(u.kode, POLA[i % len(POLA)]) for i, u in enumerate(opd)}
    peserta = PesertaPenataan.objects.bulk_create(
        [
            PesertaPenataan(
                instansi=instansi,
                kegiatan=kegiatan,
                opd=u,
                status={"terlambat": S.DRAF, "dikunci": S.DRAF}.get(
                    status_opd[u.kode], status_opd[u.kode]
                ),
                tenggat=hari_ini - timedelta(days=5)
                if status_opd[u.kode] in ("terlambat", "dikunci")
                else None,
                dikunci=status_opd[u.kode] == "dikunci",
                terakhir_aktif=_pada(hari_ini - timedelta(days=i % 9), 10)
                if status_opd[u.kode] != "belum"
                else None,
            )
            for i, u in enumerate(opd)
        ]
    )
    pelaksana = _pelaksana_per_opd(struktur)
    _celah_anjab(pelaksana, [p for p in peserta if status_opd[p.opd.kode] in CELAH])
    riwayat, cuplikan, catatan = [], [], []
    for i, p in enumerate(peserta):
        jalur = JALUR[status_opd[p.opd.kode]]
        for n, (aksi, dari, ke, isi) in enumerate(jalur):
            pada = _pada(dibuka + timedelta(days=3 + 6 * n + i % 4), 9 + n)
            riwayat.append(
                RiwayatPengajuan(
                    instansi=instansi, peserta=p, aksi=aksi, dari=dari, ke=ke, catatan=isi,
                    pada=pada,
                )
            )  # fmt: skip
        if p.status in (S.DIAJUKAN, S.REVISI, S.DISETUJUI):
            data = cuplikan_data(opd=p.opd)
            waktu = {r.aksi: r.pada for r in riwayat if r.peserta is p}
            cuplikan.append(Cuplikan(instansi=instansi, peserta=p, jenis="diajukan", data=data,
                                     dibuat=waktu["ajukan"]))  # fmt: skip
            if p.status == S.DISETUJUI:
                cuplikan.append(Cuplikan(instansi=instansi, peserta=p, jenis="disetujui",
                                         data=data, dibuat=waktu["setujui"]))  # fmt: skip
        if p.status == S.REVISI:
            jabatan = pelaksana.get(p.opd.path, [])[: len(CATATAN)]
            for n, (j, (sasaran, butir, isi)) in enumerate(zip(jabatan, CATATAN, strict=False)):
                catatan.append(
                    Catatan(
                        instansi=instansi,
                        peserta=p,
                        jabatan=j,
                        sasaran=sasaran,
                        butir=butir,
                        isi=isi,
                        # The third note (a position without gaps) is already fixed by the OPD;
                        # the others, on the positions still missing items, are open.
                        dibuat=_pada(hari_ini - timedelta(days=4), 11),
                        selesai_pada=_pada(hari_ini - timedelta(days=1), 14) if n == 2 else None,
                        tanggapan="Tanggung jawab sudah dirumuskan ulang." if n == 2 else "",
                    )
                )
    RiwayatPengajuan.objects.bulk_create(riwayat)
    Cuplikan.objects.bulk_create(cuplikan)
    Catatan.objects.bulk_create(catatan)
    return kegiatan
