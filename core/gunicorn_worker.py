"""The gunicorn worker for `make serve`: uvicorn (uvloop, httptools) serving core/asgi.py.

Under sync workers gunicorn kills a worker whose request runs past `timeout`.
Here the event loop keeps running while Django works in its own thread, so
the worker stops telling gunicorn it is alive once Django has been busy with
one request for longer than `timeout`, and gunicorn replaces it just the same.
"""

import logging

from uvicorn_worker import UvicornWorker

logger = logging.getLogger(__name__)


class Worker(UvicornWorker):
    CONFIG_KWARGS = {
        "loop": "uvloop",
        "http": "httptools",
        "lifespan": "on",
        # The forwarded address and scheme are Django's to read (AXES_PROXY_COUNT, SECURE_PROXY_SSL_HEADER).
        "proxy_headers": False,
        "server_header": False,
    }

    async def callback_notify(self):
        stalled = getattr(self.wsgi, "stalled_seconds", lambda: 0)()
        if stalled < self.cfg.timeout:
            self.notify()
        else:
            logger.error("one request has kept Django busy for %.0f s; gunicorn will replace this worker", stalled)
