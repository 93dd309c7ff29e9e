"""The kinds of background job, registered by the apps that own the work.

A kind is two functions: `periksa(akses, **parameter) -> Rencana` runs in the request (permission
and validation, raising a `RampingError` with an Indonesian message, before anything is queued)
and `jalankan(akses, parameter, berkas, kemajuan)` runs in the worker inside the agency's scope,
writing the result into the open file `berkas` and reporting `kemajuan(selesai, jumlah, sedang)`.
`ramping.laporan.pekerjaan` registers the document kinds (imported by its AppConfig), so this
package never imports the apps that use it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Kemajuan = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Rencana:
    judul: str
    nama_berkas: str  # the download's file name
    parameter: dict[str, Any] = field(default_factory=dict)  # JSON: what `jalankan` receives


@dataclass(frozen=True)
class JenisPekerjaan:
    kode: str
    periksa: Callable[..., Rencana]
    jalankan: Callable[..., None]


JENIS: dict[str, JenisPekerjaan] = {}


def daftarkan(kode: str, *, periksa: Callable[..., Rencana], jalankan: Callable[..., None]):
    JENIS[kode] = JenisPekerjaan(kode=kode, periksa=periksa, jalankan=jalankan)
