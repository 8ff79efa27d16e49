"""The WSGI application: Django, behind a fast path that answers cached pages first (core/fast_path.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pain_site.settings")

django_application = get_wsgi_application()

from core.fast_path import CachedPageApplication  # noqa: E402  (needs Django set up first)

application = CachedPageApplication(django_application)
