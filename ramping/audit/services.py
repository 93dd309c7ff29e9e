"""The single place where audit entries are written; every service calls it."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from ramping.audit.models import JejakAudit


def _json_value(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (date, datetime, Decimal)):
        return str(value)
    return value


def audit_catat(
    *,
    instansi_id: int,
    pengguna: Any | None,
    aksi: str,
    objek: models.Model | None = None,
    ringkasan: str,
    perubahan: dict[str, Any] | None = None,
) -> JejakAudit:
    """Record one audit entry; `perubahan` values are made JSON-safe here."""
    return JejakAudit.objects.create(
        instansi_id=instansi_id,
        pengguna=pengguna if pengguna is not None and pengguna.is_authenticated else None,
        aksi=aksi,
        objek_tipe=objek._meta.label if objek is not None else "",
        objek_id=objek.pk if objek is not None else None,
        ringkasan=ringkasan[:300],
        perubahan={
            key: [_json_value(v) for v in value] if isinstance(value, tuple) else _json_value(value)
            for key, value in (perubahan or {}).items()
        },
    )


def perubahan_field(obj: models.Model, baru: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The (old, new) pairs of the fields that `baru` would actually change on `obj`."""
    return {
        name: (getattr(obj, name), value)
        for name, value in baru.items()
        if getattr(obj, name) != value
    }
