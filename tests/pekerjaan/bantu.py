"""Run queued tasks through django-tasks-db's real worker loop, in the test's process.

The worker class is the one `ramping worker` runs; only `close_old_connections` is neutralised:
inside the test's transaction it would close the connection (Django's test client disconnects it
from its signals for the same reason).
"""

import pytest
from django_tasks_db.management.commands import db_worker


def jalankan_antrean(*, maks: int | None = None, worker_id: str = "uji") -> None:
    """Run queued tasks until the queue is empty (or `maks` tasks ran), then return."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=maks,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def antrean(monkeypatch, settings, tmp_path):
    """Private storage in the test's folder, and the worker runner."""
    settings.RAMPING_PENYIMPANAN = tmp_path / "penyimpanan"
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return jalankan_antrean
