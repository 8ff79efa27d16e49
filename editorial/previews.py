"""Render a page exactly as patients see it, for the admin's preview of unsaved changes and the review queue."""

import re

from django.test import RequestFactory

from core import previews
from pages.views.articles import ArticleDetailView
from pages.views.entries import ConditionDetailView, TreatmentDetailView
from treatments.models import Condition, Treatment

VIEWS = {Treatment: TreatmentDetailView, Condition: ConditionDetailView}
MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.DOTALL)


def _public_request(request, url):
    """A GET for the public page, made by the same person (so staff see drafts), never touching the page cache."""
    public = RequestFactory().get(url, HTTP_HOST=request.get_host())
    public.user = request.user
    public.session = getattr(request, "session", None)
    return public


def _render(view_class, request, obj, extra):
    page = view_class()
    page.setup(_public_request(request, obj.get_absolute_url()), slug=obj.slug)
    page.object = obj
    response = page.render_to_response(page.get_context_data(object=obj, **extra))
    response.render()
    response["Cache-Control"] = "private, no-store"
    return response


def render_entry(request, obj, **extra):
    return _render(VIEWS[type(obj)], request, obj, extra)


def render_article(request, article, **extra):
    return _render(ArticleDetailView, request, article, extra)


def preview_entry(request, obj):
    """The admin's preview of unsaved changes: the public page, with a banner saying nothing is saved."""
    return render_entry(request, obj, unsaved_preview=True)


def main_content(response):
    """The page's <main> element, as patients see it."""
    match = MAIN.search(response.content.decode())
    return match.group(1) if match else ""


def register_all():
    for model in VIEWS:
        previews.register(model, preview_entry)
