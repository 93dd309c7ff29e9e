"""Write a demo plan into the database with bulk inserts (one transaction per agency)."""

import random
from collections import Counter
from collections.abc import Callable
from datetime import date

from django.db import transaction

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.services import audit_catat
from ramping.demo.evaluasi import alasan_demo, tingkat_untuk_kelas
from ramping.demo.kementerian import rencana_kementerian
from ramping.demo.orang import TMT_2023, TMT_PENYETARAAN, OrangR, buat_orang
from ramping.demo.penataan import muat_penataan
from ramping.demo.penyederhanaan import muat_penyetaraan
from ramping.demo.rencana import Rencana, rencana_2021
from ramping.demo.sesudah import Hasil, turunkan_2023
from ramping.demo.sistemkerja import muat_sistem_kerja
from ramping.demo.tugas import anjab_demo, tugas_demo
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.jabatan.services import abk_hitung_ulang
from ramping.jabatan.services.evaluasi import kelompok_faktor
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.pegawai.models import Pegawai, Penempatan

UKURAN_BATCH = 2000
DEMO_PASSWORD = "ramping-demo"
DEMO_PENGGUNA = (
    ("admin", Peran.ADMIN_INSTANSI, "", "Admin", "Instansi"),
    ("analis", Peran.ANALIS, "", "Analis", "Organisasi"),
    ("operator", Peran.OPERATOR, "DINKES", "Operator", "Dinas Kesehatan"),
    ("pimpinan", Peran.PIMPINAN, "", "Pimpinan", "Daerah"),
)


def _units(
    instansi: Instansi, struktur: Struktur, rencana: Rencana, asal: dict[str, int] | None
) -> dict[str, UnitKerja]:
    """Insert the tree level by level so each child can point at its parent's id."""
    anak: Counter[str | None] = Counter()
    dibuat: dict[str, UnitKerja] = {}
    per_kedalaman: dict[int, list[UnitKerja]] = {}
    for u in rencana.units:
        induk = dibuat[u.induk] if u.induk else None
        anak[u.induk] += 1
        unit = UnitKerja(
            instansi=instansi,
            struktur=struktur,
            induk=induk,
            path=(induk.path if induk else "") + UnitKerja.segmen(anak[u.induk]),
            kedalaman=induk.kedalaman + 1 if induk else 0,
            urutan=anak[u.induk],
            kode=u.kode,
            nama=u.nama,
            singkatan=u.singkatan,
            jenis=u.jenis,
            eselon=u.eselon,
            tugas=u.tugas,
            fungsi=u.fungsi,
            otoritas_legalisasi=u.otoritas_legalisasi,
            kewilayahan=u.kewilayahan,
            kepala_satker=u.kepala_satker,
            upt_pelayanan=u.upt_pelayanan,
            asal_id=asal.get(u.kode) if asal else None,
        )
        dibuat[u.kode] = unit
        per_kedalaman.setdefault(unit.kedalaman, []).append(unit)
    for kedalaman in sorted(per_kedalaman):
        for unit in per_kedalaman[kedalaman]:
            unit.induk_id = unit.induk.pk if unit.induk else None
        UnitKerja.objects.bulk_create(per_kedalaman[kedalaman], batch_size=UKURAN_BATCH)
    return dibuat


def _jabatan(
    instansi: Instansi,
    struktur: Struktur,
    rencana: Rencana,
    units: dict[str, UnitKerja],
    asal: list[Jabatan] | None,
) -> list[Jabatan]:
    urutan: Counter[str] = Counter()
    rows = []
    for j in rencana.jabatan:
        urutan[j.unit] += 1
        rows.append(
            Jabatan(
                instansi=instansi,
                struktur=struktur,
                unit=units[j.unit],
                nama=j.nama,
                jenis=j.jenis,
                nama_jf=j.nama_jf,
                jenjang=j.jenjang,
                kode=f"{j.unit}.J{urutan[j.unit]:02d}",
                kelas=j.kelas,
                is_kepala=j.is_kepala,
                urutan=urutan[j.unit],
                asal=asal[j.asal] if asal is not None and j.asal is not None else None,
            )
        )
    return Jabatan.objects.bulk_create(rows, batch_size=UKURAN_BATCH)


