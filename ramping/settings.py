"""One settings module for every environment, driven by environment variables.

Typed helpers fail loudly on a malformed value instead of silently falling back,
so a typo in production configuration stops the process at start-up.
"""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} harus true/false, bukan {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} harus bilangan bulat, bukan {value!r}") from exc


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envurl(name: str) -> str:
    """An absolute http(s) address without a trailing slash, or "" when unset."""
    value = os.environ.get(name, "").strip().rstrip("/")
    if not value:
        return ""
    bagian = urlsplit(value)
    if bagian.scheme not in {"http", "https"} or not bagian.netloc or bagian.query:
        raise ImproperlyConfigured(
            f"{name} harus alamat lengkap seperti https://ramping.kota.go.id, bukan {value!r}"
        )
    return value


# Production by default: a forgotten variable must not show tracebacks and settings to the
# internet. `make run` (and the tests, tests/lingkungan.py) turn it on.
DEBUG = envbool("RAMPING_DEBUG", "false")

# The development key is only accepted while DEBUG is on; production must set its own.
_DEV_SECRET = "ramping-dev-only-not-secret"
SECRET_KEY = os.environ.get("RAMPING_SECRET_KEY", _DEV_SECRET if DEBUG else "").strip()
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "RAMPING_SECRET_KEY wajib diisi bila RAMPING_DEBUG=false (mode produksi, bawaan). "
        "Buat satu dengan: python -c 'import secrets; print(secrets.token_urlsafe(50))'. "
        "Untuk pengembangan di mesin sendiri: RAMPING_DEBUG=true atau `make run`."
    )

ALLOWED_HOSTS = envlist("RAMPING_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("RAMPING_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ramping.audit",
    "ramping.akun",
    "ramping.organisasi",
    "ramping.jabatan",
    "ramping.pegawai",
    "ramping.demo",
    "ramping.web",
    "ramping.laporan",
    "ramping.api",
    "ramping.impor",
    "ramping.penyederhanaan",
    # Renaming pelaksana posts to the 45/2022 nomenclature and the kamus jabatan (issue #16).
    "ramping.nomenklatur",
    "ramping.sistemkerja",
    "ramping.penataan",
    "ramping.pekerjaan",
    # Backup/restore and moving one agency between installations (issue #14, item 4).
    "ramping.cadangan",
    "ninja",
    # --- Accounts: login lockout (axes) and TOTP two-factor (django-otp) -----------------------
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from gunicorn (hashed names, long cache); see STORAGES below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ramping.web.middleware.BahasaMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ramping.web.middleware.AdminSemuaInstansiMiddleware",
    # --- Accounts: a temporary password must be changed, 2FA enrolment when mandatory --------
    "ramping.akun.middleware.AkunWajibMiddleware",
    # axes turns a flagged lockout into its response; last, as axes' documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ramping.urls"
WSGI_APPLICATION = "ramping.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ramping" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ramping.web.konteks.navigasi",
            ],
        },
    },
]

