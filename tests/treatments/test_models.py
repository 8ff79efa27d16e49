"""Treatment and condition models: sanitized rendering, visibility, review dates."""

import datetime

import pytest
from django.utils import timezone

from tests.treatments.conftest import make_treatment
from treatments.models import Condition, Treatment, lines

pytestmark = pytest.mark.django_db


def test_markdown_fields_are_rendered_and_sanitized_on_save():
    treatment = make_treatment(overview="**Bold** <script>alert(1)</script> [x](javascript:alert(2))")
    html = treatment.html("overview")
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html and "javascript:" not in html


def test_care_card_body_is_sanitized():
    treatment = make_treatment()
    card = treatment.care_cards.get()
    card.body = "<img src=x onerror=alert(1)> - Chest pain"
    card.save()
    assert "onerror" not in card.body_html


def test_published_rule_hides_drafts_and_future_entries():
    make_treatment(slug="live-one", name="Live")
    make_treatment(slug="draft-one", name="Draft", draft=True)
    make_treatment(slug="later-one", name="Later", published=timezone.localdate() + datetime.timedelta(days=1))
    slugs = set(Treatment.objects.published().values_list("slug", flat=True))
    assert "live-one" in slugs and "draft-one" not in slugs and "later-one" not in slugs


def test_an_entry_added_in_the_clinics_evening_shows_at_once_though_the_server_is_already_in_tomorrow(monkeypatch):
    """The clinic's day, not the server's, decides "today": 20:30 in New York is already tomorrow in UTC."""
    evening = datetime.datetime(2031, 3, 1, 1, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: evening)
    treatment = make_treatment(slug="added-tonight")
    assert treatment.published == datetime.date(2031, 2, 28)
    assert Treatment.objects.published().filter(slug="added-tonight").exists()


def test_at_a_glance_lists_every_fact_with_a_plain_label():
    facts = dict(make_treatment().at_a_glance)
    assert facts["How long it takes"] == "About an hour"
    assert facts["How invasive"] == "Needles through the skin: no cut"
    assert len(facts) == 9


def test_lines_drops_blanks_and_list_dashes():
    assert lines("- one\n\n* two\nthree  \n") == ["one", "two", "three"]


def test_care_cards_sort_by_urgency(condition):
    from tests.treatments.conftest import make_card

    condition.care_cards.add(make_card(urgency="emergency", title="Call now"))
    condition.care_cards.add(make_card(urgency="same_day", title="Call today"))
    assert [card.urgency for card in Condition.objects.get(pk=condition.pk).sorted_care_cards] == [
        "emergency",
        "same_day",
        "soon",
    ]
