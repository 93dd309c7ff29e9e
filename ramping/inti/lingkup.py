"""Agency scope: the one switch that decides which agency's rows a query may see.

Every tenant model (`MilikInstansi`) has a django-scopes manager on the `instansi` dimension, so
`Model.objects` *refuses to query* unless a scope is active, and filters every query to the
active agency when one is. This fails closed: a forgotten filter is an error in tests, not a
leak in production.

Who opens the scope (each entry point, once):
- web pages: `ramping.web.halaman.halaman_instansi`, for the agency in the URL;
- the JSON API: an operation decorator in `ramping.api.api`, for the token's agency;
- management commands that take `--instansi`, the demo loader, background jobs (the task
  run by `ramping worker`);
- importers run inside the caller's scope (web page or `ramping impor`).

Cross-agency work opens `semua_instansi()` and says why at the call site: the Django admin of
the whole installation, the national data generator, looking up an API token by its digest, and
listing the agencies a user belongs to.
"""

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from django_scopes import ScopeError, get_scope, scope, scopes_disabled

__all__ = [
    "ScopeError",
    "aktifkan_lingkup",
    "konteks_sendiri",
    "lingkup_aktif",
    "lingkup_instansi",
    "semua_instansi",
]


@contextmanager
def lingkup_instansi(instansi_id: int) -> Iterator[None]:
    """Queries on tenant models see only this agency's rows until the block ends."""
    if not isinstance(instansi_id, int):
        # None would mean "no filter" to django-scopes: an all-agency scope must say so by name.
        raise TypeError("lingkup_instansi membutuhkan id instansi (int)")
    with scope(instansi=instansi_id):
        yield


@contextmanager
def semua_instansi() -> Iterator[None]:
    """The documented "all agencies" scope for installation-wide work (see module docstring)."""
    with scopes_disabled():
        yield


def lingkup_aktif() -> int | None:
    """The agency of the active scope, or None (no scope, or the all-agencies scope)."""
    aktif = get_scope()
    if not aktif.get("_enabled", True):
        return None
    return aktif.get("instansi")


def konteks_sendiri(fungsi: Callable[..., Any]) -> Callable[..., Any]:
    """Run `fungsi` in a copy of the current context, so a scope it activates ends with it."""

    @wraps(fungsi)
    def dibungkus(*args: Any, **kwargs: Any) -> Any:
        return contextvars.copy_context().run(fungsi, *args, **kwargs)

    return dibungkus


def aktifkan_lingkup(instansi_id: int) -> None:
    """Open the agency scope for the rest of the current call, where no `with` block can span it.

    The API authenticates inside django-ninja's request handling and the operation runs after
    it; the scope must cover both and the response's serialisation. Only call this inside a
    `konteks_sendiri` function: the copied context is dropped when that function returns.
    """
    lingkup_instansi(instansi_id).__enter__()
