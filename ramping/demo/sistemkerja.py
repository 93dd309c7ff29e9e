"""Demo tim kerja for the Cilegon demo's version in force (PermenPAN-RB 7/2022).

Cross-OPD teams as a kota runs them after penyederhanaan (SPBE, stunting, investment
services, …), members from the owner unit, other units (agreed, waiting, declined) and one
from another agency, assignments in every state with their dated history and activities,
and a pola koordinasi between OPD. Bulk inserts, no randomness: the same data on every run.
Dates are relative to `hari_ini`, so "overdue" means the same thing whenever the demo is
loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.sistemkerja.models import (
    AnggotaTim,
    Kegiatan,
    Penugasan,
    RelasiKoordinasi,
    RiwayatPenugasan,
    TimKerja,
)

S = Penugasan.Status
DASAR_KOORDINASI = "Peraturan Wali Kota tentang Pola Koordinasi Administratif (data contoh)"


@dataclass(frozen=True)
class TimR:
    nama: str
    program: str
    pemilik: str  # unit kode; the first one found is used (versions differ a little)
    sendiri: int  # members from the owner unit
    lintas: tuple[tuple[str, int], ...]  # (unit kode, members) from other units
    eksternal: tuple[str, str] | None = None  # (name, agency)
    perlu_ketua: bool = True


TIM = (
    TimR("Tim Percepatan SPBE", "Program Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik",
         "DISKOMINFO.B2", 3, (("BAPPEDA.B3", 1), ("BKPP.B3", 1), ("BPKAD.B1", 1),
                              ("DISDUKCAPIL.B3", 1)),
         ("Rahmat Hidayat, S.Kom.", "Diskominfo Provinsi Banten")),
    TimR("Tim Percepatan Penurunan Stunting", "Program Pemenuhan Upaya Kesehatan Perorangan "
         "dan Masyarakat", "DINKES.B1", 3, (("DP3AKB.B3", 2), ("DINSOS.B3", 1),
                                            ("BAPPEDA.B1", 1), ("DKPP.B1", 1))),
    TimR("Tim Pelayanan Perizinan dan Investasi", "Program Pelayanan Penanaman Modal",
         "DPMPTSP", 3, (("DPUPR.B4", 1), ("DLH.B1", 1), ("DISPERINDAG.B2", 1))),
    TimR("Tim Evaluasi Kelembagaan dan Peta Jabatan", "Program Penataan Organisasi",
         "BKPP.B1", 2, (("BKPP.B3", 1), ("BPKAD.B1", 1), ("INSPEKTORAT.IR1", 1))),
    TimR("Tim Pengelolaan Sampah Terpadu", "Program Pengelolaan Persampahan", "DLH.B3", 3, (),
         perlu_ketua=False),
    TimR("Tim Satu Data Kependudukan", "Program Pendaftaran Penduduk", "DISDUKCAPIL.B3", 2,
         (("DISKOMINFO.B3", 1),)),
)  # fmt: skip

# (judul, target output, volume, satuan, tenggat offset in days, state path, anggaran)
PENUGASAN = {
    0: (("Integrasi layanan administrasi kependudukan ke portal daerah", "Layanan terintegrasi",
         4, "layanan", 45, "berjalan", "APBD 2026, sub kegiatan pengembangan aplikasi"),
        ("Penyusunan arsitektur SPBE Pemerintah Kota", "Dokumen arsitektur SPBE", 1, "dokumen",
         -20, "diterima", "APBD 2026"),
        ("Evaluasi mandiri indeks SPBE", "Laporan evaluasi mandiri", 1, "laporan", -5,
         "diserahkan", "")),
    1: (("Pendataan keluarga berisiko stunting", "Data keluarga berisiko", 8, "kelurahan",
         -10, "berjalan", "DAK nonfisik 2026"),
        ("Audit kasus stunting semester I", "Rekomendasi audit kasus", 2, "laporan", 30,
         "dikembalikan", ""),
        ("Rembuk stunting tingkat kota", "Berita acara rembuk", 1, "kegiatan", 60,
         "direncanakan", "APBD 2026")),
    2: (("Penyederhanaan SOP perizinan berusaha", "SOP perizinan yang diperbarui", 12, "SOP",
         20, "diserahkan", ""),
        ("Forum konsultasi publik investasi", "Laporan forum", 2, "kegiatan", 75,
         "direncanakan", "APBD 2026")),
    3: (("Pemutakhiran peta jabatan setelah penyederhanaan", "Peta jabatan per OPD", 31, "OPD",
         -3, "diterima", ""),
        ("Analisis beban kerja jabatan fungsional", "Rekap ABK", 31, "OPD", 40, "berjalan", "")),
    4: (("Penyusunan jadwal pengangkutan sampah kecamatan", "Jadwal pengangkutan", 8,
         "kecamatan", 15, "direncanakan", ""),),
    5: (("Konsolidasi data penduduk dengan data sektoral", "Data terkonsolidasi", 3, "dataset",
         -15, "diserahkan", ""),),
}  # fmt: skip

# State path: how each demo assignment got to its state, (to, as, note).
JALUR = {
    "direncanakan": [],
    "berjalan": [(S.BERJALAN, "Anggota/pelaksana", "")],
    "diserahkan": [(S.BERJALAN, "Anggota/pelaksana", ""),
                   (S.DISERAHKAN, "Anggota/pelaksana", "Hasil diserahkan kepada Pejabat Level 2.")],
    "diterima": [(S.BERJALAN, "Anggota/pelaksana", ""),
                 (S.DISERAHKAN, "Anggota/pelaksana", "Hasil diserahkan kepada Pejabat Level 2."),
                 (S.DITERIMA, "Pejabat Level 1", "Sesuai target.")],
    "dikembalikan": [(S.BERJALAN, "Anggota/pelaksana", ""),
                     (S.DISERAHKAN, "Anggota/pelaksana", ""),
                     (S.DIKEMBALIKAN, "Pejabat Level 1",
                      "Lengkapi rekomendasi intervensi per kelurahan.")],
}  # fmt: skip

KEGIATAN = ("Pengumpulan data", "Analisis dan penyusunan draf", "Pembahasan dengan unit terkait")

RELASI = (
    ("SETDA", "mengoordinasikan", "BAPPEDA"),
    ("SETDA", "mengoordinasikan", "BKPP"),
    ("SETDA", "mengoordinasikan", "BPKAD"),
    ("SETDA", "mengoordinasikan", "INSPEKTORAT"),
    ("BAPPEDA", "mengoordinasikan", "DINKES"),
    ("BAPPEDA", "mengoordinasikan", "DISKOMINFO"),
    ("DISKOMINFO", "bekerja_sama", "DISDUKCAPIL"),
    ("DINKES", "bekerja_sama", "DP3AKB"),
    ("DINSOS", "dikoordinasikan", "BAPPEDA"),
    ("DPMPTSP", "bekerja_sama", "DPUPR"),
    ("DPMPTSP", "bekerja_sama", "DLH"),
    ("DLH", "bekerja_sama", "DKPP"),
)


def _pada(hari: date, jam: int) -> datetime:
    return timezone.make_aware(datetime.combine(hari, time(jam, 0)))


def _orang(struktur: Struktur) -> dict[str, list[Penempatan]]:
    """JF and pelaksana placed in each unit (by kode), in a fixed order: one query."""
    per_unit: dict[str, list[Penempatan]] = {}
    for p in (
        Penempatan.objects.aktif()
        .filter(
            struktur=struktur,
            jabatan__jenis__in=["fungsional", "pelaksana"],
        )
        .select_related("jabatan__unit")
        .order_by("jabatan__unit__path", "-jabatan__jenis", "jabatan__urutan", "pegawai__nip")
    ):
        per_unit.setdefault(p.jabatan.unit.kode, []).append(p)
    return per_unit


def _di(per_unit: dict[str, list[Penempatan]], kode: str) -> list[Penempatan]:
    """People of a unit and its subunits (kode prefix)."""
    return [
        p for k, daftar in per_unit.items() if k == kode or k.startswith(kode + ".") for p in daftar
    ]


@transaction.atomic
def muat_sistem_kerja(
    instansi: Instansi, struktur: Struktur, *, hari_ini: date | None = None
) -> dict[str, int]:
    """Teams, members, assignments (every state), activities and coordination relations."""
    hari_ini = hari_ini or timezone.localdate()
    units = {u.kode: u for u in UnitKerja.objects.filter(struktur=struktur)}
    per_unit = _orang(struktur)
    mulai = date(hari_ini.year, 1, 2)
    selesai = date(hari_ini.year, 12, 31)
    tim_rows: list[TimKerja] = []
    rencana: list[tuple[TimR, TimKerja]] = []
    for r in TIM:
        unit = units.get(r.pemilik)
        if unit is None or not _di(per_unit, r.pemilik):
            continue
        t = TimKerja(
            instansi=instansi,
            struktur=struktur,
            unit=unit,
            nama=r.nama,
            program=r.program,
            periode_mulai=mulai,
            periode_selesai=selesai,
            perlu_ketua=r.perlu_ketua,
            keterangan="Dibentuk dengan Keputusan Kepala Perangkat Daerah (data contoh).",
        )
        tim_rows.append(t)
        rencana.append((r, t))
    TimKerja.objects.bulk_create(tim_rows)
    anggota: list[AnggotaTim] = []
    dipakai: dict[int, int] = {}  # pegawai → teams so far (spread the work around)
    kini = _pada(mulai, 9)
    for i, (r, t) in enumerate(rencana):
        sendiri = _di(per_unit, r.pemilik)
        ketua_ada = False
        dipilih: set[int] = set()

        def tambah(p: Penempatan, status: str, ketua: bool, jam: int, t=t, dipilih=dipilih) -> None:
            dipilih.add(p.pegawai_id)
            dipakai[p.pegawai_id] = dipakai.get(p.pegawai_id, 0) + 1
            anggota.append(
                AnggotaTim(
                    instansi=instansi,
                    tim=t,
                    pegawai_id=p.pegawai_id,
                    unit_asal=p.jabatan.unit,
                    peran="ketua" if ketua else "anggota",
                    jam_per_tahun=Decimal(jam),
                    status=status,
                    diputuskan_pada=kini if status != "diajukan" else None,
                    catatan_keputusan="Beban kerja unit sedang tinggi."
                    if status == "ditolak"
                    else "",
                )
            )

        calon = sorted(
            sendiri,
            key=lambda p: (
                p.jabatan.jenis != "fungsional",
                dipakai.get(p.pegawai_id, 0),
                p.pegawai.nip,
            ),
        )
        for n, p in enumerate(calon[: r.sendiri]):
            # The Ketua Tim: a JF of the owner unit (default setting ketua_tim_jenis).
            ketua = r.perlu_ketua and not ketua_ada and p.jabatan.jenis == "fungsional"
            ketua_ada = ketua_ada or ketua
            tambah(p, "disetujui", ketua, 400 if ketua else 250 - 25 * n)
        for j, (kode, jumlah) in enumerate(r.lintas):
            lain = [p for p in _di(per_unit, kode) if p.pegawai_id not in dipilih]
            for n, p in enumerate(lain[:jumlah]):
                # Mostly agreed; one team has a request waiting and one declined.
                status = "disetujui"
                if (i + j) % 4 == 1 and n == 0:
                    status = "diajukan"
                elif i == 1 and j == 3:
                    status = "ditolak"
                tambah(p, status, False, 150 + 50 * ((i + j + n) % 3))
        if r.eksternal:
            anggota.append(
                AnggotaTim(
                    instansi=instansi,
                    tim=t,
                    eksternal=True,
                    nama_eksternal=r.eksternal[0],
                    instansi_eksternal=r.eksternal[1],
                    peran="anggota",
                    jam_per_tahun=Decimal(100),
                    status="disetujui",
                    diputuskan_pada=kini,
                    catatan_keputusan="Surat persetujuan instansi asal (data contoh).",
                )
            )
    AnggotaTim.objects.bulk_create(anggota)

    penugasan: list[Penugasan] = []
    jalur: list[str] = []
    for i, (_r, t) in enumerate(rencana):
        for judul, target, volume, satuan, hari, status, anggaran in PENUGASAN.get(i, ()):
            penugasan.append(
                Penugasan(
                    instansi=instansi,
                    struktur=struktur,
                    unit=t.unit,
                    tim=t,
                    judul=judul,
                    target_output=target,
                    volume=Decimal(volume),
                    satuan=satuan,
                    tenggat=hari_ini + timedelta(days=hari),
                    catatan_anggaran=anggaran,
                    status=status,
                    versi=1 + len(JALUR[status]),
                )
            )
            jalur.append(status)
    Penugasan.objects.bulk_create(penugasan)
    riwayat: list[RiwayatPenugasan] = []
    kegiatan: list[Kegiatan] = []
    for n, (p, status) in enumerate(zip(penugasan, jalur, strict=True)):
        awal = hari_ini - timedelta(days=60 - n)
        riwayat.append(
            RiwayatPenugasan(
                instansi=instansi,
                penugasan=p,
                dari="",
                ke=S.DIRENCANAKAN,
                sebagai="Pejabat Level 2",
                pada=_pada(awal, 8),
                catatan="Direncanakan",
            )
        )
        dari = S.DIRENCANAKAN
        for langkah, (ke, sebagai, catatan) in enumerate(JALUR[status], 1):
            riwayat.append(
                RiwayatPenugasan(
                    instansi=instansi,
                    penugasan=p,
                    dari=dari,
                    ke=ke,
                    sebagai=sebagai,
                    catatan=catatan,
                    pada=_pada(awal + timedelta(days=10 * langkah), 10),
                )
            )
            dari = ke
        if status != "direncanakan":
            selesai_semua = status in ("diserahkan", "diterima")
            for k, nama in enumerate(KEGIATAN):
                progres = 100 if selesai_semua else max(0, 100 - 35 * k - 10 * (n % 3))
                kegiatan.append(
                    Kegiatan(
                        instansi=instansi,
                        penugasan=p,
                        nama=nama,
                        progres=progres,
                        pelaksana="Anggota tim",
                    )
                )
    RiwayatPenugasan.objects.bulk_create(riwayat)
    Kegiatan.objects.bulk_create(kegiatan)

    relasi = [
        RelasiKoordinasi(
            instansi=instansi,
            struktur=struktur,
            unit_dari=units[a],
            unit_ke=units[b],
            jenis=jenis,
            dasar_hukum=DASAR_KOORDINASI,
        )
        for a, jenis, b in RELASI
        if a in units and b in units
    ]
    RelasiKoordinasi.objects.bulk_create(relasi)
    return {
        "tim": len(tim_rows),
        "anggota": len(anggota),
        "penugasan": len(penugasan),
        "kegiatan": len(kegiatan),
        "relasi": len(relasi),
    }
