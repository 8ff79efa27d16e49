"""The server-facing application for `make serve`: cached pages on the event loop, everything else in Django.

Under gunicorn's sync workers every request costs a new connection and a
trip through the WSGI machinery, so even a ready page topped out at a few
thousand a second here (`make bench` prints both). Under uvicorn workers (core/gunicorn_worker.py) this
wrapper answers a cached page straight from the event loop, with keep-alive,
and hands every other request to Django, which stays the WSGI application it
is: it runs in one thread per process (through a2wsgi), one request at a
time, exactly as under sync workers, so database connections and request
signals behave as before.

The content version is read through `recent_version` in its own thread (the
database is never touched on the event loop), and only one read runs at a
time. A local-memory cache is read on the loop (no I/O); a network cache
(Redis) is read in a small thread pool, so a slow cache cannot stall the loop.
A page found in the cache is kept ready to send, headers encoded, for a
second (`PreparedPages`): a rush on one page then costs one cache read a
second per process, not one per request.
"""

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor

from a2wsgi import WSGIMiddleware
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, connection, connections

from .fast_path import CachedPage, fast_path_enabled, log_hit
from .middleware import request_id
from .page_cache import content_version_or_none, is_cacheable_environ, page_key, recent_version, safe

logger = logging.getLogger(__name__)
FILE_CHUNK = 256 * 1024


# The request headers the cached-page path reads, as WSGI environ keys.
LOOKUP_HEADERS = ("cookie", "if-none-match", "if-modified-since", "x-request-id")


def lookup_headers():
    names = {name.encode(): "HTTP_" + name.upper().replace("-", "_") for name in LOOKUP_HEADERS}
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:
        names[proxy_header[0].removeprefix("HTTP_").lower().replace("_", "-").encode()] = proxy_header[0]
    return names


def lookup_environ(scope, wanted):
    """The part of the WSGI environ the cached-page path reads, built as a2wsgi builds the whole one."""
    environ = {
        "REQUEST_METHOD": scope["method"],
        "PATH_INFO": scope["path"].encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope["query_string"].decode("latin-1"),
        "wsgi.url_scheme": scope.get("scheme", "http"),
    }
    for name, value in scope["headers"]:
        key = wanted.get(name)
        if key:
            value = value.decode("latin-1")
            environ[key] = environ[key] + "," + value if key in environ else value
    return environ


class PreparedPages:
    """Cached pages ready to send, kept in this process for `seconds`.

    Keys carry the content version, so a page kept here is never from an older version; it can
    outlive its page-cache entry (expired or cleared) by `seconds` at most.
    """

    def __init__(self, seconds=1.0, size=256, clock=time.monotonic):
        self.seconds, self.size, self.clock = seconds, size, clock
        self.pages = {}

    def get(self, key):
        kept = self.pages.get(key)
        if kept is None or kept[0] < self.clock():
            return None
        return kept[1]

    def keep(self, key, entry):
        if len(self.pages) >= self.size:
            self.pages.clear()  # a full table means a crawl through many pages: start afresh
        page = CachedPage(entry, encode=True)
        self.pages[key] = (self.clock() + self.seconds, page)
        return page


class FileChunks:
    """`wsgi.file_wrapper`: files cross from Django's thread to the loop in 256 KB pieces, not Django's 4 KB."""

    def __init__(self, file, block_size=None):
        self.file = file

    def __iter__(self):
        return iter(lambda: self.file.read(FILE_CHUNK), b"")

    def close(self):
        self.file.close()


class _Finished:
    """Wraps Django's response body so the server knows when Django is done with a request (see `stalled_seconds`).

    A response that is all in memory crosses to the loop in one piece: the Atom feed is written in some
    900 small pieces, and sending each on its own took 60 ms.
    """

    def __init__(self, body, server):
        self.body, self.server = body, server

    def __iter__(self):
        if getattr(self.body, "streaming", True) is False:
            return iter((self.body.content,))
        return iter(self.body)

    def close(self):
        try:
            getattr(self.body, "close", lambda: None)()
        finally:
            self.server.busy_since = None


def read_version():
    """The content version, read in the version thread; a failed read drops that thread's broken connection."""
    version = content_version_or_none()
    if version is None:
        try:
            connection.close()
        except DatabaseError:
            logger.warning("could not close a failed database connection", exc_info=True)
    return version


class CachedPageServer:
    def __init__(self, wsgi_application, enabled=None):
        self.wsgi_application = wsgi_application
        self.enabled = fast_path_enabled() if enabled is None else enabled
        self.busy_since = None
        self.cache = caches["default"]
        self.cache_is_local = isinstance(self.cache, LocMemCache)
        self.version_thread = ThreadPoolExecutor(1, thread_name_prefix="content-version")
        self.cache_threads = None if self.cache_is_local else ThreadPoolExecutor(4, thread_name_prefix="page-cache")
        self.django = WSGIMiddleware(self._django, workers=1)
        self.prepared = PreparedPages()
        self.wanted_headers = lookup_headers()

    def close(self):
        """Close the database connections held by the server's threads, then stop the threads."""
        for executor in (self.version_thread, self.django.executor):
            executor.submit(connections.close_all).result()
            executor.shutdown()
        if self.cache_threads:
            self.cache_threads.shutdown()

    def stalled_seconds(self):
        """How long Django has been busy with its current request (0 when idle): the worker's watchdog reads this."""
        since = self.busy_since
        return 0 if since is None else time.monotonic() - since

    def _django(self, environ, start_response):
        environ["wsgi.file_wrapper"] = FileChunks
        self.busy_since = time.monotonic()
        try:
            return _Finished(self.wsgi_application(environ, start_response), self)
        except BaseException:
            self.busy_since = None
            raise

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self._lifespan(receive, send)
        if scope["type"] == "http" and self.enabled:
            started = time.perf_counter()
            environ = lookup_environ(scope, self.wanted_headers)
            if is_cacheable_environ(environ):
                answer = await self._cached(environ)
                if answer is not None:
                    return await self._send_cached(send, environ, answer, started)
        return await self.django(scope, receive, send)

    async def _cached(self, environ):
        loop = asyncio.get_running_loop()
        try:
            version = await recent_version.acurrent(lambda read: loop.run_in_executor(self.version_thread, read))
            if version is None:
                return None
            key = page_key(version, environ)
            page = self.prepared.get(key)
            if page is None:
                if self.cache_is_local:
                    entry = safe(self.cache.get, key)
                else:
                    entry = await loop.run_in_executor(self.cache_threads, safe, self.cache.get, key)
                if not entry:
                    return None
                page = self.prepared.keep(key, entry)
            return page.answer(environ)
        except Exception:  # the fast path must never be why a page fails: Django answers instead
            logger.exception("cached page lookup failed")
            return None

    @staticmethod
    async def _send_cached(send, environ, answer, started):
        status, headers, body = answer
        rid = request_id(environ)
        await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"x-request-id", rid.encode())]})
        await send({"type": "http.response.body", "body": body})
        log_hit(environ, rid, status, started)

    async def _lifespan(self, receive, send):
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await asyncio.get_running_loop().run_in_executor(None, self.close)
                await send({"type": "lifespan.shutdown.complete"})
                return
