"""ANJAB tab: the 17 items of the informasi jabatan (PermenPAN-RB 1/2020), saved through
`anjab_ubah` with the version the user opened.

Items 1–3, 6 and 17 are read from the position (item 3 with the atasan langsung, and item 12
opens with the korelasi rows the structure gives, as the printed ANJAB does); the others come
from one form whose lists and
tables are rows the user adds and removes (static/web/jabatan.js). On a conflict or a rule
error the form is shown again with what the user typed.
"""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ramping.akun.akses import Akses
from ramping.jabatan.hubungan import hubungan_jabatan, sekitar_jabatan
from ramping.jabatan.selectors import RingkasanJabatan, anjab_isian, tugas_jabatan
from ramping.jabatan.services import anjab_ubah
from ramping.jabatan.services.anjab import DAFTAR_TEKS, SYARAT_DAFTAR, SYARAT_FISIK, TABEL, TEKS
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.views.jabatan_bersama import buka, tampilkan, url_tab, versi_kiriman

# Column labels of the table items (items 7–9, 12–14), in the order of services.anjab.TABEL.
LABEL_KOLOM = {
    "hasil": _("Hasil kerja"),
    "satuan": _("Satuan hasil"),
    "bahan": _("Bahan kerja"),
    "perangkat": _("Perangkat kerja"),
    "penggunaan": _("Penggunaan dalam tugas"),
    "jabatan": _("Jabatan"),
    "unit": _("Unit kerja/instansi"),
    "dalam_hal": _("Dalam hal"),
    "aspek": _("Aspek"),
    "faktor": _("Faktor"),
    "risiko": _("Nama risiko"),
    "penyebab": _("Penyebab"),
}
BUTIR_TABEL = (
    (7, "hasil_kerja", _("Hasil kerja")),
    (8, "bahan_kerja", _("Bahan kerja")),
    (9, "perangkat_kerja", _("Perangkat kerja")),
)
BUTIR_TABEL_2 = (
    (12, "korelasi_jabatan", _("Korelasi jabatan")),
    (13, "kondisi_lingkungan", _("Kondisi lingkungan kerja")),
    (14, "risiko_bahaya", _("Risiko bahaya")),
)
SYARAT_LABEL = {
    "keterampilan": _("a. Keterampilan kerja"),
    "bakat": _("b. Bakat kerja"),
    "temperamen": _("c. Temperamen kerja"),
    "minat": _("d. Minat kerja"),
    "upaya_fisik": _("e. Upaya fisik"),
    "fungsi_pekerjaan": _("g. Fungsi pekerjaan"),
}
FISIK_LABEL = {
    "jenis_kelamin": _("Jenis kelamin"),
    "umur": _("Umur"),
    "tinggi_badan": _("Tinggi badan"),
    "berat_badan": _("Berat badan"),
    "postur_badan": _("Postur badan"),
    "penampilan": _("Penampilan"),
    "keadaan_fisik": _("Keadaan fisik"),
}


def baca_isian(post: QueryDict) -> dict:
    """The submitted form in the shape `anjab_ubah` takes (table rows are parallel lists)."""
    nilai: dict = {f: post.get(f, "") for f in TEKS}
    for f in DAFTAR_TEKS:
        nilai[f] = post.getlist(f)
    for f, kolom in TABEL.items():
        isi = [post.getlist(f"{f}.{k}") for k in kolom]
        n = max(len(c) for c in isi)
        nilai[f] = [
            {k: c[i] if i < len(c) else "" for k, c in zip(kolom, isi, strict=True)}
            for i in range(n)
        ]
    syarat: dict = {k: post.getlist(f"syarat.{k}") for k in SYARAT_DAFTAR}
    syarat["kondisi_fisik"] = {k: post.get(f"fisik.{k}", "") for k in SYARAT_FISIK}
    nilai["syarat_jabatan"] = syarat
    return nilai


def _tabel(nama: str, baris: list[dict], boleh_ubah: bool) -> dict:
    kolom = [(k, str(LABEL_KOLOM[k])) for k in TABEL[nama]]
    if boleh_ubah and not baris:
        baris = [{}]  # one empty row to type into; empty rows are not saved
    return {
        "kolom": kolom,
        "baris": [[(k, label, b.get(k, "")) for k, label in kolom] for b in baris],
    }


def _daftar(isi: list[str], boleh_ubah: bool) -> list[str]:
    return isi or ([""] if boleh_ubah else [])


def konteks(
    r: RingkasanJabatan, akses: Akses, *, isian: dict | None = None, galat: dict | None = None
) -> dict:
    if isian is None:
        isian = anjab_isian(jabatan=r.jabatan)
    ubah = r.boleh_ubah
    # Atasan langsung and the korelasi rows the document prints from the structure: the same
    # function as the ANJAB DOCX/PDF (ramping.jabatan.hubungan), so page and paper agree.
    sekitar = sekitar_jabatan(
        akses=akses, struktur=r.jabatan.struktur, unit_paths={r.jabatan.unit.path}
    )
    hubungan = hubungan_jabatan(sekitar, r.jabatan.pk)
    syarat = isian.get("syarat_jabatan") or {}
    fisik = syarat.get("kondisi_fisik") or {}
    return {
        "isian": isian,
        "hubungan": hubungan,
        "galat": galat or {},
        "rantai_unit": r.rantai_unit(),
        "daftar_tugas": tugas_jabatan(jabatan=r.jabatan, pengaturan=r.pengaturan),
        "daftar": {f: _daftar(isian.get(f, []), ubah) for f in DAFTAR_TEKS},
        # Labels as plain text in the request's language: the page keeps this context in its
        # fragment cache (keyed by language), and a lazy label costs ≈ 0.15 ms to unpickle.
        "tabel_1": [(no, f, str(j), _tabel(f, isian.get(f, []), ubah)) for no, f, j in BUTIR_TABEL],
        "tabel_2": [
            (no, f, str(j), _tabel(f, isian.get(f, []), ubah)) for no, f, j in BUTIR_TABEL_2
        ],
        "syarat_daftar": [
            (k, str(label), _daftar(syarat.get(k, []), ubah)) for k, label in SYARAT_LABEL.items()
        ],
        "syarat_fisik": [(k, str(label), fisik.get(k, "")) for k, label in FISIK_LABEL.items()],
    }


@require_POST
@halaman_instansi
def simpan(request, jabatan_id: int):
    r = buka(request, jabatan_id)
    isian = baca_isian(request.POST)
    with layanan() as hasil:
        anjab_ubah(
            akses=request.halaman.akses,
            jabatan=r.jabatan,
            versi=versi_kiriman(request),
            **isian,
        )
    if hasil.berhasil:
        messages.success(request, gettext("ANJAB disimpan."))
        return redirect(url_tab(request, jabatan_id, "anjab"))
    isian["versi"] = request.POST.get("versi", "")
    # The template shows each item's error under it (every wrong item at once); a conflict or
    # a general one on top ("_").
    galat = hasil.per_medan()
    return tampilkan(
        request, r, "anjab", konteks(r, request.halaman.akses, isian=isian, galat=galat)
    )
