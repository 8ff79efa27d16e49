"""The application `make serve` runs: Django's WSGI application behind the cached-page server (core/asgi.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pain_site.settings")

django_application = get_wsgi_application()

from core.asgi import CachedPageServer  # noqa: E402  (needs Django set up first)

application = CachedPageServer(django_application)
