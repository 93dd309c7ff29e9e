"""Exports of the workbench as neutral documents (rendered by ramping.laporan.renderers)."""

from decimal import Decimal

from ramping.laporan.dokumen import BULAT, DESIMAL, Baris, Dokumen, Judul, Kolom, Tabel, Teks
from ramping.penyederhanaan.perbandingan import STATUS, Perbandingan

LABEL_STATUS = {"baru": "Baru", "berubah": "Berubah", "dihapus": "Dihapus", "tetap": "Tetap"}


def metrik_baris(b: Perbandingan) -> list[tuple[str, object, object]]:
    ml, mb = b.metrik_lama, b.metrik_baru
    baris = [("Jumlah unit", ml.unit, mb.unit)]
    for e in sorted(set(ml.struktural) | set(mb.struktural)):
        baris.append(
            (f"Jabatan struktural eselon {e}", ml.struktural.get(e, 0), mb.struktural.get(e, 0))
        )
    baris += [
        ("Lapisan di bawah kepala OPD (maks.)", ml.lapisan_maks, mb.lapisan_maks),
        ("Rentang kendali minimum", ml.rentang[0], mb.rentang[0]),
        ("Rentang kendali median", Decimal(str(ml.rentang[1])), Decimal(str(mb.rentang[1]))),
        ("Rentang kendali maksimum", ml.rentang[2], mb.rentang[2]),
        (f"Rentang sempit (< {b.target[0]})", ml.sempit, mb.sempit),
        (f"Rentang lebar (> {b.target[1]})", ml.lebar, mb.lebar),
    ]
    for j in sorted(set(ml.jenis) | set(mb.jenis)):
        baris.append((f"Jabatan {j.replace('_', ' ')}", ml.jenis.get(j, 0), mb.jenis.get(j, 0)))
    baris += [
        ("Beban kerja (jam/tahun)", ml.beban_jam, mb.beban_jam),
        ("Pegawai (B)", ml.b, mb.b),
        ("Kebutuhan (K)", ml.k, mb.k),
        ("Biaya tunjangan + TPP per bulan (Rp)", ml.biaya, mb.biaya),
    ]
    return baris


def dokumen_perbandingan(b: Perbandingan, instansi: str) -> Dokumen:
    dok = Dokumen(
        judul="Perbandingan versi struktur",
        kop=(instansi, f"{b.lama.nama}  →  {b.baru.nama}"),
        mendatar=True,
        kaki="Kriteria PermenPAN-RB 25/2021; tunjangan dari tabel tunjangan instansi",
    )
    dok.blok.append(Judul("Ringkasan"))
    ringkas = Tabel(
        (Kolom("Kelompok", lebar=30), *(Kolom(LABEL_STATUS[s], BULAT) for s in STATUS)),
        nama_lembar="Ringkasan",
    )
    for jenis, label in (("unit", "Unit kerja"), ("jabatan", "Jabatan")):
        h = b.hitung(jenis)
        ringkas.baris.append(Baris((label, *(h[s] for s in STATUS))))
    ringkas.baris.append(Baris(("Pegawai berpindah jabatan", len(b.pindah), None, None, None)))
    dok.blok.append(ringkas)
    dok.blok.append(Judul("Metrik struktur"))
    metrik = Tabel(
        (
            Kolom("Metrik", lebar=40),
            Kolom("Sebelum", DESIMAL, desimal=1),
            Kolom("Sesudah", DESIMAL, desimal=1),
        ),
        nama_lembar="Metrik",
    )
    metrik.baris = [Baris((n, Decimal(str(a)), Decimal(str(z)))) for n, a, z in metrik_baris(b)]
    dok.blok.append(metrik)
    for jenis, judul, nama in (("unit", "Unit kerja", "Unit"), ("jabatan", "Jabatan", "Jabatan")):
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
                            ", ".join(p.perubahan),
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
