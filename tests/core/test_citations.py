"""Sources as citations: read the same way from front matter and the admin, shown as links with their date."""

import datetime

import pytest

from articles.sync import sync_content
from core.citations import OLD_STYLE, Citation, read_citation

FULL = {
    "title": "Sciatica",
    "publisher": "NHS",
    "url": "https://www.nhs.uk/conditions/sciatica/",
    "checked": datetime.date(2026, 11, 30),
}


def test_a_full_citation_is_read_without_a_problem():
    citation, problems = read_citation(FULL)
    assert citation == Citation("Sciatica", "NHS", "https://www.nhs.uk/conditions/sciatica/", datetime.date(2026, 11, 30))
    assert problems == []


def test_an_old_plain_text_source_still_works_with_a_warning():
    citation, problems = read_citation("NHS: Sciatica (nhs.uk)")
    assert citation == Citation("NHS: Sciatica (nhs.uk)")
    assert problems == [("warning", OLD_STYLE)]


@pytest.mark.parametrize(
    "value,message",
    [
        ({**FULL, "url": "javascript:alert(1)"}, "is not a web address"),
        ({**FULL, "url": "//evil.example/x"}, "is not a web address"),
        ({**FULL, "url": "https://exa mple.org"}, "is not a web address"),
        ({**FULL, "title": "  "}, "every source needs a 'title'"),
        ({**FULL, "checked": "last week"}, "'checked' that is not a date"),
        ({**FULL, "title": ["a", "list"]}, "'title' must be text"),
        (["not", "a", "citation"], "each source must be a citation"),
        ("", "a source is empty"),
    ],
)
def test_a_broken_citation_is_an_error_that_says_what_to_fix(value, message):
    citation, problems = read_citation(value)
    assert citation is None and len(problems) == 1
    assert problems[0][0] == "error" and message in problems[0][1]


def test_a_citation_missing_its_parts_is_kept_with_a_warning_for_each():
    citation, problems = read_citation({"title": "A page"})
    assert citation == Citation("A page")
    assert [message for _, message in problems] == [
        "the source 'A page' has no 'publisher' (who published it)",
        "the source 'A page' has no 'url' (its web address)",
        "the source 'A page' has no 'checked' (the day you checked it)",
    ]


@pytest.mark.django_db
def test_an_article_shows_its_sources_as_links_with_the_day_they_were_checked(client, content):
    sources = (
        '[{title: Sciatica, publisher: NHS, url: "https://www.nhs.uk/conditions/sciatica/", checked: 2026-11-30}, "An old note"]'
    )
    content.write("cited", sources=sources)
    sync_content()
    html = client.get("/articles/cited/").content.decode()
    assert '<a href="https://www.nhs.uk/conditions/sciatica/">Sciatica</a>, NHS.' in html
    assert 'Link checked <time datetime="2026-11-30">November 30, 2026</time>' in html
    assert "<li>An old note</li>" in html


@pytest.mark.django_db
def test_a_treatment_shows_its_sources_the_same_way(client):
    from treatments.models import Treatment

    treatment = Treatment.objects.get(slug="nerve-blocks")
    source = treatment.sources.first()
    html = client.get(treatment.get_absolute_url()).content.decode()
    assert f'<a href="{source.url}">{source.title}</a>, {source.publisher}' in html
