"""check_content: the strict gate staff and CI run; it prints PATH:LINE: level: message."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.checks import check_content
from articles.models import Article
from tests.conftest import PROJECT

LINE = re.compile(r"^(?P<path>[^:]+\.md|[^:]+):(?P<line>\d+): (?P<level>error|warning): (?P<message>.+)$")

pytestmark = pytest.mark.django_db


def run(capsys):
    try:
        call_command("check_content")
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().out.splitlines()


def test_clean_content_exits_0_with_no_lines(content, capsys):
    content.write("one", title="One")
    code, lines = run(capsys)
    # The starter treatments and conditions are honestly flagged as not yet reviewed.
    assert (code, [line for line in lines if not line.startswith("admin/")]) == (0, [])


def test_errors_exit_1_and_print_path_line_level_message(content, capsys):
    content.write("one", text="---\ntitle: One\nsummary: s\npublished: 2024-13-01\n---\nbody\n")
    code, lines = run(capsys)
    assert code == 1
    match = LINE.match(lines[0])
    assert match, lines[0]
    assert match["path"].endswith("articles/one.md") and match["line"] == "4" and match["level"] == "error"


def test_errors_come_before_warnings(content, capsys):
    content.write("aaa", title="A", sumary='"x"')
    content.write("zzz", text="---\ntitle: [\n---\n")
    code, lines = run(capsys)
    levels = [LINE.match(line)["level"] for line in lines]
    assert code == 1 and levels == sorted(levels)
    assert levels[0] == "error" and "warning" in levels


def test_warnings_alone_exit_0(content, capsys):
    content.write("one", sumary='"typo"')
    code, lines = run(capsys)
    assert code == 0
    assert any("did you mean 'summary'?" in line for line in lines)


def test_a_page_dated_later_is_named_with_the_day_it_appears(content, capsys):
    later = datetime.date.today() + datetime.timedelta(days=30)
    content.write("soon", published=later.isoformat())
    content.write("now", title="Now")
    code, lines = run(capsys)
    notes = [line for line in lines if "scheduled" in line]
    assert code == 0
    assert notes == [f"articles/soon.md: scheduled: it will appear on {later:%d %B %Y}, its published date"]


def test_duplicate_titles_are_reported(content):
    content.write("one", title="Same")
    content.write("two", title="Same")
    report = check_content()
    assert [p.path for p in report.errors] == ["articles/one.md", "articles/two.md"]
    assert "also used by articles/two.md" in report.errors[0].message
    assert "also used by articles/one.md" in report.errors[1].message


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ({"redirect_from": "[two]"}, {}, "is a live article"),
        ({"redirect_from": "[old]"}, {"redirect_from": "[old]"}, "also claimed by"),
        ({"redirect_from": "[one]"}, {}, "own slug"),
    ],
)
def test_redirect_clashes_are_errors(content, first, second, message):
    content.write("one", title="One", **first)
    content.write("two", title="Two", **second)
    assert any(message in p.message for p in check_content().errors)


def test_broken_link_to_another_article_names_its_line(content):
    content.write("one", title="One", body="Intro.\n\nSee [two](tow.md) for more.")
    content.write("two", title="Two")
    error = check_content().errors[0]
    assert error.code == "broken-link" and "did you mean 'two'?" in error.message
    assert error.line == 8


def test_link_to_a_redirected_slug_is_fine(content):
    content.write("one", title="One", body="See [two](old-two.md).")
    content.write("two", title="Two", redirect_from="[old-two]")
    assert check_content().errors == []


def test_missing_image_file_and_missing_alt(content):
    content.write("one", title="One", image="spine.jpg", image_alt='"A spine"')
    content.write("two", title="Two", image="spine.jpg")
    messages = [p.message for p in check_content().errors]
    assert any("'spine.jpg' is not in the images folder" in m for m in messages)
    assert any("'image_alt' is required" in m for m in messages)


def test_reading_grade_above_target_is_a_warning(content, settings):
    hard = (
        "Notwithstanding multidisciplinary considerations, interventional anesthesiologists "
        "occasionally administer corticosteroid preparations epidurally. "
    )
    content.write("hard", body=hard * 5)
    warning = next(p for p in check_content().warnings if p.code == "grade")
    assert "above the target of 8" in warning.message
    settings.CONTENT_READING_GRADE_TARGET = 60
    assert not [p for p in check_content().warnings if p.code == "grade"]


def test_check_changes_nothing(content):
    content.write("one")
    check_content()
    assert Article.objects.count() == 0


def test_missing_content_dir_is_a_clear_command_error(settings, tmp_path):
    settings.CONTENT_DIR = tmp_path / "nowhere"
    with pytest.raises(CommandError, match="does not exist"):
        call_command("check_content")


def test_shipped_content_has_no_errors_and_no_grade_warnings(settings):
    settings.CONTENT_DIR = PROJECT / "content"
    report = check_content()
    assert report.errors == []
    assert [p for p in report.warnings if p.code == "grade"] == []
    assert len(list((PROJECT / "content" / "articles").glob("*.md"))) >= 8
    assert report.scheduled == [], "every shipped page should be visible today"


def test_shipped_articles_are_long_enough_sourced_and_unreviewed(settings):
    from articles.discovery import scan
    from articles.parser import parse_article

    for candidate in scan(PROJECT / "content").candidates:
        parsed = parse_article(candidate.path, candidate.slug, candidate.absolute.read_bytes())
        # Spanish takes about a fifth more words than English to say the same thing.
        most = 1500 if parsed.language == "en" else 1900
        assert 500 <= parsed.word_count <= most, (candidate.path, parsed.word_count)
        assert parsed.meta.sources, candidate.path
        assert "review-claim" not in {p.code for p in parsed.problems}, candidate.path
        assert parsed.reading_grade <= settings.CONTENT_READING_GRADE_TARGET, (candidate.path, parsed.reading_grade)
