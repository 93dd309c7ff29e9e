"""One exporter class per report; `LAPORAN` maps the kode used by URLs and the CLI."""

from ramping.laporan.exporters.abk import RekapAbk
from ramping.laporan.exporters.anjab import InformasiJabatan
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.exporters.evaluasi import BeritaAcara, EvaluasiJabatan
from ramping.laporan.exporters.kebutuhan import Kebutuhan5Tahun
from ramping.laporan.exporters.lampiran import LampiranPetaJabatan, LampiranPolaKoordinasi
from ramping.laporan.exporters.peta_jabatan import PetaJabatan

LAPORAN: dict[str, type[Exporter]] = {
    e.kode: e
    for e in (
        PetaJabatan,
        InformasiJabatan,
        RekapAbk,
        EvaluasiJabatan,
        BeritaAcara,
        Kebutuhan5Tahun,
        LampiranPetaJabatan,
        LampiranPolaKoordinasi,
    )
}

__all__ = [
    "LAPORAN",
    "BeritaAcara",
    "EvaluasiJabatan",
    "Exporter",
    "InformasiJabatan",
    "Kebutuhan5Tahun",
    "LampiranPetaJabatan",
    "LampiranPolaKoordinasi",
    "PetaJabatan",
    "RekapAbk",
]
