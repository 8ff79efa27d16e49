"""check_content for treatments, conditions and care cards: article references, card placements, and entries."""

import difflib

from django.conf import settings
from django.db import DatabaseError

from core.checks import register_database_check, register_reference_check
from core.citations import OLD_STYLE
from core.problems import ERROR, WARNING, Problem
from rendering import cards as card_placement

from .models import MAX_KEY_POINTS, MIN_KEY_POINTS, CareCard, Condition, Treatment


def _slugs(model):
    try:
        return set(model.objects.values_list("slug", flat=True))
    except DatabaseError:
        return None


def _unknown(slug, known):
    close = difflib.get_close_matches(slug, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(sorted(known))}"


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
                yield Problem(
                    parsed.path, 2, ERROR, f"'{key}' names '{slug}', which does not exist{_unknown(slug, known)}", "reference"
                )


def check_card_placements(parsed):
    """Every `[[card: SLUG]]` must name a care card that exists: a page must never lose its safety message."""
    known = _slugs(CareCard) if parsed.card_placements else set()
    if known is None:
        return
    for slug, line in parsed.card_placements:
        if slug not in known:
            message = f"there is no care card '{slug}'{_unknown(slug, known)}"
            yield Problem(parsed.path, line, ERROR, message, "unknown-card")


def _entry_path(entry):
    return f"admin/{entry._meta.model_name}/{entry.slug}"


def check_entries():
    """Treatment and condition pages: key points, reading grade, sources and card placements."""
    known_cards = set(CareCard.objects.values_list("slug", flat=True))
    for model in (Treatment, Condition):
        for entry in model.objects.prefetch_related("sources"):
            path = _entry_path(entry)
            yield from _entry_content(entry, path, known_cards)


def _entry_content(entry, path, known_cards):
    count = len(entry.key_point_list)
    if not MIN_KEY_POINTS <= count <= MAX_KEY_POINTS:
        message = f"'{entry.name}' has {count} key points; write {MIN_KEY_POINTS} to {MAX_KEY_POINTS}"
        yield Problem(path, 1, WARNING, message, "key-points")
    grade, target = entry.reading_grade(), settings.CONTENT_READING_GRADE_TARGET
    if grade > target:
        message = (
            f"'{entry.name}' reads at grade {grade}, above the target of {target:g}: use shorter sentences and everyday words"
        )
        yield Problem(path, 1, WARNING, message, "grade")
    for source in entry.sources.all():
        if not source.url:
            yield Problem(path, 1, WARNING, f"'{entry.name}': the source '{source.title[:60]}': {OLD_STYLE}", "source")
    for name in entry.MARKDOWN_FIELDS:
        for slug, _ in card_placement.placements(getattr(entry, name))[0]:
            if slug not in known_cards:
                message = f"'{entry.name}' ({name}) places the care card '{slug}', which does not exist"
                yield Problem(path, 1, ERROR, message, "unknown-card")


def register_checks():
    register_reference_check(check_article_references)
    register_reference_check(check_card_placements)
    register_database_check(check_entries)
