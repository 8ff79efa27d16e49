"""The 'Was this page helpful?' form's answer: works without JavaScript, keeps pages cacheable, stores no person."""

from urllib.parse import urlsplit

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import limits
from .models import COMMENT_MAX, Feedback


def _answer(request, template, status, **context):
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"ok": status == 200, **{k: v for k, v in context.items() if isinstance(v, str)}}, status=status)
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _known_page(path):
    """A path on this site that is a real page (never another site, never the admin)."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path or len(path) > 300:
        return False
    try:
        match = resolve(urlsplit(path).path)
    except (Resolver404, Http404):
        return False
    return match.app_name not in ("admin", "feedback")


# No CSRF token: it would put a per-visitor value into every cached page. The note changes nothing but a row
# staff read, and is refused from other sites (Origin), from robots (a hidden field) and in floods (rate limit).
@csrf_exempt
@require_POST
def send_feedback(request):
    if int(request.META.get("CONTENT_LENGTH") or 0) > limits.MAX_BODY_BYTES:
        return _answer(request, "feedback/refused.html", 413, reason="too-long")
    origin = request.headers.get("Origin")
    if origin and urlsplit(origin).netloc != request.get_host():
        return _answer(request, "feedback/refused.html", 403, reason="other-site")
    page, helpful = request.POST.get("page", ""), request.POST.get("helpful", "")
    comment = " ".join(request.POST.get("comment", "").split())
    if not _known_page(page) or helpful not in ("yes", "no"):
        return _answer(request, "feedback/refused.html", 400, reason="invalid")
    if len(comment) > COMMENT_MAX:  # the form says 500 letters; a reader who wrote more is told so
        return _answer(request, "feedback/refused.html", 400, reason="too-long")
    if request.POST.get("website"):  # the hidden field only robots fill in: thank them, keep nothing
        return _answer(request, "feedback/thanks.html", 200, page=page)
    if not limits.allow(request):
        return _answer(request, "feedback/refused.html", 429, reason="too-many")
    Feedback.objects.create(page=page, helpful=helpful == "yes", comment=comment, language=(get_language() or "en")[:5])
    return _answer(request, "feedback/thanks.html", 200, page=page)
