"""Every program the code and the tests run is installed by `make test` (or is otherwise there).

The code under ramping/, tests/, scripts/ and bench/ is parsed with `ast`; a program is the
head of a `subprocess.run/Popen/call/check_call/check_output` argument list, the argument of
`shutil.which`, or an absolute /usr/bin (/bin, /usr/sbin, /sbin) path in a string. Each must be
Python itself, a script of the virtualenv, part of every Debian system, one of PostgreSQL's
binaries (found by scripts/with_postgres.py), or installed by the Makefile's `test` target or
its prerequisites (`command -v PROGRAM || … apt-get install PACKAGE`, written out or through the
`$(call apt,PROGRAM,PACKAGE)` macro), with the package of the table below.
"""

import ast
import functools
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
DIPINDAI = ("ramping", "tests", "scripts", "bench")

# Program → the Debian package the Makefile installs it from.
PAKET_DEBIAN = {
    "chromium": "chromium",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
}
# PostgreSQL's binaries: scripts/with_postgres.py looks for them on PATH and then in
# /usr/lib/postgresql/*/bin (the machine's PostgreSQL install); without them the PostgreSQL pass
# is skipped, except on CI, where it fails (tests/test_with_postgres.py).
POSTGRESQL = {"initdb", "pg_ctl", "createdb"}
# The client programs of `ramping cadangkan`/`pulihkan` (ramping/cadangan/program.py finds them
# the same way; they come with the same PostgreSQL install, and only run against PostgreSQL).
POSTGRESQL |= {"pg_dump", "pg_restore"}
# Essential Debian packages, present on every Debian system: runuser (util-linux).
SISTEM = {"runuser"}
# Calls whose program is a run-time argument, with the reason; anything else must be resolvable.
DINAMIS = {
    ("scripts/with_postgres.py", "main"): "menjalankan perintah yang diberikan di baris perintah",
}

FUNGSI_SUBPROCESS = {"run", "Popen", "call", "check_call", "check_output"}
JALUR_PROGRAM = re.compile(r"^/(?:usr/)?s?bin/([\w.+-]+)$")
PANGGIL_APT = re.compile(r"\$\(call apt,\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)")


@dataclass(frozen=True)
class Pemakaian:
    program: str | None  # None: not resolvable statically
    berkas: str
    baris: int
    fungsi: str

    def __str__(self) -> str:
        return f"{self.berkas}:{self.baris} ({self.fungsi})"


