"""Request logging, security headers, and the styled 503 when the database is away."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

logger = logging.getLogger("pain_site.requests")
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id(environ):
    """The proxy's request id (nginx's $request_id) when it looks like one, else a new one."""
    incoming = environ.get("HTTP_X_REQUEST_ID", "")
    return incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestLogMiddleware:
    """One log line per request, tagged with a request id that is echoed in the X-Request-ID header.

    An id set by the proxy (nginx's $request_id) is kept, so both logs can be joined.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id(request.META)
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        logger.info(
            "%s %s %s %d %.1fms %s",
            request.id,
            request.method,
            request.get_full_path()[:300],
            response.status_code,
            (time.perf_counter() - started) * 1000,
            "cache-hit" if getattr(response, "from_page_cache", False) else "-",
        )
        return response


def content_security_policy():
    directives = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
    if settings.HTTPS:
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set: CSP, Permissions-Policy, and admin's noindex."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = content_security_policy()
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.csp)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(self.admin_prefix):
            response["X-Robots-Tag"] = "noindex, nofollow"
            response["Cache-Control"] = "private, no-store"
        return response


class LanguageFromAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, with the language taken from the address alone.

    English pages have no prefix and Spanish ones start with /es/ (i18n_patterns with
    prefix_default_language off), so the browser's Accept-Language never changes a page;
    saying `Vary: Accept-Language` would only split every shared cache's copy of each page.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [part.strip() for part in response["Vary"].split(",") if part.strip().lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
