"""Exports of the workbench as neutral documents (rendered by ramping.laporan.renderers)."""

from ramping.laporan.dokumen import (
    BULAT,
    DESIMAL,
    SELISIH,
    Baris,
    Dokumen,
    Judul,
    Kolom,
    Tabel,
    Teks,
)
from ramping.penyederhanaan.perbandingan import STATUS_UNIT, Perbandingan
from ramping.penyederhanaan.ringkasan import (
    LABEL_STATUS,
    label_perubahan,
    metrik_baris,
    per_opd,
    sorotan,
)

LABEL_STATUS_UNIT = {
    "dihapus": "Dihapus",
    "baru": "Baru",
    "kelompok_jf": "Kelompok JF baru",
    "berganti_nama": "Berganti nama",
    "berubah": "Berubah lainnya",
    "tetap": "Tetap",
}


def dokumen_perbandingan(b: Perbandingan, instansi: str, *, rinci_jabatan: bool = True) -> Dokumen:
    """The comparison as a document: a titled summary with the cost on the first page, the
    change counts, the metrics, the change per OPD, then the changed units (and, in the XLSX,
    every changed position). Every table follows its own heading."""
    dok = Dokumen(
        judul="Perbandingan versi struktur",
        kop=(instansi, f"{b.lama.nama}  →  {b.baru.nama}"),
        mendatar=True,
        kaki="Kriteria PermenPAN-RB 25/2021; tunjangan dari tabel tunjangan instansi",
    )
    dok.blok.append(Judul("Ringkasan perubahan"))
    utama = Tabel(
        (
            Kolom("Angka utama", lebar=44),
            Kolom("Sebelum", DESIMAL, lebar=16, desimal=0),
            Kolom("Sesudah", DESIMAL, lebar=16, desimal=0),
            Kolom("Selisih", SELISIH, lebar=14),
        ),
        nama_lembar="Ringkasan",
        kolom_nama=0,
    )
    daftar = sorotan(b)
    # The cost first after the units: what the leader is asked to sign for.
    daftar.sort(key=lambda s: (not s.rupiah, 0))
    for s in daftar:
        utama.baris.append(Baris((s.label, s.lama, s.baru, s.selisih)))
    utama.baris.append(
        Baris(("Pegawai menduduki jabatan lain (pindah + disetarakan)", None, b.orang_pindah, None))
    )
    dok.blok.append(utama)
    dok.blok.append(
        Teks(
            f"{b.orang_pindah} pegawai menduduki jabatan lain: {len(b.pindah)} pindah jabatan "
            f"dan {len(b.disetarakan)} pejabat disetarakan ke jabatan fungsional "
            "(PermenPAN-RB 17/2021)."
        )
    )
    dok.blok.append(Judul("Unit kerja dan jabatan yang berubah"))
    ringkas = Tabel(
        (
            Kolom("Kelompok", lebar=30),
            *(Kolom(LABEL_STATUS_UNIT[s], BULAT) for s in STATUS_UNIT),
        ),
        nama_lembar="Jumlah perubahan",
        kolom_nama=0,
    )
    hu = b.hitung_unit()
    ringkas.baris.append(Baris(("Unit kerja", *(hu[s] for s in STATUS_UNIT))))
    hj = b.hitung("jabatan")
    ringkas.baris.append(
        Baris(("Jabatan", hj["dihapus"], hj["baru"], None, None, hj["berubah"], hj["tetap"]))
    )
    dok.blok.append(ringkas)
    dok.blok.append(Judul("Metrik struktur"))
    # Whole numbers travel as int (printed "8", not "8,0"); only a median can be fractional.
    metrik = Tabel(
        (
            Kolom("Metrik", lebar=44),
            Kolom("Sebelum", DESIMAL, lebar=16, desimal=1),
            Kolom("Sesudah", DESIMAL, lebar=16, desimal=1),
            Kolom("Selisih", SELISIH, lebar=14),
        ),
        nama_lembar="Metrik",
        kolom_nama=0,
    )
    metrik.baris = [
        Baris((n, a, z, z - a if isinstance(a, int) and isinstance(z, int) else None))
        for n, a, z in metrik_baris(b)
    ]
    dok.blok.append(metrik)
    dok.blok.append(Judul("Perubahan per perangkat daerah"))
    opd = Tabel(
        (
            Kolom("Perangkat daerah", lebar=40),
            Kolom("Unit sebelum", BULAT, grup="Unit kerja"),
            Kolom("Unit sesudah", BULAT, grup="Unit kerja"),
            Kolom("Struktural sebelum", BULAT, grup="Administrator + pengawas"),
            Kolom("Struktural sesudah", BULAT, grup="Administrator + pengawas"),
            Kolom("Fungsional sebelum", BULAT, grup="Jabatan fungsional"),
            Kolom("Fungsional sesudah", BULAT, grup="Jabatan fungsional"),
            Kolom("Jabatan dihapus", BULAT),
            Kolom("Pegawai pindah", BULAT),
        ),
        nama_lembar="Per OPD",
        kolom_nama=0,
    )
    for o in per_opd(b):
        opd.baris.append(
            Baris(
                (
                    o.nama,
                    o.unit_lama,
                    o.unit_baru,
                    o.struktural_lama,
                    o.struktural_baru,
                    o.fungsional_lama,
                    o.fungsional_baru,
                    o.jabatan_dihapus,
                    o.pindah,
                )
            )
        )
    dok.blok.append(opd)
    for jenis, judul, nama in (("unit", "Unit kerja", "Unit"), ("jabatan", "Jabatan", "Jabatan")):
        if jenis == "jabatan" and not rinci_jabatan:
            dok.blok.append(Judul("Jabatan baru, berubah dan dihapus"))
            dok.blok.append(
                Teks(
                    f"{hj['baru']} jabatan baru, {hj['berubah']} berubah dan {hj['dihapus']} "
                    "dihapus; daftar lengkapnya ada pada unduhan XLSX perbandingan ini."
                )
            )
            continue
        dok.blok.append(Judul(f"{judul} baru, berubah dan dihapus"))
        t = Tabel(
            (
                Kolom("Status", lebar=10),
                Kolom("Sebelum", lebar=40),
                Kolom("Sesudah", lebar=40),
                Kolom("Perubahan", lebar=30),
            ),
            nama_lembar=nama,
        )
        for p in getattr(b, jenis):
            if p.status != "tetap":
                t.baris.append(
                    Baris(
                        (
                            LABEL_STATUS[p.status],
                            p.lama.nama if p.lama else "",
                            p.baru.nama if p.baru else "",
                            label_perubahan(p),
                        )
                    )
                )
        if not t.baris:
            dok.blok.append(Teks("Tidak ada."))
        else:
            dok.blok.append(t)
    return dok


