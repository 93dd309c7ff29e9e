"""Shared fixtures: a small hand-built agency and the personas of every permission test.

Personas (as in healthchecks' alice/bob/charlie): `analis` of agency A, `operator_a` of OPD
"DINAS-A", `operator_b` of OPD "DINAS-B" in the same agency, `orang_luar` of agency B.
"""

from dataclasses import dataclass
from datetime import date

import pytest

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.inti.lingkup import semua_instansi
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.organisasi.services import instansi_buat, struktur_buat, unit_buat


def _transaksional(item) -> bool:
    penanda = item.get_closest_marker("django_db")
    return bool(penanda and penanda.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


def _pakai_db(item) -> bool:
    return item.get_closest_marker("django_db") is not None or "db" in getattr(
        item, "fixturenames", ()
    )


def pytest_collection_modifyitems(config, items):
    """A transactional test flushes the database, and the session's `demo` agency with it.
    pytest-django runs them after the ordinary database tests, but under xdist `--dist loadfile`
    a file is sent to its worker whole: a transactional test in a file that also holds ordinary
    database tests runs early, and the demo is gone for the files after it (seen: a test of
    tests/akun/test_sso.py emptied `demo` for tests/penyederhanaan and tests/laporan). So a file
    holds transactional tests only, or none."""
    per_berkas: dict[str, set[bool]] = {}
    for item in items:
        if _pakai_db(item) or _transaksional(item):
            per_berkas.setdefault(str(item.path), set()).add(_transaksional(item))
    campur = sorted(b for b, jenis in per_berkas.items() if len(jenis) == 2)
    if campur:
        raise pytest.UsageError(
            "Uji transaksional (mengosongkan basis data) bercampur dengan uji basis data biasa "
            f"dalam satu berkas: {', '.join(campur)}. Pindahkan ke berkas tersendiri."
        )


@pytest.fixture(autouse=True)
def _semua_instansi_kecuali_ditandai(request):
    """Test bodies and fixtures build and inspect several agencies at once, so they run in the
    documented all-agencies scope. What they call through an entry point (a page, the API, a
    command, the demo loader, a ZIP job) opens its own agency scope inside, as in production.
    Tests marked `lingkup_ketat` run without it, to prove an entry point fails closed."""
    if request.node.get_closest_marker("lingkup_ketat"):
        yield
        return
    with semua_instansi():
        yield


@pytest.fixture(autouse=True)
def _hash_kata_sandi_cepat(settings):
    # PBKDF2's deliberate slowness would dominate the suite; security is not under test here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Dunia:
    instansi: Instansi
    instansi_lain: Instansi
    struktur: Struktur
    dinas_a: UnitKerja
    bidang_a: UnitKerja
    dinas_b: UnitKerja
    analis: Akses
    operator_a: Akses
    operator_b: Akses
    pimpinan: Akses
    orang_luar: Akses


def _persona(username: str, instansi: Instansi, peran: str, opd: str = "") -> Akses:
    pengguna = Pengguna.objects.create_user(username=username, password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=instansi, pengguna=pengguna, peran=peran, opd_kode=opd)
    return Akses(instansi_id=instansi.pk, peran=peran, opd_kode=opd, pengguna=pengguna)


@pytest.fixture
def dunia(db) -> Dunia:
    instansi = instansi_buat(nama="Pemerintah Kota Uji", kode="kota-uji", jenis="kota")
    lain = instansi_buat(nama="Pemerintah Kabupaten Lain", kode="kab-lain", jenis="kabupaten")
    sistem = Akses.sistem(instansi)
    struktur = struktur_buat(akses=sistem, instansi=instansi, nama="Draf uji")
    dinas_a = unit_buat(
        akses=sistem,
        struktur=struktur,
        induk=None,
        kode="DINAS-A",
        nama="Dinas A",
        jenis="dinas",
        eselon="II.b",
    )
    bidang_a = unit_buat(
        akses=sistem,
        struktur=struktur,
        induk=dinas_a,
        kode="DINAS-A.B1",
        nama="Bidang Satu",
        jenis="bidang",
        eselon="III.b",
    )
    dinas_b = unit_buat(
        akses=sistem,
        struktur=struktur,
        induk=None,
        kode="DINAS-B",
        nama="Dinas B",
        jenis="dinas",
        eselon="II.b",
    )
    return Dunia(
        instansi=instansi,
        instansi_lain=lain,
        struktur=struktur,
        dinas_a=dinas_a,
        bidang_a=bidang_a,
        dinas_b=dinas_b,
        analis=_persona("analis", instansi, Peran.ANALIS),
        operator_a=_persona("operator_a", instansi, Peran.OPERATOR, "DINAS-A"),
        operator_b=_persona("operator_b", instansi, Peran.OPERATOR, "DINAS-B"),
        pimpinan=_persona("pimpinan", instansi, Peran.PIMPINAN),
        orang_luar=_persona("orang_luar", lain, Peran.ANALIS),
    )


@pytest.fixture(scope="session")
def demo(request, django_db_setup, django_db_blocker) -> Instansi:
    """The Cilegon demo agency, loaded once per test session (per xdist worker) and only read.

    The browser tests' flush (transactional_db) empties the database: pytest-django runs them
    after every `db` test, and pyproject's --no-loadscope-reorder keeps that order under xdist
    as long as no file mixes the two kinds (`pytest_collection_modifyitems` above refuses it).
    """
    from django.db import connection

    from ramping.demo.muat import muat_instansi

    with django_db_blocker.unblock():
        instansi = muat_instansi(nama="Kota Contoh Uji (data contoh)", kode="demo-uji")
        if connection.vendor == "postgresql":
            # Fresh bulk inserts have no planner statistics until autovacuum comes by; without
            # them the demo's employee list took 26 s instead of 0.3 s in whichever test came first.
            with connection.cursor() as kursor:
                kursor.execute("ANALYZE")
        yield instansi
        # The test database is dropped after the session unless kept (--reuse-db); deleting the
        # whole agency first would only cost seconds per worker.
        if request.config.getoption("reuse_db", default=False):
            instansi.delete()


TANGGAL = date(2024, 1, 2)


def opd_paling_besar(struktur: Struktur) -> UnitKerja:
    """The OPD (top-level unit) of a version with the most positions in its subtree: the
    demo's hardest case for the query-count and layout tests."""
    from ramping.jabatan.models import Jabatan

    return max(
        UnitKerja.objects.filter(struktur=struktur, kedalaman=0),
        key=lambda u: Jabatan.objects.filter(
            struktur=struktur, unit__path__startswith=u.path
        ).count(),
    )


# --- SSO (OpenID Connect): a real provider on loopback, oidc-provider-mock ----------------------


@pytest.fixture(scope="session")
def _server_oidc():
    """oidc-provider-mock on a free 127.0.0.1 port, once per session (per xdist worker).

    Its users and their claims are set per test through its HTTP API (`PenyediaOIDC.pengguna`).
    """
    import os
    import threading

    import werkzeug.serving
    from oidc_provider_mock import app

    # authlib refuses plain http unless told; the provider only listens on loopback here.
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"

    class Senyap(werkzeug.serving.WSGIRequestHandler):
        def log_request(self, *args, **kwargs):  # one line per request drowns test output
            pass

    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, app(require_nonce=True), threaded=True, request_handler=Senyap
    )
    benang = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    benang.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    benang.join(5)
    server.server_close()


