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


class CachedPage:
    """A page-cache entry, ready to answer any request for it: in full, to a HEAD, or with a 304.

    With `encode`, the headers are kept as the bytes an ASGI server sends, so a page kept in memory
    (core/asgi.py) encodes them once rather than on every request.
    """

    __slots__ = ("content", "etag", "last_modified", "full_headers", "validator_headers")

    def __init__(self, entry, encode=False):
        headers, self.content, self.etag, self.last_modified = entry
        full = [*headers, ("Content-Length", str(len(self.content)))]
        validators = [(name, value) for name, value in headers if name.lower() in VALIDATOR_HEADERS]
        if encode:
            full, validators = _encoded(full), _encoded(validators)
        self.full_headers, self.validator_headers = full, validators

    def answer(self, environ):
        """(status code, headers, body) for this request."""
        if not_modified(environ, self.etag, self.last_modified):
            return 304, self.validator_headers, b""
        return 200, self.full_headers, b"" if environ.get("REQUEST_METHOD") == "HEAD" else self.content


def _encoded(headers):
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]


def answer_from_cache(environ, version):
    """(status code, headers, body) for a cacheable request whose page is cached under `version`, else None."""
    entry = safe(cache.get, page_key(version, environ)) if version is not None else None
    return CachedPage(entry).answer(environ) if entry else None


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