def dokumen_register(baris, instansi: str, usulan: bool) -> Dokumen:
    judul = "Daftar usulan penyetaraan jabatan" if usulan else "Register penyetaraan jabatan"
    dok = Dokumen(
        judul=judul,
        kop=(instansi, "PermenPAN-RB 17/2021"),
        mendatar=True,
        kaki="Tabel tunjangan: lihat dasar hukum tabel instansi",
    )
    kolom = [
        Kolom("No", BULAT, lebar=5),
        Kolom("Nama", lebar=28),
        Kolom("NIP", lebar=20),
        Kolom("Jabatan lama", lebar=30),
        Kolom("Eselon", lebar=7),
        Kolom("Kelas lama", BULAT, lebar=6),
        Kolom("JF tujuan", lebar=28),
        Kolom("Kelas JF", BULAT, lebar=6),
        Kolom("Pendidikan", lebar=9),
        Kolom("Syarat", lebar=8),
        Kolom("Hasil pemeriksaan", lebar=18),
    ]
    if not usulan:
        kolom += [
            Kolom("Tahap", lebar=12),
            Kolom("Nomor SK", lebar=26),
            Kolom("Penghasilan lama", BULAT, lebar=14),
            Kolom("Penghasilan baru", BULAT, lebar=14),
            Kolom("Dijamin", BULAT, lebar=12),
        ]
    t = Tabel(tuple(kolom), nama_lembar="Usulan" if usulan else "Register")
    for i, r in enumerate(baris, 1):
        p, cek = r.p, r.cek
        sel = [
            i,
            p.pegawai.nama_lengkap,
            p.pegawai.nip,
            f"{p.nama_jabatan_lama} — {p.unit_lama}",
            p.eselon_lama,
            p.kelas_lama,
            f"{p.nama_jf} {p.get_jenjang_display()}",
            p.kelas_baru,
            p.pegawai.pendidikan,
            cek.syarat or "",
            cek.hasil.status.replace("_", " ") if cek.hasil else "",
        ]
        if not usulan:
            ph = cek.penghasilan
            sel += [
                p.get_status_display(),
                p.nomor_sk,
                ph.lama if ph else None,
                ph.baru if ph else None,
                ph.dijamin if ph else None,
            ]
        t.baris.append(Baris(tuple(sel)))
    dok.blok.append(t)
    return dok
