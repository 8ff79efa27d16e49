"""Safety messages written once and placed by slug; risks that label themselves; key points and help up top."""

import re

import pytest
from django.core.exceptions import ValidationError

from articles.checks import check_content
from articles.sync import sync_content
from tests.treatments.conftest import make_card, make_condition, make_treatment
from treatments.models import CareCard, Condition, Risk, Treatment

pytestmark = pytest.mark.django_db


def card_section(html, slug):
    match = re.search(rf'<section class="care-card[^"]*" id="card-{slug}".*?</section>', html, re.DOTALL)
    assert match, f"card {slug} is not on the page"
    return match.group(0)


def test_a_card_placed_by_slug_renders_exactly_as_on_a_treatment_page(client, content):
    card = make_card(slug="after-the-test-shot", title="After the test shot", body="- You cannot pee\n- New leg weakness")
    treatment = make_treatment(card=False)
    treatment.care_cards.add(card)
    content.write("shots", title="Shots", body="## After\n\nRead this.\n\n[[card: after-the-test-shot]]\n\nMore words.")
    sync_content()
    on_article = card_section(client.get("/articles/shots/").content.decode(), card.slug)
    on_treatment = card_section(client.get(treatment.get_absolute_url()).content.decode(), card.slug)
    assert on_article == on_treatment
    assert "Emergency: call 911 now:</span> After the test shot" in on_article and "You cannot pee" in on_article


def test_a_card_edit_shows_on_every_page_that_places_it(client, content):
    card = make_card(slug="edit-me", title="Edit me")
    content.write("one", body="[[card: edit-me]]\n\nWords.")
    content.write("two", body="Words.\n\n[[card: edit-me]]")
    sync_content()
    for path in ("/articles/one/", "/articles/two/"):
        client.get(path)
    card.body = "- A sign added after the pages were cached"
    card.save()
    for path in ("/articles/one/", "/articles/two/"):
        assert "A sign added after the pages were cached" in client.get(path).content.decode()


def test_an_unknown_card_slug_is_an_error_with_its_line(content):
    assert CareCard.objects.filter(slug="emergency-after-procedure").exists()  # shipped with the starter cards
    content.write("typo", body="## After\n\nWords here.\n\n[[card: emergency-after-procedur]]\n")
    problems = [p for p in check_content().errors if p.code == "unknown-card"]
    assert len(problems) == 1 and problems[0].path == "articles/typo.md" and problems[0].line == 10
    assert "there is no care card 'emergency-after-procedur'; did you mean 'emergency-after-procedure'?" in problems[0].message


def test_a_garbled_placement_is_an_error_and_the_last_good_version_stays(client, content):
    make_card(slug="after")
    path = content.write("placed", title="Placed", body="[[card: after]]\n\nWords.")
    sync_content()
    path.write_text(path.read_text().replace("[[card: after]]", "[[Card after]]"))
    report = sync_content()
    assert [p.code for p in report.failed] == ["card"] and report.failed[0].line == 6
    assert 'id="card-after"' in client.get("/articles/placed/").content.decode()


HAND_WRITTEN = """## Help

!!! warning "Get help"
    Call 911 if your legs go weak.

If you have these, go to the emergency room:

- Fever
- Weakness
"""


def test_a_hand_written_emergency_list_is_a_warning(content):
    content.write("handmade", body=HAND_WRITTEN)
    warnings = [(p.line, p.code) for p in check_content().warnings if p.path == "articles/handmade.md"]
    assert warnings == [(8, "hand-written-emergency"), (11, "hand-written-emergency")]


def test_a_placed_card_is_not_mistaken_for_a_hand_written_list(content):
    content.write("good", body="If any of these happen, call 911.\n\n[[card: emergency-after-procedure]]\n")
    assert [p for p in check_content().problems if p.path == "articles/good.md"] == []


def test_a_missing_card_still_tells_the_reader_to_get_help(client, content):
    make_card(slug="gone-soon")
    content.write("orphan", body="Words.\n\n[[card: gone-soon]]")
    sync_content()
    CareCard.objects.filter(slug="gone-soon").delete()
    html = client.get("/articles/orphan/").content.decode()
    assert "If you think you need urgent care, call 911 or your doctor now." in html


