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


# Development by default (like healthchecks); production sets RAMPING_DEBUG=false.
DEBUG = envbool("RAMPING_DEBUG", "true")

# The development key is only accepted while DEBUG is on; production must set its own.
_DEV_SECRET = "ramping-dev-only-not-secret"
SECRET_KEY = os.environ.get("RAMPING_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("RAMPING_SECRET_KEY wajib diisi bila RAMPING_DEBUG=false")

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
    # Backup/restore and moving one agency between installations (issue #14, item 4).
    "ramping.cadangan",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
    # WAL lets the dev server read while a long import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
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
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
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
