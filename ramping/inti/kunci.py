"""The one optimistic lock: write a `Berversi` row only if nobody saved it since it was read.

Two people may open the same ANJAB, task or team; the second save must not silently overwrite
the first. Each form and API call carries the `versi` it started from, and the write is a single
conditional UPDATE (no SELECT … FOR UPDATE, no read-then-write race): zero rows updated means
someone else won, and the user is told so (`KonflikPerubahan`).
"""

from typing import Any

from django.db.models import F
from django.utils import timezone

from ramping.errors import KonflikPerubahan, RampingError


def _versi_sah(versi: object) -> bool:
    return isinstance(versi, int) and not isinstance(versi, bool)


def simpan_jika_tetap(
    obj: Any,
    *,
    versi: int,
    oleh: Any,
    syarat: dict[str, Any] | None = None,
    galat: type[RampingError] = KonflikPerubahan,
    **nilai: Any,
) -> None:
    """Write `nilai` to `obj`'s row if it is still at `versi` (and matches `syarat`, e.g. the
    status a transition starts from); bump `versi`, stamp `diubah`/`diubah_oleh`, refresh `obj`.

    `versi` is required and there is no "skip the check" value: a request that lost it (None) is
    refused like a stale one. `galat` is raised when the row moved on (default:
    `KonflikPerubahan`; a state machine may name its own rule instead).
    """
    if not _versi_sah(versi):
        raise KonflikPerubahan()
    model = type(obj)
    # The default manager: inside the caller's agency scope, so a foreign row is never hit.
    baris = model._default_manager.filter(pk=obj.pk, versi=versi, **(syarat or {}))
    if not baris.update(
        versi=F("versi") + 1,
        diubah=timezone.now(),
        diubah_oleh=oleh,
        **nilai,
    ):
        raise galat()
    obj.refresh_from_db()


def hapus_jika_tetap(obj: Any, *, versi: int) -> None:
    """Delete `obj`'s row only if it is still at `versi`."""
    if not _versi_sah(versi):
        raise KonflikPerubahan()
    if not type(obj)._default_manager.filter(pk=obj.pk, versi=versi).delete()[0]:
        raise KonflikPerubahan()
