"""Whole public pages for anonymous readers, kept in Django's cache framework.

A page's key carries the content version (raised by every sync and admin
save, in the same transaction as the change) and the release id (a digest of
the code, templates and static files), so neither a sync nor a deploy can
serve an old page and nothing ever needs purging. Only anonymous GET and HEAD
requests are cached; signed-in staff, previews and anything that sets a
cookie never are. Django's ConditionalGetMiddleware, just outside this one,
answers If-None-Match with 304 from the ETag stored here. A cache that has
gone away only makes pages uncached: its errors are logged, never shown.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers, set_response_etag

from .models import SiteState

logger = logging.getLogger(__name__)
MAX_URL_LENGTH = 1000
CACHED_METHODS = ("GET", "HEAD")
# Headers a later visitor must not receive: they belong to one request.
REQUEST_HEADERS = {"set-cookie", "x-request-id", "content-length"}


def content_version():
    """The current content version; None when the database cannot say (the view then shows what it can)."""
    try:
        return SiteState.version()
    except DatabaseError:
        return None


def is_anonymous_read(request):
    """A GET or HEAD of a public page by someone without a session."""
    return (
        request.method in CACHED_METHODS
        and len(request.get_full_path()) <= MAX_URL_LENGTH
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith("/" + settings.ADMIN_URL)
    )


def page_key(request, version):
    url = f"{request.scheme}:{request.method}:{request.get_full_path()}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"page:{settings.RELEASE_ID}:{version}:{digest}"


def is_cacheable_response(request, response):
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and not (user and user.is_authenticated)
    )


def mark_public(response):
    """Shared caches may keep the page for PUBLIC_MAX_AGE seconds; browsers revalidate it every time."""
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PUBLIC_MAX_AGE}"
    patch_vary_headers(response, ["Cookie"])
    set_response_etag(response)


def quietly(operation, *args):
    try:
        return operation(*args)
    except Exception:  # any cache failure: serve uncached, never an error page
        logger.warning("page cache unavailable", exc_info=True)
        return None


def replay(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response.from_page_cache = True
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = content_version() if is_anonymous_read(request) else None
        if version is None:
            return self.private(request, self.get_response(request))
        key = page_key(request, version)
        stored = quietly(cache.get, key)
        if stored is not None:
            return replay(stored)
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            mark_public(response)
            headers = [(name, value) for name, value in response.items() if name.lower() not in REQUEST_HEADERS]
            quietly(cache.set, key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def private(request, response):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or settings.SESSION_COOKIE_NAME in request.COOKIES:
            response["Cache-Control"] = "private, no-store"
        return response
