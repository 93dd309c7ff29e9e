from tests.laporan.conftest import antrean, kecil  # noqa: F401  (worker runner, small agency)
