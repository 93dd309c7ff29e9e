"""Progress of the document being rendered, for a background job's progress bar (the job sets
a reporter around its render; the renderers report as they go). Its own module so that the
renderers can import it without importing the package that dispatches to them."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_KEMAJUAN: ContextVar[Callable[[int, int], None] | None] = ContextVar(
    "kemajuan_render", default=None
)
_PERSEN_TERAKHIR: ContextVar[int] = ContextVar("persen_terakhir", default=-1)


@contextmanager
def kemajuan_render(lapor: Callable[[int, int], None]) -> Iterator[None]:
    """Report the renderers' progress to ``lapor(selesai, total)`` inside the block."""
    token, token_persen = _KEMAJUAN.set(lapor), _PERSEN_TERAKHIR.set(-1)
    try:
        yield
    finally:
        _KEMAJUAN.reset(token)
        _PERSEN_TERAKHIR.reset(token_persen)


def lapor_kemajuan(selesai: int, total: int) -> None:
    """Called by a renderer per step; passed on at most once per percent (a job writes its
    progress to the database)."""
    lapor = _KEMAJUAN.get()
    if lapor is None or total <= 0:
        return
    persen = selesai * 100 // total
    if persen != _PERSEN_TERAKHIR.get():
        _PERSEN_TERAKHIR.set(persen)
        lapor(selesai, total)