def _nama_panggilan(func: ast.expr, impor: dict[str, str]) -> str | None:
    """'subprocess.run', 'shutil.which', … for `subprocess.run(...)` or an imported `run(...)`."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return f"{impor.get(func.value.id, func.value.id)}.{func.attr}"
    if isinstance(func, ast.Name):
        return impor.get(func.id)
    return None


class _Pemindai(ast.NodeVisitor):
    def __init__(self, berkas: str, pohon: ast.Module):
        self.berkas = berkas
        self.pohon = pohon
        self.impor: dict[str, str] = {}
        self.cakupan: list[ast.AST] = [pohon]
        self.hasil: list[Pemakaian] = []
        for node in ast.walk(pohon):
            if isinstance(node, ast.Import):
                for a in node.names:
                    self.impor[a.asname or a.name] = a.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:
                    self.impor[a.asname or a.name] = f"{node.module}.{a.name}"

    # Scopes: a name is resolved by its assignments in the enclosing function, then the module.
    def _fungsi(self, node):
        self.cakupan.append(node)
        self.generic_visit(node)
        self.cakupan.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _fungsi

    def _nilai_nama(self, nama: str) -> list[ast.expr]:
        for cakupan in reversed(self.cakupan):
            # The module's own statements only: another function's locals are not ours.
            simpul = cakupan.body if cakupan is self.pohon else ast.walk(cakupan)
            nilai = [
                n.value
                for n in simpul
                if isinstance(n, ast.Assign | ast.AnnAssign)
                and n.value is not None
                and any(
                    isinstance(t, ast.Name) and t.id == nama
                    for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                )
            ]
            if nilai:
                return nilai
        return []

    def _catat(self, program: str | None, node: ast.AST) -> None:
        fungsi = getattr(self.cakupan[-1], "name", "<modul>")
        self.hasil.append(Pemakaian(program, self.berkas, node.lineno, fungsi))

    def _program(self, e: ast.expr) -> set[str | None]:
        """The program an argv element names."""
        if isinstance(e, ast.Constant) and isinstance(e.value, str):
            return {Path(e.value).name}
        if isinstance(e, ast.Attribute) and _nama_panggilan(e, self.impor) == "sys.executable":
            return {"python"}
        if isinstance(e, ast.JoinedStr) and isinstance(e.values[-1], ast.Constant):
            # f"{bins}/initdb": the directory varies, the program does not.
            return {e.values[-1].value.rsplit("/", 1)[-1]}
        if isinstance(e, ast.Name) and (nilai := self._nilai_nama(e.id)):
            return set().union(*(self._program(v) for v in nilai))
        return {None}

    def _kepala(self, e: ast.expr) -> tuple[set[str | None], bool]:
        """(possible programs, may the sequence be empty) of an argv expression."""
        if isinstance(e, ast.List | ast.Tuple):
            kepala: set[str | None] = set()
            for elemen in e.elts:
                if isinstance(elemen, ast.Starred):
                    k, kosong = self._kepala(elemen.value)
                    kepala |= k
                    if not kosong:
                        return kepala, False
                else:
                    return kepala | self._program(elemen), False
            return kepala, True
        if isinstance(e, ast.IfExp):
            (k1, z1), (k2, z2) = self._kepala(e.body), self._kepala(e.orelse)
            return k1 | k2, z1 or z2
        if isinstance(e, ast.Name) and (nilai := self._nilai_nama(e.id)):
            pasangan = [self._kepala(v) for v in nilai]
            return set().union(*(k for k, _ in pasangan)), any(z for _, z in pasangan)
        return {None}, False

    def visit_Call(self, node: ast.Call) -> None:
        nama = _nama_panggilan(node.func, self.impor) or ""
        modul, _, fungsi = nama.rpartition(".")
        argumen = node.args[0] if node.args else None
        if argumen is None:
            argumen = next((k.value for k in node.keywords if k.arg in ("args", "cmd")), None)
        if argumen is not None and modul == "subprocess" and fungsi in FUNGSI_SUBPROCESS:
            for program in self._kepala(argumen)[0]:
                self._catat(program, node)
        elif argumen is not None and nama == "shutil.which":
            for program in self._program(argumen):
                self._catat(program, node)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and (cocok := JALUR_PROGRAM.match(node.value)):
            self._catat(cocok.group(1), node)


@functools.cache
def pemakaian_program() -> tuple[Pemakaian, ...]:
    hasil = []
    for folder in DIPINDAI:
        for jalur in sorted((AKAR / folder).rglob("*.py")):
            relatif = jalur.relative_to(AKAR).as_posix()
            pemindai = _Pemindai(relatif, ast.parse(jalur.read_text(encoding="utf-8")))
            pemindai.visit(pemindai.pohon)
            hasil += pemindai.hasil
    return tuple(hasil)


def aturan_makefile(teks: str) -> dict[str, tuple[list[str], list[str]]]:
    """target → (prerequisites, recipe lines) of the explicit rules."""
    aturan: dict[str, tuple[list[str], list[str]]] = {}
    resep = None
    for baris in teks.replace("\\\n", " ").splitlines():
        if baris.startswith("\t") and resep is not None:
            resep.append(baris.strip())
        elif (cocok := re.match(r"^([^\s:=#][^:=]*):(?!=)(.*)$", baris)) is not None:
            resep = []
            for target in cocok.group(1).split():
                aturan[target] = (cocok.group(2).split("#")[0].split(), resep)
        elif baris.strip() and not baris.startswith("#"):
            resep = None
    return aturan


def dipasang_oleh_make_test(teks: str) -> dict[str, set[str]]:
    """program → packages of every `command -v PROGRAM || … apt-get install … PACKAGE` run by
    `make test` or its prerequisites (a `$(call apt,PROGRAM,PACKAGE)` is expanded first)."""
    makro = re.search(r"^apt\s*=\s*(.*)$", teks, re.MULTILINE)
    aturan = aturan_makefile(teks)
    dipasang: dict[str, set[str]] = {}
    antre, dikunjungi = ["test"], set()
    while antre:
        target = antre.pop()
        if target in dikunjungi or target not in aturan:
            continue
        dikunjungi.add(target)
        prasyarat, resep = aturan[target]
        antre += prasyarat
        for baris in resep:
            if makro:
                isi = makro.group(1)
                baris = PANGGIL_APT.sub(
                    lambda m, isi=isi: isi.replace("$(1)", m[1]).replace("$(2)", m[2]), baris
                )
            pasang = re.search(r"apt-get install((?:\s+[\w.+-]+)+)", baris)
            paket = (
                {p for p in pasang.group(1).split() if not p.startswith("-")} if pasang else set()
            )
            for program in re.findall(r"command -v (\S+)", baris):
                dipasang.setdefault(program, set()).update(paket)
    return dipasang


def masalah(pemakaian: Sequence[Pemakaian], makefile: str) -> list[str]:
    dipasang = dipasang_oleh_make_test(makefile)
    venv = Path(sys.executable).parent
    keluhan = []
    for p in pemakaian:
        if p.program is None:
            if (p.berkas, p.fungsi) not in DINAMIS:
                keluhan.append(
                    f"{p}: program tidak bisa ditentukan dari kode; tambahkan ke DINAMIS"
                )
        elif p.program in {"python", "python3"} | POSTGRESQL | SISTEM:
            continue
        elif (venv / p.program).exists():
            continue  # a script of the virtualenv (ruff, pytest, …)
        elif p.program not in PAKET_DEBIAN:
            keluhan.append(f"{p}: `{p.program}` tidak ada di tabel PAKET_DEBIAN")
        elif PAKET_DEBIAN[p.program] not in dipasang.get(p.program, set()):
            keluhan.append(
                f"{p}: `make test` tidak memasang `{p.program}` "
                f"(tambahkan $(call apt,{p.program},{PAKET_DEBIAN[p.program]}) ke Makefile)"
            )
    return keluhan


def test_setiap_program_yang_dipanggil_dipasang_oleh_make_test():
    assert masalah(pemakaian_program(), (AKAR / "Makefile").read_text(encoding="utf-8")) == []


def test_pemindai_menemukan_program_yang_dikenal():
    program = {p.program for p in pemakaian_program()}
    # tests/laporan/bantu.py, the browser tests, scripts/with_postgres.py (`*prefix`, f-strings).
    assert {"pdftotext", "chromium", "python", "runuser", "initdb", "pg_ctl", "createdb"} <= program


KODE_CONTOH = """
import shutil
import subprocess
from subprocess import check_output as keluaran

