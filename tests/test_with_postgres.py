"""The PostgreSQL pass of `make test` never silently disappears on CI."""

import importlib.util
from pathlib import Path

import pytest

SKRIP = Path(__file__).resolve().parent.parent / "scripts" / "with_postgres.py"


@pytest.fixture
def with_postgres():
    spec = importlib.util.spec_from_file_location("with_postgres", SKRIP)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


@pytest.mark.parametrize(("ci", "kode"), [("true", 1), ("", 0)])
def test_tanpa_binari_postgresql_gagal_di_ci_dan_dilewati_di_luar_ci(
    with_postgres, monkeypatch, capsys, ci, kode
):
    monkeypatch.setattr(with_postgres, "bindir", lambda: None)
    monkeypatch.setenv("CI", ci)
    assert with_postgres.main(["true"]) == kode
    assert "PostgreSQL" in capsys.readouterr().err
