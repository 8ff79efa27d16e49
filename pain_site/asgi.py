"""ASGI config for pain_site, for any ASGI server; `make serve` uses the WSGI application."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pain_site.settings")

application = get_asgi_application()