def _tugas_dan_anjab(
    instansi: Instansi,
    struktur: Struktur,
    rencana: Rencana,
    jabatan: list[Jabatan],
    seed: int,
    anjab: bool,
) -> None:
    """Tasks for every position (K then comes from the ABK service) and, if asked, ANJAB."""
    rng = random.Random(seed)
    units = {u.kode: u for u in rencana.units}
    tugas_rows, anjab_rows = [], []
    for rj, j in zip(rencana.jabatan, jabatan, strict=True):
        daftar = tugas_demo(rj, rng)
        tugas_rows += [
            Tugas(instansi=instansi, jabatan=j, urutan=i, **t) for i, t in enumerate(daftar, 1)
        ]
        if anjab:
            unit = units[rj.unit]
            anjab_rows.append(
                Anjab(instansi=instansi, jabatan=j, **anjab_demo(rj, unit.nama, daftar))
            )
    Tugas.objects.bulk_create(tugas_rows, batch_size=UKURAN_BATCH)
    Anjab.objects.bulk_create(anjab_rows, batch_size=UKURAN_BATCH)
    abk_hitung_ulang(akses=Akses.sistem(instansi), struktur=struktur)


def _evaluasi(instansi: Instansi, jabatan: list[Jabatan]) -> None:
    """A fixed evaluation for every position whose kelas the factor tables can reach."""
    rows = []
    for j in jabatan:
        jenis = kelompok_faktor(j)
        tingkat = tingkat_untuk_kelas(jenis, j.kelas)
        if tingkat is None:
            continue
        rows.append(
            EvaluasiJabatan(
                instansi=instansi,
                jabatan=j,
                jenis=jenis,
                tingkat=tingkat,
                alasan=alasan_demo(j.nama, tingkat),
                nilai=aturan.nilai_jabatan(jenis, tingkat),
                kelas=j.kelas,
                status=EvaluasiJabatan.Status.DITETAPKAN,
                tanggal=date(2023, 6, 15),
                tim_evaluator="Tim Evaluasi Jabatan Pemerintah Kota (data contoh)",
            )
        )
    EvaluasiJabatan.objects.bulk_create(rows, batch_size=UKURAN_BATCH)


def _pegawai(instansi: Instansi, orang: list[OrangR]) -> list[Pegawai]:
    rows = [
        Pegawai(
            instansi=instansi,
            nip=o.nip,
            nama=o.nama,
            gelar_depan=o.gelar_depan,
            gelar_belakang=o.gelar_belakang,
            jenis_kelamin=o.jenis_kelamin,
            tanggal_lahir=o.tanggal_lahir,
            status_asn=o.status_asn,
            tmt_pengangkatan=o.tmt_pengangkatan,
            golongan=o.golongan,
            pendidikan=o.pendidikan,
        )
        for o in orang
    ]
    return Pegawai.objects.bulk_create(rows, batch_size=UKURAN_BATCH)


def _penempatan(
    instansi: Instansi,
    sebelum: Struktur | None,
    sesudah: Struktur,
    orang: list[OrangR],
    pegawai: list[Pegawai],
    jab_2021: list[Jabatan],
    jab_2023: list[Jabatan],
    hasil: Hasil,
) -> None:
    lama: list[Penempatan] = []
    baru: list[tuple[OrangR, Penempatan]] = []
    for o, p in zip(orang, pegawai, strict=True):
        if sebelum is not None and o.jabatan_2021 is not None:
            lama.append(
                Penempatan(
                    instansi=instansi,
                    struktur=sebelum,
                    pegawai=p,
                    jabatan=jab_2021[o.jabatan_2021],
                    tmt_mulai=o.tmt_jabatan,
                )
            )
        if o.jabatan_2023 is not None:
            if o.jabatan_2021 in hasil.disetarakan:
                tmt, sk = TMT_PENYETARAAN, "800/Kep.xxx-BKPP/2021 (contoh)"
            elif o.status_asn == "PPPK":
                tmt, sk = o.tmt_pengangkatan, ""
            else:
                tmt, sk = o.tmt_jabatan, ""
            baru.append(
                (
                    o,
                    Penempatan(
                        instansi=instansi,
                        struktur=sesudah,
                        pegawai=p,
                        jabatan=jab_2023[o.jabatan_2023],
                        tmt_mulai=tmt,
                        nomor_sk=sk,
                    ),
                )
            )
    lama = Penempatan.objects.bulk_create(lama, batch_size=UKURAN_BATCH)
    if sebelum is not None:
        # A person who keeps or changes seat carries the 2021 placement as the copy origin.
        asal = {p.pegawai_id: p for p in lama}
        for _o, p in baru:
            p.asal = asal.get(p.pegawai.pk)
    Penempatan.objects.bulk_create([p for _o, p in baru], batch_size=UKURAN_BATCH)


