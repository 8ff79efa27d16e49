"""Search ranks a bounded set of candidates; what a reader sees must not depend on where the bound falls.

The bounds are made tiny here so that a dozen pages play the part of thousands.
"""

import pytest

from articles.sync import sync_content
from search import ranking
from search.service import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_bounds(monkeypatch):
    monkeypatch.setattr(ranking, "WORD_CANDIDATES", 3)
    monkeypatch.setattr(ranking, "CANDIDATES", 5)


def write_stories(content, count=12):
    for number in range(count):
        content.write(f"story-{number:02}", title=f"Story {number}", body="An okapi walks. The okapi eats leaves.")


def test_a_title_match_comes_first_when_the_word_is_on_more_pages_than_are_ranked(content, small_bounds):
    write_stories(content)
    content.write("zz-okapi", title="Okapi", body="All about them.")
    sync_content()
    page = search("okapi")
    assert page.results[0].url == "/articles/zz-okapi/"
    assert page.total == 13 and page.pages == 2


def test_a_rare_word_finds_its_page_when_the_other_word_is_on_every_page(content, small_bounds):
    write_stories(content)
    content.write("zz-zebra", title="Another story", body="An okapi met a zebra by the river.")
    sync_content()
    assert search("okapi zebra").results[0].url == "/articles/zz-zebra/"


def test_the_count_leaves_out_drafts_and_later_pages(content, small_bounds):
    write_stories(content)
    content.write("draft", title="Draft story", body="An okapi draft.", draft="true")
    content.write("later", title="Later story", body="An okapi later.", published="2999-01-01")
    sync_content()
    page = search("okapi")
    assert page.total == 12
    assert all(result.url not in ("/articles/draft/", "/articles/later/") for result in page.results)


def test_a_misspelling_found_only_on_a_draft_is_still_corrected(content):
    content.write("okapi", title="Okapi facts", body="The okapi lives in the forest.")
    content.write("secret", title="Secret notes", body="An okapo, spelt wrong.", draft="true")
    sync_content()
    page = search("okapo")
    assert page.corrected == "okapi" and page.showing_corrected
    assert [result.url for result in page.results] == ["/articles/okapi/"]


def test_a_typo_next_to_a_word_the_site_has_shows_results_and_offers_the_fix(shipped_site):
    page = search("nerv blok")
    assert page.corrected == "nerv block" and not page.showing_corrected
    assert page.results
