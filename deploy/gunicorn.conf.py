"""gunicorn settings for `make serve` and production: Django's WSGI application on stock gthread workers.

Everything tunable comes from the environment. Workers are never recycled
(`max_requests` stays 0): recycling under load drops kept-alive connections,
and `make bench` shows each worker's memory staying flat over a long run.
"""

import os
import sys


def env(name, default):
    return os.environ.get(name, "").strip() or default


if env("DJANGO_DEBUG", "0").lower() not in {"1", "true", "yes", "on"} and not env("DJANGO_SECRET_KEY", ""):
    sys.exit("DJANGO_SECRET_KEY is not set: production needs a long random secret key (make serve keeps one in .secret_key).")

wsgi_app = "pain_site.wsgi:application"
bind = f"{env('HOST', '127.0.0.1')}:{env('PORT', '8000')}"
worker_class = "gthread"
workers = int(env("WEB_CONCURRENCY", str(os.cpu_count() or 2)))
threads = int(env("GUNICORN_THREADS", "4"))
timeout = int(env("GUNICORN_TIMEOUT", "30"))  # seconds a worker may go silent before gunicorn replaces it
graceful_timeout = 20
keepalive = 5  # longer than the upstream keep-alive in deploy/nginx.conf, so nginx never reuses a closed connection
accesslog = None  # the app logs one line per request, with its request id
errorlog = "-"
preload_app = True  # a broken release fails at start, before any worker forks
