"""Staff tools: the clinical review queue, one item with its approve button, and the impact dashboard."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.safestring import mark_safe

from articles.models import Article
from reviews.approval import approve, can_approve
from reviews.diff import readable_diff
from reviews.items import all_items, item_for
from reviews.models import ARTICLE, CARD
from reviews.status import CHANGED, queue, status_of
from treatments.models import Condition, Treatment

from .dashboard import impact_figures
from .previews import main_content, render_article, render_entry
from .translations import translation_tasks


def review_queue(request):
    context = {"queue": queue(all_items()), "title": "Clinical review queue", "can_approve": can_approve(request.user)}
    return TemplateResponse(request, "editorial/review_queue.html", context)


def _patient_view(request, item):
    """The page as patients see it (a care card is shown on its own)."""
    if item.kind == CARD:
        return None
    with translation.override(item.language):
        if item.kind == ARTICLE:
            return main_content(render_article(request, Article.objects.get(slug=item.key), staff_view=True))
        model = Treatment if item.kind == "treatment" else Condition
        return main_content(render_entry(request, model.objects.get(slug=item.key), staff_view=True))


def review_item(request, kind, language, key):
    item = item_for(kind, key, language)
    if item is None:
        raise Http404("Nothing to review here")
    if request.method == "POST":
        try:
            approve(item, request.user, request.POST.get("fingerprint", ""), request.POST.get("note", ""))
        except PermissionDenied:
            raise
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Approved: {item.title}. The page now shows your review.")
            return redirect("admin:reviews_queue")
    status = status_of(item)
    context = {
        "item": item,
        "status": status,
        "diff": readable_diff(status.review.text, item.text) if status.state == CHANGED else None,
        "patient_view": mark_safe(_patient_view(request, item) or ""),  # noqa: S308 (our own rendered page)
        "can_approve": can_approve(request.user),
        "title": f"Review: {item.title}",
        "staff_view": True,
    }
    return TemplateResponse(request, "editorial/review_item.html", context)


def translations(request):
    context = {"tasks": translation_tasks(), "title": "Translations to update"}
    return TemplateResponse(request, "editorial/translations.html", context)


def impact(request):
    context = {**impact_figures(), "title": "Impact: what readers found helpful, and what they could not find"}
    return TemplateResponse(request, "editorial/impact.html", context)
