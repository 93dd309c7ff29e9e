"""The `ramping` console script: the management commands without typing manage.py."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ramping", *sys.argv[1:]])
