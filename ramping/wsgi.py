import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
application = get_wsgi_application()

if not settings.DEBUG:
    # Under `ramping serve` (gunicorn --preload) this runs once, in the master, before the
    # workers fork: each worker starts with its views imported and templates compiled.
    from ramping.web.pemanasan import panaskan

    panaskan()
