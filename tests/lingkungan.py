"""Loaded by pytest before Django's settings (`-p tests.lingkungan` in pyproject's addopts).

`RAMPING_DEBUG` defaults to false (production), which turns on the HTTPS redirect, secure
cookies and the hashed-static manifest. The suite runs the application in development mode, as
it always has; pytest-django still sets `settings.DEBUG = False` for each test, so error pages
and the 503 handler behave as in production. A conftest.py is too late for this: pytest-django
imports the settings before any conftest. Production settings are tested in subprocesses
(tests/test_settings.py, tests/test_serve.py), which set their own environment.
"""

import os

os.environ["RAMPING_DEBUG"] = "true"
