"""Template context shared by every page: the agency header and the role-aware navigation."""

from functools import lru_cache

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def navigasi(request: HttpRequest) -> dict:
    halaman = getattr(request, "halaman", None)
    if halaman is None:
        return {}
    # A version picked explicitly travels with the navigation, so the user stays in it.
    versi = request.GET.get("versi", "")
    akhiran = f"?versi={versi}" if versi.isdigit() else ""
    akses = halaman.akses
    menu = _menu(
        halaman.instansi.kode,
        akhiran,
        halaman.boleh_menempatkan,
        akses.mengelola_seluruh_instansi,
        akses.peran == "admin_instansi",
        get_language(),
        get_script_prefix(),
    )
    return {
        "halaman": halaman,
        "menu": menu,
        "versi_param": akhiran,
        # Counted with the user's agencies when the page opened (no query of its own).
        "notifikasi_belum_dibaca": halaman.instansi.belum_dibaca,
    }


@lru_cache(maxsize=1024)
def _menu(
    kode: str,
    akhiran: str,
    boleh_menempatkan: bool,
    seluruh_instansi: bool,
    admin_instansi: bool,
    bahasa: str | None,
    awalan: str,
) -> tuple[tuple[str, str, str], ...]:
    """The menu of one agency for one kind of reader: the same for every page, so its URLs
    are reversed once per process, not on every request (issue #15: ≈ 1 ms of each page).
    `bahasa` and `awalan` (script prefix) are part of the key because labels and URLs use them."""
    menu = [
        ("dasbor", _("Dasbor"), "web:dasbor"),
        ("struktur", _("Versi struktur"), "web:struktur_daftar"),
        ("pohon", _("Pohon unit"), "web:pohon"),
        ("bagan", _("Bagan organisasi"), "web:bagan"),
        ("peta", _("Peta jabatan"), "web:peta"),
        ("pegawai", _("Pegawai"), "web:pegawai_daftar"),
    ]
    if boleh_menempatkan:
        menu.append(("penempatan", _("Penempatan baru"), "web:penempatan_buat"))
    menu.append(("penyederhanaan", _("Penyederhanaan"), "penyederhanaan:beranda"))
    menu.append(("nomenklatur", _("Nomenklatur jabatan"), "nomenklatur:meja"))
    menu.append(("sistemkerja", _("Sistem kerja"), "sistemkerja:dasbor"))
    menu.append(("penataan", _("Penataan"), "penataan:daftar"))
    menu.append(("laporan", _("Laporan dan dokumen"), "laporan:indeks"))
    # Imports write data: analysts and admins (pegawai, tugas) and operators (tugas of their OPD).
    if boleh_menempatkan:
        menu.append(("impor", _("Impor data"), "impor:daftar"))
    # The letterhead and officials of the official documents: agency-wide roles only.
    if seluruh_instansi:
        menu.append(("pengaturan_kop", _("Kop dokumen"), "web:pengaturan_kop"))
        menu.append(("pengaturan_aturan", _("Pengaturan ABK"), "web:pengaturan_aturan"))
        menu.append(("kelas_instansi", _("Kelas jabatan instansi"), "web:kelas_instansi_daftar"))
    # The agency's people: its admin only (services check again).
    if admin_instansi:
        menu.append(("pengguna", _("Pengguna"), "web:pengguna_daftar"))
    return tuple((k, label, reverse(nama, args=[kode]) + akhiran) for k, label, nama in menu)
