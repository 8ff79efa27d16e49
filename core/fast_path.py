"""Answer cached pages before Django's request handling starts.

A cached page costs about 0.2 ms of Python inside Django, but building the
request, running the middleware and the response machinery costs several
times that again. These helpers look the page up from the raw WSGI environ,
with the same key, the same checks and the same headers as
`PageCacheMiddleware`; the WSGI wrapper here and the ASGI server
(core/asgi.py) hand everything else to Django unchanged.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from .middleware import request_id
from .page_cache import is_cacheable_environ, not_modified, page_key, recent_version, safe

logger = logging.getLogger("pain_site.requests")
VALIDATOR_HEADERS = ("cache-control", "vary", "etag", "last-modified")


def answer_from_cache(environ, version, store=cache):
    """(status code, headers, body) for a cacheable request whose page is cached under `version`, else None."""
    entry = safe(store.get, page_key(version, environ)) if version is not None else None
    if not entry:
        return None
    headers, content, etag, last_modified = entry
    if not_modified(environ, etag, last_modified):
        return 304, [(name, value) for name, value in headers if name.lower() in VALIDATOR_HEADERS], b""
    body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else content
    return 200, [*headers, ("Content-Length", str(len(content)))], body


def cached_response(environ):
    """(status code, headers, body) for a cached page, or None when Django must answer."""
    if not is_cacheable_environ(environ):
        return None
    return answer_from_cache(environ, recent_version.current())


def log_hit(environ, rid, status, started):
    path = environ.get("PATH_INFO", "") + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else "")
    logger.info(
        "%s %s %s %s %.1fms cache-hit",
        rid,
        environ.get("REQUEST_METHOD"),
        path[:300],
        status,
        (time.perf_counter() - started) * 1000,
    )


def fast_path_enabled():
    # With make run's live reload, every request must first look for changed files (in Django).
    return not settings.CONTENT_AUTO_SYNC


class CachedPageApplication:
    def __init__(self, application):
        self.application = application
        self.enabled = fast_path_enabled()

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        answer = cached_response(environ) if self.enabled else None
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        rid = request_id(environ)
        start_response("200 OK" if status == 200 else "304 Not Modified", [*headers, ("X-Request-ID", rid)])
        log_hit(environ, rid, status, started)
        return [body]
