"""Whole public pages, cached for anonymous readers under the current content version.

Every key carries `SiteState.content_version`, which a sync or an admin save
raises in the same transaction as the change; the next request then looks
under a new key, so every page is fresh at once and nothing needs purging.
Signed-in staff and previews are never cached. A cache that has gone away
only makes pages uncached: errors from it are logged, never shown.
"""

import hashlib
import logging
from email.utils import formatdate, parsedate_to_datetime

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from articles.models import SiteState

from .content_version import RecentVersion

logger = logging.getLogger(__name__)
NOT_CACHED_PREFIXES = ("/healthz", "/media/", "/static/")
MAX_PATH = 1000
SKIPPED_HEADERS = {"set-cookie", "x-request-id", "content-length"}


def content_version_or_none():
    """The current content version; None when the database cannot say (the view then decides what to show)."""
    try:
        return SiteState.version()
    except DatabaseError:
        return None


# What the fast paths key cached pages by; see content_version.py for how fresh it is.
recent_version = RecentVersion(content_version_or_none, max_age=settings.CONTENT_VERSION_MAX_AGE)


def content_version_changed():
    """Called where this process raises the version: its own next request must not use the old one."""
    recent_version.forget()
    transaction.on_commit(recent_version.forget)


def is_cacheable_environ(environ):
    """Anonymous GET or HEAD for a public page. Works on the raw WSGI environ, so the fast path can use it."""
    path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or len(path) + len(query) > MAX_PATH:
        return False
    if f"{settings.SESSION_COOKIE_NAME}=" in environ.get("HTTP_COOKIE", ""):
        return False
    return not path.startswith((*NOT_CACHED_PREFIXES, "/" + settings.ADMIN_URL))


def is_cacheable_request(request):
    return is_cacheable_environ(request.META)


def is_cacheable_response(request, response):
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and not (user and user.is_authenticated)
    )


def scheme_of(environ):
    header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if header and environ.get(header[0]) == header[1]:
        return "https"
    return environ.get("wsgi.url_scheme", "http")


def page_key(version, environ):
    """The cache key for a request, from its raw environ: the same in the middleware and the fast path."""
    raw = (
        f"{scheme_of(environ)}:{environ.get('REQUEST_METHOD') == 'HEAD'}:{environ.get('PATH_INFO')}?{environ.get('QUERY_STRING')}"
    )
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"page:{version}:{digest}"


def safe(operation, *args):
    try:
        return operation(*args)
    except Exception:  # any cache failure: serve uncached, never an error page
        logger.warning("page cache unavailable", exc_info=True)
        return None


def public_headers(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PUBLIC_MAX_AGE}, must-revalidate"
    patch_vary_headers(response, ["Cookie"])


def not_modified(environ, etag, last_modified):
    """Does the client's copy still hold (If-None-Match first, then If-Modified-Since)?"""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        try:
            return parsedate_to_datetime(if_modified_since) >= parsedate_to_datetime(last_modified)
        except (TypeError, ValueError):
            return False
    return False


def _not_modified_response(etag, last_modified):
    response = HttpResponseNotModified()
    public_headers(response, etag, last_modified)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = content_version_or_none() if is_cacheable_request(request) else None
        if version is None:
            response = self.get_response(request)
            signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
            if signed_in or settings.SESSION_COOKIE_NAME in request.COOKIES:
                response["Cache-Control"] = "private, no-store"
            return response
        key = page_key(version, request.META)
        cached = safe(cache.get, key)
        if cached:
            return self._replay(request, cached)
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            return response
        etag = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
        last_modified = formatdate(timezone.now().timestamp(), usegmt=True)
        public_headers(response, etag, last_modified)
        headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
        safe(cache.set, key, (headers, response.content, etag, last_modified), settings.PAGE_CACHE_SECONDS)
        if not_modified(request.META, etag, last_modified):
            return _not_modified_response(etag, last_modified)
        return response

    def _replay(self, request, cached):
        headers, content, etag, last_modified = cached
        if not_modified(request.META, etag, last_modified):
            response = _not_modified_response(etag, last_modified)
        else:
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
        response.from_page_cache = True
        return response