@dataclass
class PenyediaOIDC:
    url: str

    def pengguna(self, sub: str, **klaim) -> None:
        """The claims the provider gives `sub` from now on (replacing earlier ones)."""
        import requests

        requests.put(f"{self.url}/users/{sub}", json=klaim, timeout=5).raise_for_status()

    def setujui(self, url_otorisasi: str, sub: str, *, tolak: bool = False) -> str:
        """Submit the provider's login form as `sub` (or deny); the redirect back to ramping."""
        import requests

        data = {"action": "deny"} if tolak else {"sub": sub}
        jawaban = requests.post(url_otorisasi, data=data, allow_redirects=False, timeout=5)
        assert jawaban.status_code == 302, jawaban.text
        return jawaban.headers["Location"]


@pytest.fixture
def sso(settings, _server_oidc) -> PenyediaOIDC:
    """SSO switched on and pointed at the local provider (settings are read per request)."""
    settings.RAMPING_OIDC_PENERBIT = _server_oidc
    settings.OIDC_RP_CLIENT_ID = "ramping-uji"
    settings.OIDC_RP_CLIENT_SECRET = "rahasia-klien-uji"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{_server_oidc}/oauth2/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{_server_oidc}/oauth2/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{_server_oidc}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{_server_oidc}/jwks"
    # The mock signs with its single key and names no `kid` in the token header; Keycloak does
    # name it, and production keeps mozilla-django-oidc's check on.
    settings.OIDC_VERIFY_KID = False
    return PenyediaOIDC(_server_oidc)
