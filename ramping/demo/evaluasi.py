"""Demo evaluasi jabatan: a plausible level per factor that yields each position's kelas.

Levels start at the lowest and rise factor by factor in the order a real evaluation weighs
them (knowledge/scope first, physical conditions last), skipping any step that would leave
the target kelas band; the total and the kelas are then checked by ramping.aturan.
"""

from functools import cache

from ramping import aturan


def _band(kelas: int) -> tuple[int, int]:
    batas = aturan.tabel_kelas()[kelas - 1]
    return batas.batas_bawah, batas.batas_atas if batas.batas_atas is not None else 10**6


@cache
def tingkat_untuk_kelas(jenis: str, kelas: int) -> dict[str, str] | None:
    """Levels per factor whose total falls in the kelas band, or None if none reachable."""
    faktor = aturan.faktor_evaluasi(jenis)
    posisi = {f.kode: 0 for f in faktor}
    bawah, atas = _band(kelas)

    def total() -> int:
        return sum(f.tingkat[posisi[f.kode]].nilai for f in faktor)

    # Physical demands and environment (fungsional F8, F9) only rise when nothing else can.
    for boleh in ({"F8", "F9"}, set()):
        _naikkan(faktor, posisi, total, bawah, atas, kecuali=boleh)
    if not bawah <= total() <= atas:
        return None
    tingkat = {f.kode: f.tingkat[posisi[f.kode]].kode for f in faktor}
    assert aturan.kelas_jabatan(aturan.nilai_jabatan(jenis, tingkat)) == kelas
    return tingkat


def _naikkan(faktor, posisi, total, bawah: int, atas: int, *, kecuali: set[str]) -> None:
    """Raise factors one level per round, in order, while staying inside the band."""
    naik = True
    while total() < bawah and naik:
        naik = False
        for f in faktor:
            if f.kode in kecuali:
                continue
            if posisi[f.kode] + 1 >= len(f.tingkat):
                continue
            selisih = f.tingkat[posisi[f.kode] + 1].nilai - f.tingkat[posisi[f.kode]].nilai
            if total() + selisih > atas:
                continue
            posisi[f.kode] += 1
            naik = True
            if total() >= bawah:
                break


def alasan_demo(nama_jabatan: str, tingkat: dict[str, str]) -> dict[str, str]:
    return {
        kode: f"Berdasarkan uraian tugas {nama_jabatan} dan informasi faktor jabatan, "
        f"dipilih tingkat {level}."
        for kode, level in tingkat.items()
    }
