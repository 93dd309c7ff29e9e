"""One settings module for every environment, driven by environment variables.

Typed helpers fail loudly on a malformed value instead of silently falling back,
so a typo in production configuration stops the process at start-up.
"""

import os
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
    "ramping.sistemkerja",
    "ramping.penataan",
    "ninja",
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("RAMPING_LOG_LEVEL", "WARNING")},
}