# SQLite in the project directory by default, so `make run` needs nothing else;
# PostgreSQL (production, and the second test pass) through RAMPING_DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("RAMPING_DATABASE_URL", f"sqlite:///{BASE_DIR / 'ramping.sqlite3'}"),
        conn_max_age=envint("RAMPING_DB_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a long import writes; a writer waits up to `timeout`
    # seconds for the lock (Python's sqlite3 busy timeout) before "database is locked", which
    # ramping.web.gangguan then answers with a 503 page instead of a traceback.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("RAMPING_SQLITE_TIMEOUT", "20"),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "akun.Pengguna"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- Accounts: backends, login lockout, two-factor, API tokens and rate limit -------------------
# axes' backend must stay first: it refuses a locked-out username+IP before any other backend
# (password, SSO) is asked. Other backends go after it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
RAMPING_LOGIN_GAGAL_MAKS = envint("RAMPING_LOGIN_GAGAL_MAKS", "5")
RAMPING_LOGIN_KUNCI_MENIT = envint("RAMPING_LOGIN_KUNCI_MENIT", "15")
if RAMPING_LOGIN_GAGAL_MAKS < 1 or RAMPING_LOGIN_KUNCI_MENIT < 1:
    raise ImproperlyConfigured("RAMPING_LOGIN_GAGAL_MAKS dan RAMPING_LOGIN_KUNCI_MENIT minimal 1")
AXES_FAILURE_LIMIT = RAMPING_LOGIN_GAGAL_MAKS
AXES_COOLOFF_TIME = timedelta(minutes=RAMPING_LOGIN_KUNCI_MENIT)
# Per username and address together: one office behind one NAT address is not locked out by a
# colleague's typos, and an attacker cannot lock a person out from everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "ramping.web.views.akun.terkunci"
# Two-factor: the issuer shown in authenticator apps; codes of a device are throttled by
# django-otp (1, 2, 4 … seconds after each wrong code).
OTP_TOTP_ISSUER = "ramping"
RAMPING_2FA_WAJIB_ANALIS = envbool("RAMPING_2FA_WAJIB_ANALIS", "false")
# API tokens: default lifetime; requests per token per minute (0 turns the limit off).
RAMPING_TOKEN_HARI = envint("RAMPING_TOKEN_HARI", "90")
RAMPING_API_BATAS_PER_MENIT = envint("RAMPING_API_BATAS_PER_MENIT", "120")
if RAMPING_TOKEN_HARI < 1 or RAMPING_API_BATAS_PER_MENIT < 0:
    raise ImproperlyConfigured("RAMPING_TOKEN_HARI minimal 1, RAMPING_API_BATAS_PER_MENIT ≥ 0")
# The API rate limit counts in Django's cache. The default (memory) is per process: with several
# gunicorn workers set RAMPING_CACHE_URL=db (a table, `ramping createcachetable`) so they share it.
_CACHE = os.environ.get("RAMPING_CACHE_URL", "").strip()
if _CACHE and _CACHE != "db":
    raise ImproperlyConfigured(f"RAMPING_CACHE_URL hanya mengenal 'db', bukan {_CACHE!r}")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ramping_cache",
    }
    if _CACHE == "db"
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bawaan"},
    # Page fragments keyed by the agency's change counter (ramping.web.potongan): memory of
    # each worker, on purpose — a key is valid forever or never asked again, so workers have
    # nothing to agree on, and a hit costs no query. At most 300 fragments per worker (the
    # largest, a whole agency's every row or unit tree, is ≈ 0.2–0.4 MB); keys of older
    # counter values are never asked again and fall out first as the cache culls.
    "potongan": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "potongan",
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
}
# --- end of accounts ---------------------------------------------------------------------------
LOGIN_URL = "web:masuk"
LOGIN_REDIRECT_URL = "web:beranda"
LOGOUT_REDIRECT_URL = "web:masuk"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "ramping" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("RAMPING_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Production serves `collectstatic`'s output through WhiteNoise with content-hashed, compressed
# files cached for a year; development (runserver, tests) reads the apps' folders directly, so
# no manifest is needed there.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Fixed at start-up (pytest-django turns settings.DEBUG off per test, the mode stays): in
# development WhiteNoise reads the apps' folders and needs no STATIC_ROOT.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
# The application's public address, printed in letters that ask OPD to work in it.
RAMPING_URL = os.environ.get("RAMPING_URL", "")

# Uploaded files (the agencies' logos). Not served by Django: the pages show the logo inline.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("RAMPING_MEDIA_ROOT", BASE_DIR / "media"))

# Production hardening: on whenever DEBUG is off, so `check --deploy` is clean.
SECURE_SSL_REDIRECT = envbool("RAMPING_SSL_REDIRECT", "false" if DEBUG else "true")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = envint("RAMPING_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Trust X-Forwarded-Proto only behind a proxy that sets it (and strips it from clients):
# otherwise any client could claim HTTPS. RAMPING_PROXY_SSL_HEADER=true behind nginx.
if envbool("RAMPING_PROXY_SSL_HEADER", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
# Monitoring probes /sehat/ over plain HTTP on the machine itself.
SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]
# /sehat/ reports the worker as failing when a due task has waited longer than this.
RAMPING_SEHAT_ANTRIAN_MENIT = envint("RAMPING_SEHAT_ANTRIAN_MENIT", "15")
X_FRAME_OPTIONS = "DENY"

# E-mail of the penataan notices (ramping.penataan.notifikasi). Without an SMTP host the messages
# are printed to the console, so development and tests need no mail server.
EMAIL_HOST = os.environ.get("RAMPING_EMAIL_HOST", "").strip()
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("RAMPING_EMAIL_PORT", "587")
    if not 0 < EMAIL_PORT < 65536:
        raise ImproperlyConfigured(f"RAMPING_EMAIL_PORT harus 1–65535, bukan {EMAIL_PORT}")
    EMAIL_HOST_USER = os.environ.get("RAMPING_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("RAMPING_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = envbool("RAMPING_EMAIL_TLS", "true")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A dead mail server must not hold a request (notices are sent after the commit, in-request).
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("RAMPING_EMAIL_DARI", "ramping <ramping@localhost>").strip()
if "@" not in parseaddr(DEFAULT_FROM_EMAIL)[1]:
    raise ImproperlyConfigured(
        f"RAMPING_EMAIL_DARI harus alamat surel, mis. 'ramping <ramping@kota.go.id>', "
        f"bukan {DEFAULT_FROM_EMAIL!r}"
    )
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address users reach the app at, for links in e-mails (pages use relative links).
RAMPING_URL_DASAR = envurl("RAMPING_URL_DASAR")

# --- Masuk tunggal (SSO, OpenID Connect; ramping.akun.sso) ------------------------------------
# Off unless the issuer is set, and then every value below must be set too (a half-configured
# SSO stops start-up). The provider's endpoints are explicit, never fetched at import: start-up
# must not depend on the provider being reachable. `ramping oidc_periksa URL` reads the
# provider's discovery document and prints these lines to copy. mozilla-django-oidc reads its
# OIDC_* settings at request time, so tests point them at a local provider.
RAMPING_OIDC_PENERBIT = envurl("RAMPING_OIDC_PENERBIT")
OIDC_RP_CLIENT_ID = os.environ.get("RAMPING_OIDC_KLIEN_ID", "").strip()
OIDC_RP_CLIENT_SECRET = os.environ.get("RAMPING_OIDC_KLIEN_RAHASIA", "").strip()
OIDC_OP_AUTHORIZATION_ENDPOINT = envurl("RAMPING_OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = envurl("RAMPING_OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = envurl("RAMPING_OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = envurl("RAMPING_OIDC_JWKS_ENDPOINT")
_oidc_isian = {
    "RAMPING_OIDC_PENERBIT": RAMPING_OIDC_PENERBIT,
    "RAMPING_OIDC_KLIEN_ID": OIDC_RP_CLIENT_ID,
    "RAMPING_OIDC_KLIEN_RAHASIA": OIDC_RP_CLIENT_SECRET,
    "RAMPING_OIDC_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
    "RAMPING_OIDC_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
    "RAMPING_OIDC_USERINFO_ENDPOINT": OIDC_OP_USER_ENDPOINT,
    "RAMPING_OIDC_JWKS_ENDPOINT": OIDC_OP_JWKS_ENDPOINT,
}
if any(_oidc_isian.values()) and not all(_oidc_isian.values()):
    raise ImproperlyConfigured(
        "SSO belum lengkap: isi juga "
        + ", ".join(nama for nama, nilai in _oidc_isian.items() if not nilai)
        + " (`ramping oidc_periksa URL-PENERBIT` mencetak alamat endpoint penyedia)"
    )
if RAMPING_OIDC_PENERBIT and not DEBUG:
    for _nama, _nilai in _oidc_isian.items():
        if _nama.endswith(("PENERBIT", "ENDPOINT")) and not _nilai.startswith("https://"):
            raise ImproperlyConfigured(f"{_nama} harus https:// bila RAMPING_DEBUG=false")
OIDC_RP_SCOPES = os.environ.get("RAMPING_OIDC_SCOPES", "openid email profile").strip()
if "openid" not in OIDC_RP_SCOPES.split():
    raise ImproperlyConfigured(f"RAMPING_OIDC_SCOPES harus memuat openid, bukan {OIDC_RP_SCOPES!r}")
OIDC_RP_SIGN_ALGO = os.environ.get("RAMPING_OIDC_ALGORITMA", "RS256").strip()
if OIDC_RP_SIGN_ALGO not in {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}:
    raise ImproperlyConfigured(
        f"RAMPING_OIDC_ALGORITMA harus RS256/RS384/RS512/ES256/ES384/ES512, "
        f"bukan {OIDC_RP_SIGN_ALGO!r}"
    )
# Claim names and the group pattern `<awalan>:<instansi_kode>:<peran>[:<opd_kode>]`.
RAMPING_OIDC_KLAIM_NIP = os.environ.get("RAMPING_OIDC_KLAIM_NIP", "nip").strip()
RAMPING_OIDC_KLAIM_GRUP = os.environ.get("RAMPING_OIDC_KLAIM_GRUP", "groups").strip()
RAMPING_OIDC_AWALAN_GRUP = os.environ.get("RAMPING_OIDC_AWALAN_GRUP", "ramping").strip()
if not RAMPING_OIDC_AWALAN_GRUP or ":" in RAMPING_OIDC_AWALAN_GRUP:
    raise ImproperlyConfigured("RAMPING_OIDC_AWALAN_GRUP wajib diisi dan tanpa titik dua")
# A dead provider must not hold a request; our views wrap the library's (404 while SSO is off,
# Indonesian messages on the login page instead of errors).
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATE_CLASS = "ramping.web.views.sso.MulaiSSO"
OIDC_CALLBACK_CLASS = "ramping.web.views.sso.KembaliSSO"
# Local accounts keep working: ModelBackend answers username/password, the SSO backend only the
# OIDC callback. A throttling backend (django-axes) may be put in front of both.
# SSO's backend sits after axes' and the local one (AUTHENTICATION_BACKENDS above).
AUTHENTICATION_BACKENDS.append("ramping.akun.sso.BackendSSO")
# --- akhir SSO ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("RAMPING_LOG_LEVEL", "WARNING")},
}

# --- Job queue (issue #14 item 3): long work runs as django-tasks tasks in the database, executed
# by `ramping worker` (make run starts it; systemd in production, docs/deploy.md). django-tasks
# 0.12 moved its database backend into the django-tasks-db package (django_tasks_db).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Private folder for job results (ZIPs with names and NIPs): created 0700, files 0600.
RAMPING_PENYIMPANAN = Path(os.environ.get("RAMPING_PENYIMPANAN", BASE_DIR / "penyimpanan"))
# Unfinished (queued or running) jobs one user may have at once, and days a result is kept.
RAMPING_BATAS_PEKERJAAN = envint("RAMPING_BATAS_PEKERJAAN", "3")
RAMPING_SIMPAN_HASIL_HARI = envint("RAMPING_SIMPAN_HASIL_HARI", "7")
if RAMPING_BATAS_PEKERJAAN < 1 or RAMPING_SIMPAN_HASIL_HARI < 1:
    raise ImproperlyConfigured(
        "RAMPING_BATAS_PEKERJAAN dan RAMPING_SIMPAN_HASIL_HARI harus paling sedikit 1"
    )
# Imports of more rows than this are applied by the worker (job kind `impor`), not the request.
RAMPING_IMPOR_LATAR_BARIS = envint("RAMPING_IMPOR_LATAR_BARIS", "5000")
# --- end job queue
