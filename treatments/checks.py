"""check_content for treatments and conditions: article references, and entries due for review."""

import difflib

from django.db import DatabaseError
from django.utils import timezone

from core.checks import register_database_check, register_reference_check
from core.problems import ERROR, WARNING, Problem

from .models import Condition, Treatment


def _slugs(model):
    try:
        return set(model.objects.values_list("slug", flat=True))
    except DatabaseError:
        return None


def check_article_references(parsed):
    """Each `treatments:` and `conditions:` slug in an article must exist, with a suggestion when it does not."""
    for key, model, values in (
        ("treatments", Treatment, parsed.meta.treatments),
        ("conditions", Condition, parsed.meta.conditions),
    ):
        known = _slugs(model) if values else set()
        if known is None:
            continue
        for slug in values:
            if slug not in known:
                close = difflib.get_close_matches(slug, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(sorted(known))}"
                yield Problem(parsed.path, 2, ERROR, f"'{key}' names '{slug}', which does not exist{hint}", "reference")


def check_entry_reviews():
    """Unreviewed or overdue treatment and condition pages, as warnings named after their admin page."""
    today = timezone.localdate()
    for model in (Treatment, Condition):
        for entry in model.objects.all():
            path = f"admin/{model._meta.model_name}/{entry.slug}"
            if not entry.is_reviewed:
                yield Problem(path, 1, WARNING, f"'{entry.name}' has not yet been reviewed by a clinician", "unreviewed")
            elif entry.next_review_due and entry.next_review_due < today:
                yield Problem(path, 1, WARNING, f"'{entry.name}' was due for review on {entry.next_review_due}", "review-due")


def register_checks():
    register_reference_check(check_article_references)
    register_database_check(check_entry_reviews)