PREFIX = ["sudo"] if x else []

def f(argv, d):
    subprocess.run(["pdftoppm", "-png", "a.pdf"])
    keluaran(("gs", "-q"))
    subprocess.Popen([*PREFIX, f"{d}/convert", "a"])
    perintah = ["tesseract", "a.png"]
    subprocess.run(perintah, check=True)
    subprocess.run(argv)
    shutil.which("inkscape")
"""


def test_pemindai_membaca_bentuk_panggilan_yang_lazim():
    pemindai = _Pemindai("contoh.py", ast.parse(KODE_CONTOH))
    pemindai.visit(pemindai.pohon)
    assert {p.program for p in pemindai.hasil} == {
        "pdftoppm", "gs", "sudo", "convert", "tesseract", None, "inkscape",
    }  # fmt: skip


MAKRO = "apt = command -v $(1) >/dev/null || apt-get install -y -qq $(2) >/dev/null\n"


def test_program_yang_tidak_dipasang_makefile_ditolak():
    pakai = [Pemakaian("pdftotext", "tests/laporan/bantu.py", 28, "teks_pdf")]
    tanpa = MAKRO + "test: lint\n\t$(BIN)/pytest\nlint:\n\truff check .\n"
    assert "pdftotext" in masalah(pakai, tanpa)[0]
    dengan = (
        MAKRO + "test: lint alat\n\t$(BIN)/pytest\nalat:\n\t@$(call apt,pdftotext,poppler-utils)\n"
    )
    assert masalah(pakai, dengan) == []
    assert masalah(pakai, dengan.replace("test: lint alat", "test: lint")) != []  # not reached
    assert masalah(pakai, dengan.replace("poppler-utils", "poppler")) != []  # wrong package
    assert masalah(pakai, dengan.replace(MAKRO, "")) != []  # a macro that is not defined
    harfiah = "test:\n\t@command -v pdftotext || apt-get install -y -qq poppler-utils >/dev/null\n"
    assert masalah(pakai, harfiah) == []
    assert "PAKET_DEBIAN" in masalah([Pemakaian("gs", "x.py", 1, "f")], dengan)[0]


@pytest.mark.skipif(
    not any(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")), reason="PostgreSQL tidak terpasang"
)
def test_binari_postgresql_ditemukan_with_postgres():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "with_postgres", AKAR / "scripts/with_postgres.py"
    )
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    folder = Path(modul.bindir())
    assert all((folder / b).exists() for b in POSTGRESQL)
