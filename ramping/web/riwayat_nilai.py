"""How a value of a history entry reads on the page: choices by their label, numbers the
Indonesian way, ANJAB lists and tables as items (the items that differ from the other side
marked), long texts shortened behind a "lihat" toggle."""

from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ramping.audit.selectors import Medan
from ramping.web.angka import format_angka, format_tanggal, tulis_angka

TEKS_PENDEK = 160


def _kosong(nilai: Any) -> bool:
    return nilai is None or nilai == "" or nilai == [] or nilai == {}


def _judul(kunci: str) -> str:
    teks = str(kunci).replace("_", " ")
    return teks[:1].upper() + teks[1:]


def _skalar(m: Medan, nilai: Any) -> str:
    f = m.field
    if isinstance(f, models.ForeignKey):
        return m.nama_rujukan.get(nilai, f"#{nilai}")
    if f is not None and f.choices:
        return str(dict(f.flatchoices).get(nilai, nilai))
    if isinstance(nilai, bool):
        return _("Ya") if nilai else _("Tidak")
    if isinstance(f, models.DecimalField):
        try:
            return tulis_angka(Decimal(str(nilai)))
        except InvalidOperation:
            return str(nilai)
    if isinstance(f, models.DateField) and isinstance(nilai, str):
        try:
            return format_tanggal(date.fromisoformat(nilai))
        except ValueError:
            return nilai
    if isinstance(nilai, int):
        return format_angka(nilai)
    return str(nilai)


def _butir_teks(butir: Any) -> str:
    if isinstance(butir, dict):
        return " · ".join(f"{_judul(k)}: {v}" for k, v in butir.items() if v not in ("", None))
    return str(butir)


def _daftar(butir: list[tuple[str, bool]], tanda: str) -> SafeString:
    return format_html(
        '<ul class="riwayat-butir">{}</ul>',
        format_html_join(
            "",
            "<li{}>{}</li>",
            ((format_html(' class="{}"', tanda) if beda else "", teks) for teks, beda in butir),
        ),
    )


def _teks(teks: str, lain: Any = None) -> SafeString:
    if len(teks) <= TEKS_PENDEK and teks.count("\n") < 3:
        return format_html('<span class="riwayat-teks">{}</span>', teks)
    # Two long texts often share their opening: the excerpt starts just before the first
    # difference, so the change is visible without opening "lihat".
    awal = 0
    if isinstance(lain, str) and lain != teks:
        # Characters in common at the start (zip stops at the shorter text: not strict).
        sama = next(
            (i for i, (a, b) in enumerate(zip(teks, lain, strict=False)) if a != b),
            min(len(teks), len(lain)),
        )
        if sama > TEKS_PENDEK // 2:
            awal = teks.rfind(" ", 0, sama - 40) + 1
    pendek = teks[awal : awal + TEKS_PENDEK].rsplit(" ", 1)[0].replace("\n", " ")
    return format_html(
        '<details class="riwayat-panjang"><summary>{}{}… <span class="tautan-kecil">{}</span>'
        '</summary><div class="riwayat-teks">{}</div></details>',
        "…" if awal else "",
        pendek,
        _("lihat"),
        teks,
    )


def tampilkan_nilai(m: Medan, sisi: str) -> SafeString:
    """The "lama" or "baru" side of a field as HTML; items absent from the other side are
    marked (struck out before, highlighted after)."""
    nilai, lain = (m.lama, m.baru) if sisi == "lama" else (m.baru, m.lama)
    ada_lain = m.ada_baru if sisi == "lama" else m.ada_lama
    tanda = "hapus" if sisi == "lama" else "tambah"
    if _kosong(nilai):
        return format_html('<span class="redup">{}</span>', _("(kosong)"))
    if isinstance(nilai, list):
        # A multiset: an item added a second time is marked too.
        sisa = Counter(map(_butir_teks, lain)) if isinstance(lain, list) else Counter()
        butir = []
        for t in map(_butir_teks, nilai):
            beda = ada_lain and sisa[t] == 0
            sisa[t] -= 0 if beda else 1
            butir.append((t, beda))
        return _daftar(butir, tanda)
    if isinstance(nilai, dict):
        lain = lain if isinstance(lain, dict) else {}
        butir = []
        for k, v in nilai.items():
            if _kosong(v) or (isinstance(v, dict) and not any(v.values())):
                continue
            if isinstance(v, list):
                isi = ", ".join(map(str, v))
            elif isinstance(v, dict):
                isi = "; ".join(f"{_judul(a)}: {b}" for a, b in v.items() if b)
            else:
                isi = str(v)
            butir.append((f"{_judul(k)}: {isi}", ada_lain and lain.get(k) != v))
        return (
            _daftar(butir, tanda)
            if butir
            else format_html('<span class="redup">{}</span>', _("(kosong)"))
        )
    return _teks(_skalar(m, nilai), lain if isinstance(lain, str) else None)
