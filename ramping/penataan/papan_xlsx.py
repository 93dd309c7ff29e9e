"""The progress board as a spreadsheet: the same rows the page shows (reads split from
rendering: `papan()` reads, this only lays out, `laporan.renderers` writes the file)."""

from datetime import date

from ramping.aturan.tampil import tanggal
from ramping.laporan.dokumen import BULAT, TANGGAL, TEKS, WAKTU, Dokumen, Identitas, Kolom, Tabel
from ramping.laporan.dokumen import Baris as BarisDok
from ramping.laporan.renderers import render
from ramping.penataan.models import Bagian
from ramping.penataan.selectors import Papan


def papan_xlsx(
    p: Papan, *, instansi: str, hari_ini: date, identitas: Identitas | None = None
) -> bytes:
    k = p.kegiatan
    kolom = [
        Kolom("Perangkat daerah", TEKS, 40),
        Kolom("Status", TEKS, 14),
        *[Kolom(f"{Bagian(b).label} (%)", BULAT, 12) for b in k.diminta],
        Kolom("Temuan galat", BULAT, 10),
        Kolom("Peringatan", BULAT, 10),
        Kolom("Catatan terbuka", BULAT, 10),
        Kolom("Batas waktu", TANGGAL, 12),
        Kolom("Sisa hari", BULAT, 9),
        Kolom("Aktivitas terakhir", WAKTU, 18),
        Kolom("Analis", TEKS, 20),
    ]
    tabel = Tabel(kolom=tuple(kolom), nama_lembar="Kemajuan")
    for b in p.baris:
        ps = b.peserta
        status = ps.get_status_display() + (" (terlambat)" if b.terlambat else "")
        tabel.baris.append(
            BarisDok(
                (
                    ps.opd.nama,
                    status,
                    *[b.kelengkapan[x] for x in k.diminta],
                    b.galat,
                    b.peringatan,
                    b.catatan_terbuka,
                    ps.batas(),
                    b.sisa_hari,
                    ps.terakhir_aktif,
                    (ps.analis.get_full_name() or ps.analis.username) if ps.analis else "",
                )
            )
        )
    dokumen = Dokumen(
        judul=f"Kemajuan {k.nama}",
        kop=(instansi, k.struktur.nama, f"Keadaan {tanggal(hari_ini)}"),
        blok=[tabel],
        identitas=identitas,
    )
    return render(dokumen, "xlsx")
