"""Treatment and condition pages, every cross-link direction, and automatic in-text links."""

import json
import re

import pytest

from articles.sync import sync_content
from tests.treatments.conftest import make_condition, make_treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(content):
    condition = make_condition()
    treatment = make_treatment()
    treatment.conditions.add(condition)
    other = make_treatment(slug="test-cold", name="Test cold therapy")
    content.write("about-heat", title="About heat", treatments="[test-heat]", conditions="[test-ache]")
    content.write("unrelated", title="Unrelated")
    sync_content()
    return treatment, condition, other


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_treatment_page_has_every_section(client, linked):
    html = page(client, "/treatments/test-heat/")
    for heading in ("At a glance", "What it is", "Why it is done", "Who should not have it", "Other options", "Risks",
                    "How to prepare", "What to expect", "Results", "Recovery and aftercare", "When to get help",
                    "Questions to ask your doctor", "Review status"):  # fmt: skip
        assert heading in html, heading
    alias = '<span class="alias"><span class="visually-hidden">: </span>Using heat to quiet a pain nerve</span>'
    assert f"Test heat therapy{alias}" in html
    assert "not yet been reviewed by a clinician" in html
    assert "Emergency: call 911 now:</span> After Test heat therapy" in html


def test_treatment_links_to_its_conditions_other_treatments_and_articles(client, linked):
    html = page(client, "/treatments/test-heat/")
    assert 'href="/conditions/test-ache/"' in html
    assert 'href="/treatments/test-cold/"' in html
    assert 'href="/articles/about-heat/"' in html and "/articles/unrelated/" not in html


def test_condition_links_to_treatments_that_may_help_and_articles(client, linked):
    html = page(client, "/conditions/test-ache/")
    assert 'href="/treatments/test-heat/"' in html
    assert 'href="/articles/about-heat/"' in html
    assert "Other names: testy pain, mock ache" in html
    assert "Keep moving" in html and "Don&#x27;t rest for days" in html


def test_article_links_to_its_treatments_and_conditions(client, linked):
    html = page(client, "/articles/about-heat/")
    learn_more = html[html.index("Learn more") :]
    assert 'href="/treatments/test-heat/"' in learn_more and 'href="/conditions/test-ache/"' in learn_more


def test_lists_show_published_entries_and_comparison_table(client, linked):
    make_treatment(slug="hidden-one", name="Hidden therapy", draft=True)
    html = page(client, "/treatments/")
    assert "Test heat therapy" in html and "Hidden therapy" not in html
    assert '<th scope="row">How long it takes</th>' in html
    assert "<caption>" in html
    assert "Test ache" in page(client, "/conditions/")


def test_draft_entries_are_404_for_the_public_and_previewed_by_staff(client, staff_user):
    make_treatment(slug="hidden-one", name="Hidden therapy", draft=True)
    assert client.get("/treatments/hidden-one/").status_code == 404
    client.force_login(staff_user)
    assert "Preview." in page(client, "/treatments/hidden-one/")


def test_unknown_entries_are_404(client, db):
    assert client.get("/treatments/nope/").status_code == 404
    assert client.get("/conditions/nope/").status_code == 404


def test_first_mention_in_an_article_links_once_and_never_in_headings_links_or_code(client, content, linked):
    body = """
    ## Test heat therapy in a heading

    Our `Test heat therapy` code span. A [link about test heat therapy](https://example.org).

    You may have mock ache. Test heat therapy may help. Test heat therapy again.
    """
    content.write("mentions", title="Mentions", body=body)
    sync_content()
    html = page(client, "/articles/mentions/")
    prose = html[html.index('<div class="prose">') : html.index("</div>", html.index('<div class="prose">'))]
    assert prose.count('href="/treatments/test-heat/"') == 1
    assert prose.count('href="/conditions/test-ache/"') == 1
    assert '<a href="/conditions/test-ache/" class="topic-link">mock ache</a>' in prose
    assert '<a href="/treatments/test-heat/" class="topic-link">Test heat therapy</a> may help' in prose
    assert re.search(r"<h2[^>]*>Test heat therapy in a heading</h2>", prose)
    assert "<code>Test heat therapy</code>" in prose
    assert ">link about test heat therapy</a>" in prose


def _json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_json_ld_describes_procedure_and_condition(client, linked):
    treatment = _json_ld(page(client, "/treatments/test-heat/"))
    assert treatment["@type"] == "MedicalWebPage"
    assert treatment["audience"]["audienceType"] == "Patient"
    assert treatment["about"]["@type"] == "MedicalProcedure"
    assert "reviewedBy" not in treatment
    condition = _json_ld(page(client, "/conditions/test-ache/"))
    assert condition["about"]["@type"] == "MedicalCondition"
    assert condition["about"]["possibleTreatment"][0]["name"] == "Test heat therapy"
    assert condition["about"]["alternateName"] == ["testy pain", "mock ache"]


@pytest.mark.parametrize("path", ["/", "/articles/", "/articles/about-heat/", "/treatments/", "/conditions/", "/nope/"])
def test_every_page_has_valid_json_ld(client, linked, path):
    response = client.get(path)
    data = _json_ld(response.content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"


def test_json_ld_escapes_markup_and_claims_no_review_that_did_not_happen(client, db):
    make_treatment(slug="escaped-one", name="</script><script>alert(1)</script>")
    html = page(client, "/treatments/escaped-one/")
    assert "<script>alert(1)" not in html
    data = _json_ld(html)
    assert "reviewedBy" not in data and "lastReviewed" not in data
    assert data["about"]["name"] == "</script><script>alert(1)</script>"
