import sys

from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.models import Article
from articles.views import CARD_FIELDS
from treatments.models import Condition, Treatment
from treatments.relations import comparison_rows

from .health import health
from .models import GlossaryTerm
from .renditions import RENDITION_DIR, RENDITION_NAME


class HomeView(TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        treatments = Treatment.objects.published()
        context.update(
            latest_articles=Article.objects.published().only(*CARD_FIELDS)[:4],
            conditions=Condition.objects.published(),
            treatments=treatments,
            comparison=comparison_rows(treatments),
        )
        return context


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


class GlossaryView(TemplateView):
    template_name = "core/glossary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letters"] = glossary_by_letter(GlossaryTerm.objects.all())
        return context


def glossary_by_letter(terms):
    """[(letter, [terms])] for every letter A to Z (empty letters included, for the jump list)."""
    groups = {chr(code): [] for code in range(ord("A"), ord("Z") + 1)}
    for term in terms:
        groups.setdefault(term.letter, []).append(term)
    return list(groups.items())


def rendition(request, name):
    """Serve a rendition from local storage, cacheable forever (its name changes when the picture does)."""
    if not RENDITION_NAME.fullmatch(name) or not default_storage.exists(f"{RENDITION_DIR}/{name}"):
        raise Http404("No such picture")
    response = FileResponse(default_storage.open(f"{RENDITION_DIR}/{name}"), content_type=CONTENT_TYPES[name.rsplit(".", 1)[1]])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


CONTENT_TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}
