"""The one rule of which versions a scenario step may change (a leaf module: the services, the
change log and the step trace all import it, and it imports none of them)."""

from ramping.errors import StrukturTidakBisaDiubah
from ramping.organisasi.models import Struktur


def pastikan_draf(struktur: Struktur) -> None:
    """Scenario edits happen only in a draft; a proposal or the version in force is frozen."""
    if struktur.status != Struktur.Status.DRAFT:
        raise StrukturTidakBisaDiubah("Skenario hanya dapat diubah selama berstatus draf.")
