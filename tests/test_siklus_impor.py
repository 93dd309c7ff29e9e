"""No import cycle inside `ramping`, counting imports inside functions too.

A function-level import that dodges a cycle still ties the two modules together (and breaks
when someone moves it to the top); the shared piece belongs in a module both import, as
`web/views/jabatan_bersama.py` and `penyederhanaan/tunjangan.py` are.
"""

import ast
from pathlib import Path

import ramping

AKAR = Path(ramping.__file__).parent

# Cycles known and accepted, each with why; a fixed one must leave this list.
SIKLUS_DIIZINKAN: set[frozenset[str]] = set()  # none: a new cycle needs a reason written here


def _modul() -> dict[str, tuple[Path, bool]]:
    hasil = {}
    for berkas in AKAR.rglob("*.py"):
        if "migrations" in berkas.parts:
            continue
        bagian = ["ramping", *berkas.relative_to(AKAR).with_suffix("").parts]
        paket = berkas.name == "__init__.py"
        if paket:
            bagian = bagian[:-1]
        hasil[".".join(bagian)] = (berkas, paket)
    return hasil


def graf_impor() -> dict[str, set[str]]:
    """module → the `ramping` modules it imports anywhere in its body."""
    modul = _modul()
    graf: dict[str, set[str]] = {}
    for nama, (berkas, paket) in modul.items():
        tujuan: set[str] = set()
        for simpul in ast.walk(ast.parse(berkas.read_text(), str(berkas))):
            if isinstance(simpul, ast.Import):
                tujuan.update(a.name for a in simpul.names)
            elif isinstance(simpul, ast.ImportFrom):
                if simpul.level:
                    dasar = nama.split(".") if paket else nama.split(".")[:-1]
                    dasar = dasar[: len(dasar) - (simpul.level - 1)]
                    asal = ".".join([*dasar, *([simpul.module] if simpul.module else [])])
                else:
                    asal = simpul.module or ""
                for a in simpul.names:
                    # `from paket import modul` imports the submodule itself
                    tujuan.add(f"{asal}.{a.name}" if f"{asal}.{a.name}" in modul else asal)
        graf[nama] = {t for t in tujuan if t in modul and t != nama}
    return graf


def siklus(graf: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    di_tumpukan: set[str] = set()
    hasil: list[frozenset[str]] = []

    def kunjungi(v: str) -> None:
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        di_tumpukan.add(v)
        for w in sorted(graf[v]):
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in di_tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = set()
            while True:
                w = tumpukan.pop()
                di_tumpukan.discard(w)
                komponen.add(w)
                if w == v:
                    break
            if len(komponen) > 1:
                hasil.append(frozenset(komponen))

    for v in sorted(graf):
        if v not in indeks:
            kunjungi(v)
    return hasil


def _tulis(komponen: frozenset[str], graf: dict[str, set[str]]) -> str:
    sisi = [f"  {a} -> {b}" for a in sorted(komponen) for b in sorted(graf[a] & komponen)]
    return "\n".join(sisi)


def test_graf_melihat_impor_di_dalam_fungsi():
    graf = graf_impor()
    # renderers/__init__.py imports its renderers inside `render`
    assert "ramping.laporan.renderers.pdf" in graf["ramping.laporan.renderers"]
    assert "ramping.web.galat" in graf["ramping.web.views.unit_ubah"]


def test_tidak_ada_siklus_impor_kecuali_yang_diizinkan():
    graf = graf_impor()
    ditemukan = siklus(graf)
    baru = [k for k in ditemukan if k not in SIKLUS_DIIZINKAN]
    assert not baru, "Siklus impor:\n" + "\n\n".join(_tulis(k, graf) for k in baru)
    usang = SIKLUS_DIIZINKAN - set(ditemukan)
    assert not usang, f"Siklus ini sudah hilang; hapus dari SIKLUS_DIIZINKAN: {usang}"


def test_siklus_yang_dulu_ada_tetap_hilang():
    graf = graf_impor()
    for kelompok in (
        {"ramping.penyederhanaan.perbandingan", "ramping.penyederhanaan.selectors"},
        {
            "ramping.web.views.jabatan",
            "ramping.web.views.jabatan_anjab",
            "ramping.web.views.jabatan_evaluasi",
            "ramping.web.views.jabatan_tugas",
        },
    ):
        assert not any(kelompok & k for k in siklus(graf)), kelompok
