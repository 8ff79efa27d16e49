"""Site-wide responses: the health check and the error pages."""

import sys

from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .health import health


@never_cache
def healthz(request):
    healthy, reason = health()
    return JsonResponse({"status": reason}, status=200 if healthy else 503)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A styled error page. When the database has gone away, say so with a 503 the load balancer understands."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "500.html", status=500)