def test_a_risk_s_heading_comes_from_its_band(client):
    treatment = make_treatment()
    Risk.objects.create(treatment=treatment, description="Soreness where the needle went in", band="very_common")
    Risk.objects.create(treatment=treatment, description="Infection", band="common", frequency="about 2 to 5 in 100")
    Risk.objects.create(treatment=treatment, description="Nerve damage", band="very_rare", course="lasts", important=True)
    html = client.get(treatment.get_absolute_url()).content.decode()
    risks = html[html.index('id="risks"') :]
    assert risks.index("Very common<") < risks.index("Soreness") < risks.index("Common<") < risks.index("Infection")
    assert risks.index("Infection (about 2 to 5 in 100)") < risks.index("Very rare<") < risks.index("Nerve damage")
    assert 'Nerve damage. <span class="risk-course">Can last, or may need more treatment.</span>' in risks
    glance = html[html.index('id="glance-heading"') : html.index('id="risks"')]
    assert "Nerve damage (very rare)" in glance and "Infection" not in glance


@pytest.mark.parametrize(
    "band,frequency",
    [("rare", "a few in 100"), ("rare", "about 3 in 100"), ("common", "1 in 6"), ("very_rare", "1 in 1,000"),
     ("not_known", "about 1 in 100"), ("uncommon", "about 1 to 20 in 100")],
)  # fmt: skip
def test_a_risk_cannot_be_filed_under_a_band_its_words_disagree_with(band, frequency):
    treatment = make_treatment()
    risk = Risk(treatment=treatment, description="Infection", band=band, frequency=frequency)
    with pytest.raises(ValidationError):
        risk.full_clean()
    with pytest.raises(ValidationError):
        risk.save()
    assert not treatment.risks.exists()


def test_the_admin_names_the_band_a_frequency_belongs_to(client, django_user_model):
    from tests.treatments.test_admin import _form_data

    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    treatment = make_treatment()
    url = f"/admin/treatments/treatment/{treatment.pk}/change/"
    data = _form_data(client, url)
    data.update({"risks-TOTAL_FORMS": "1", "risks-0-description_en": "Infection", "risks-0-band": "rare",
                 "risks-0-frequency_en": "about 3 in 100", "risks-0-course": "passes", "risks-0-order": "0"})  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "does not fit the band &#x27;rare&#x27;" in response.content.decode() and "is common" in response.content.decode()
    assert not treatment.risks.exists()


def _summary_and_first_section(html, first_section_id):
    return html.index('id="help-summary-heading"'), html.index(f'id="{first_section_id}"')


def test_every_treatment_page_opens_with_key_points_then_glance_then_when_to_get_help(client):
    for treatment in Treatment.objects.published():
        html = client.get(treatment.get_absolute_url()).content.decode()
        key_points, glance = html.index('id="key-points-heading"'), html.index('id="glance-heading"')
        summary, results = _summary_and_first_section(html, "results")
        assert key_points < glance < summary < results, treatment.slug
        assert html.index("<h1") < key_points < html.index('id="overview"'), treatment.slug


def test_every_condition_page_opens_with_key_points_then_when_to_get_help(client):
    for condition in Condition.objects.published():
        html = client.get(condition.get_absolute_url()).content.decode()
        summary, symptoms = _summary_and_first_section(html, "symptoms")
        assert html.index('id="key-points-heading"') < summary < symptoms, condition.slug


def test_the_summary_links_each_urgent_card_in_urgency_order(client):
    condition = make_condition(card=False)
    for urgency in ("soon", "same_day", "emergency"):
        condition.care_cards.add(make_card(slug=f"card-{urgency}", urgency=urgency, summary=f"{urgency} signs"))
    html = client.get(condition.get_absolute_url()).content.decode()
    summary = html[html.index('id="help-summary-heading"') : html.index("</section>", html.index('id="help-summary-heading"'))]
    assert summary.index("Call 911 now if you have:</strong> emergency signs") < summary.index("same_day signs")
    assert "soon signs" not in summary and 'href="#card-card-emergency"' in summary
    full = html[html.index('id="help"') :]
    assert full.index('id="card-card-emergency"') < full.index('id="card-card-same_day"') < full.index('id="card-card-soon"')


def test_key_points_must_number_three_to_five():
    treatment = make_treatment(key_points="Only one point.")
    with pytest.raises(ValidationError, match="Write 3 to 5 key points"):
        treatment.full_clean()
