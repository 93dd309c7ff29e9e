"""Frozen copies of an OPD's work: what it submitted, and what was approved.

A snapshot is plain JSON (format version 1), read in a constant number of queries whatever the
OPD's size, so later edits to the live tables never change what the verifier read or what the
round approved. `pohon_dari_cuplikan` turns one back into the position tree the pages and the
reports draw (`ramping.jabatan.selectors.SimpulUnit`), so a Perwal appendix prints the approved
result with the same code that prints the live one.
"""

from decimal import Decimal
from typing import Any

from django.utils import timezone

from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.jabatan.selectors import FIELD_BARIS, BarisJabatan, SimpulUnit, hitung_rekap_pohon
from ramping.jabatan.services.anjab import FIELD_ANJAB
from ramping.organisasi.models import UnitKerja
from ramping.pegawai.models import Penempatan

FORMAT = 1
FIELD_UNIT = ("id", "induk_id", "path", "kedalaman", "kode", "nama", "jenis", "eselon")
FIELD_TUGAS = (
    "id", "jabatan_id", "urutan", "uraian", "tahapan", "hasil_kerja", "satuan_hasil", "volume",
    "waktu", "satuan_waktu",
)  # fmt: skip
FIELD_EVALUASI = ("jenis", "tingkat", "nilai", "kelas", "status")


def _json(nilai: Any) -> Any:
    """Decimals as strings, so the stored JSON keeps them exact."""
    if isinstance(nilai, Decimal):
        return str(nilai)
    return nilai


def cuplikan_data(*, opd: UnitKerja) -> dict[str, Any]:
    """Everything of one OPD that a round asks for, in seven queries."""
    units = UnitKerja.objects.filter(struktur_id=opd.struktur_id, path__startswith=opd.path)
    jabatan = Jabatan.objects.filter(
        struktur_id=opd.struktur_id, unit__path__startswith=opd.path
    ).order_by("unit__path", "-is_kepala", "urutan", "id")
    ids = list(jabatan.values_list("id", flat=True))
    b = Penempatan.objects.bezetting(struktur_id=opd.struktur_id)
    tugas = Tugas.objects.filter(jabatan_id__in=ids).order_by("jabatan_id", "urutan", "id")
    return {
        "format": FORMAT,
        "dibuat": timezone.now().isoformat(),
        "opd": {"id": opd.pk, "kode": opd.kode, "nama": opd.nama},
        "unit": [
            dict(zip(FIELD_UNIT, r, strict=True))
            for r in units.order_by("path").values_list(*FIELD_UNIT)
        ],
        "jabatan": [
            {**{k: _json(v) for k, v in zip(FIELD_BARIS, r, strict=True)}, "b": b.get(r[0], 0)}
            for r in jabatan.values_list(*FIELD_BARIS)
        ],
        "tugas": [
            {k: _json(v) for k, v in zip(FIELD_TUGAS, r, strict=True)}
            for r in tugas.values_list(*FIELD_TUGAS)
        ],
        "anjab": {
            str(r["jabatan_id"]): {k: r[k] for k in FIELD_ANJAB}
            for r in Anjab.objects.filter(jabatan_id__in=ids).values("jabatan_id", *FIELD_ANJAB)
        },
        "evaluasi": {
            str(r["jabatan_id"]): {k: r[k] for k in FIELD_EVALUASI}
            for r in EvaluasiJabatan.objects.filter(jabatan_id__in=ids).values(
                "jabatan_id", *FIELD_EVALUASI
            )
        },
    }


def _desimal(nilai: str | None) -> Decimal | None:
    return None if nilai is None else Decimal(nilai)


def pohon_dari_cuplikan(data: dict[str, Any]) -> list[SimpulUnit]:
    """The snapshot as the position tree with B and subtotals (no query)."""
    simpul: dict[int, SimpulUnit] = {}
    akar: list[SimpulUnit] = []
    for u in data["unit"]:
        node = simpul[u["id"]] = SimpulUnit(unit=UnitKerja(**u))
        induk = simpul.get(u["induk_id"]) if u["induk_id"] else None
        (induk.anak if induk is not None else akar).append(node)
    for j in data["jabatan"]:
        baris = BarisJabatan(
            **{
                **j,
                "beban_kerja_jam": _desimal(j["beban_kerja_jam"]),
                "kebutuhan_desimal": _desimal(j["kebutuhan_desimal"]),
            }
        )
        simpul[baris.unit_id].jabatan.append(baris)
    hitung_rekap_pohon(akar)
    return akar
