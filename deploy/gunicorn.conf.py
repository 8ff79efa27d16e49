"""gunicorn settings for `make serve` and production. Everything tunable comes from the environment."""

import gc
import os


def env(name, default):
    return os.environ.get(name, "").strip() or default


bind = f"{env('HOST', '127.0.0.1')}:{env('PORT', '8000')}"
# uvicorn workers serving pain_site.asgi (core/asgi.py): cached pages straight from the event loop with
# keep-alive, Django in one thread per worker. GUNICORN_WORKER_CLASS=sync (or gthread) runs the plain
# WSGI application instead, with its own cached-page fast path (bench/load.py measures both).
ASGI_WORKER = "core.gunicorn_worker.Worker"
worker_class = env("GUNICORN_WORKER_CLASS", ASGI_WORKER)
wsgi_app = "pain_site.asgi:application" if worker_class == ASGI_WORKER else "pain_site.wsgi:application"
# One uvicorn worker per core: cached pages never block a worker, and each renders one page at a time.
workers = int(env("WEB_CONCURRENCY", str(os.cpu_count() or 2)))
threads = int(env("GUNICORN_THREADS", "4"))
# Seconds one request may keep a worker (or, under uvicorn workers, its Django thread) busy before
# gunicorn replaces the worker.
timeout = int(env("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, not every few seconds under load.
max_requests = int(env("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
accesslog = None  # the app logs one line per request, with its request id
errorlog = "-"
preload_app = True


def pre_fork(server, worker):
    # Everything loaded so far lives as long as the worker: leave it out of the garbage collector's full
    # passes, which otherwise walk every Django object and show up as the slowest requests.
    gc.freeze()