@transaction.atomic
def muat_instansi(
    *,
    nama: str,
    kode: str,
    jenis: str = "kota",
    seed: int = 2021,
    riwayat: bool = True,
    kemajuan: Callable[[str], None] | None = None,
    bentuk: str = "kota",
) -> Instansi:
    """Create one agency with its 2021 (arsip) and 2023 (berlaku) structures and people.

    `riwayat=False` skips the 2021 version (the scale generator's national size).
    `bentuk="kementerian"` builds a ministry (`demo.kementerian`) instead of the city.
    """
    lapor = kemajuan or (lambda _teks: None)
    pusat = bentuk == "kementerian"
    rencana = rencana_kementerian(seed) if pusat else rencana_2021(seed)
    hasil = turunkan_2023(rencana)
    orang = buat_orang(hasil, rencana.jabatan, seed)
    instansi = Instansi.objects.create(nama=nama, kode=kode, jenis=jenis)
    # Everything below belongs to the new agency: its scope (ramping.inti.lingkup).
    with lingkup_instansi(instansi.pk):
        sebelum = None
        jab_2021: list[Jabatan] = []
        asal_unit = None
        if riwayat:
            sebelum = Struktur.objects.create(
                instansi=instansi,
                nama="SOTK 2021 — sebelum penyederhanaan",
                dasar_hukum_nomor="Permen Nomor 10 Tahun 2016 tentang Organisasi dan Tata Kerja "
                "(data contoh)"
                if pusat
                else "Perda Kota Cilegon Nomor 3 Tahun 2016 (data contoh)",
                status=Struktur.Status.ARSIP,
                berlaku_mulai=date(2017, 1, 2),
            )
            unit_2021 = _units(instansi, sebelum, rencana, None)
            jab_2021 = _jabatan(instansi, sebelum, rencana, unit_2021, None)
            _tugas_dan_anjab(instansi, sebelum, rencana, jab_2021, seed, anjab=False)
            asal_unit = {k: u.pk for k, u in unit_2021.items()}
            lapor("struktur 2021")
        sesudah = Struktur.objects.create(
            instansi=instansi,
            nama="SOTK 2023 — setelah penyederhanaan",
            dasar_hukum_nomor="Permen Nomor 5 Tahun 2022 tentang Organisasi dan Tata Kerja "
            "(data contoh)"
            if pusat
            else "Perda Kota Cilegon Nomor 1 Tahun 2022; Perwal Nomor 9 Tahun 2023 "
            "tentang Peta Jabatan (data contoh)",
            status=Struktur.Status.BERLAKU,
            berlaku_mulai=TMT_2023,
            turunan_dari=sebelum,
        )
        unit_2023 = _units(instansi, sesudah, hasil.rencana, asal_unit)
        jab_2023 = _jabatan(
            instansi, sesudah, hasil.rencana, unit_2023, jab_2021 if riwayat else None
        )
        _tugas_dan_anjab(instansi, sesudah, hasil.rencana, jab_2023, seed + 1, anjab=True)
        _evaluasi(instansi, jab_2023)
        lapor("struktur 2023")
        pegawai = _pegawai(instansi, orang)
        _penempatan(instansi, sebelum, sesudah, orang, pegawai, jab_2021, jab_2023, hasil)
        lapor("pegawai")
        if sebelum is not None:
            # The register of the officials converted on 31 December 2021 (PermenPAN-RB 17/2021).
            muat_penyetaraan(instansi, sebelum, sesudah)
        muat_sistem_kerja(instansi, sesudah)  # teams, assignments and coordination (7/2022)
        if riwayat:  # the city demo, not the scale generator's national size
            muat_penataan(instansi, sesudah)  # the ANJAB/ABK round across every OPD
        audit_catat(
            instansi_id=instansi.pk,
            pengguna=None,
            aksi="demo_muat",
            objek=instansi,
            ringkasan=f"Data contoh {nama} dimuat",
            perubahan={
                "unit": len(rencana.units) + len(hasil.rencana.units),
                "jabatan": len(jab_2021) + len(jab_2023),
                "pegawai": len(pegawai),
            },
        )
    return instansi


def buat_pengguna_demo(instansi: Instansi) -> None:
    """The four demo logins, one per role. `admin` is the agency's admin, not the
    installation's: no Django admin (which spans every agency); `ramping createsuperuser`
    makes the installation's superuser."""
    for username, peran, opd, depan, belakang in DEMO_PENGGUNA:
        pengguna = Pengguna(username=username, first_name=depan, last_name=belakang)
        pengguna.set_password(DEMO_PASSWORD)
        pengguna.save()
        with lingkup_instansi(instansi.pk):
            Keanggotaan.objects.create(
                instansi=instansi, pengguna=pengguna, peran=peran, opd_kode=opd
            )
