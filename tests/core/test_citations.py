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


def test_spaces_and_line_breaks_in_a_citation_are_tidied_as_the_page_shows_them():
    citation, problems = read_citation({**FULL, "title": "  Sciatica:\n  the   basics ", "publisher": " NHS\tEngland "})
    assert (citation.title, citation.publisher) == ("Sciatica: the basics", "NHS England") and problems == []
    assert read_citation("  NHS:\n Sciatica  ")[0] == Citation("NHS: Sciatica")


@pytest.mark.parametrize(
    "value,message",
    [
        ("x" * 301, "a source is longer than 300 characters"),
        ({**FULL, "title": "x" * 301}, "a source's 'title' is longer than 300 characters"),
        ({**FULL, "publisher": "x" * 121}, "a source's 'publisher' is longer than 120 characters"),
        ({**FULL, "url": "https://example.org/" + "x" * 481}, "a source's 'url' is longer than 500 characters"),
        ({**FULL, "publisher": 5}, "a source's 'publisher' must be text"),
        ({**FULL, "url": ["https://example.org/"]}, "a source's 'url' must be text"),
        ({**FULL, "title": None}, "every source needs a 'title': the page's name as its publisher gives it"),
        (
            {**FULL, "checked": datetime.datetime(2026, 11, 30, 9, 0)},
            "the source 'Sciatica' has a 'checked' that is not a date written YYYY-MM-DD",
        ),
        (
            {**FULL, "url": "ftp://files.example.org/x"},
            "the source 'Sciatica': 'ftp://files.example.org/x' is not a web address; it must start with https:// (or http://)",
        ),
        (
            {**FULL, "url": "https:///no-host"},
            "the source 'Sciatica': 'https:///no-host' is not a web address; it must start with https:// (or http://)",
        ),
        (42, "each source must be a citation with 'title', 'publisher', 'url' and 'checked'"),
        ("   ", "a source is empty"),
    ],
)
def test_each_broken_citation_is_refused_with_words_that_say_what_to_change(value, message):
    assert read_citation(value) == (None, [("error", message)])


def test_citations_at_their_length_limits_are_kept():
    value = {**FULL, "title": "t" * 300, "publisher": "p" * 120, "url": "https://example.org/" + "u" * 480}
    citation, problems = read_citation(value)
    assert citation is not None and problems == []
    assert read_citation("t" * 300)[0] == Citation("t" * 300)


def test_an_http_address_and_a_citation_without_a_date_are_accepted():
    citation, problems = read_citation({**FULL, "url": "http://example.org/page", "checked": None})
    assert citation.url == "http://example.org/page" and citation.checked is None
    assert problems == [("warning", "the source 'Sciatica' has no 'checked' (the day you checked it)")]


def test_unknown_keys_are_ignored_with_a_warning_each():
    citation, problems = read_citation({**FULL, "author": "Someone", "year": 2020})
    assert citation == read_citation(FULL)[0]
    assert problems == [
        ("warning", "unknown key 'author' in a source is ignored"),
        ("warning", "unknown key 'year' in a source is ignored"),
    ]


def test_a_citation_is_stored_and_read_back_unchanged():
    for citation in (read_citation(FULL)[0], Citation("Only a title")):
        assert Citation.from_json(citation.as_json()) == citation
    assert read_citation(FULL)[0].as_json() == {
        "title": "Sciatica",
        "publisher": "NHS",
        "url": "https://www.nhs.uk/conditions/sciatica/",
        "checked": "2026-11-30",
    }
    assert Citation.from_json("NHS: Sciatica") == Citation("NHS: Sciatica")
    assert Citation.from_json({"title": "Only a title"}) == Citation("Only a title")
