"""The `ramping` console script: the management commands without typing manage.py."""

import os
import sys


def jalankan(argv: list[str]) -> None:
    """Run a management command; a configuration error is one clear line, not a traceback."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        # The settings' messages (ramping/settings.py) say what to set and how.
        print(f"ramping: pengaturan salah: {exc}", file=sys.stderr)
        sys.exit(1)


def main() -> None:
    jalankan(["ramping", *sys.argv[1:]])
