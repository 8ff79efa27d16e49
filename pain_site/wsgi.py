"""WSGI config for pain_site: the application `make serve` runs under gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pain_site.settings")

application = get_wsgi_application()
