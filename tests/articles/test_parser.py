"""Front matter and schema: every corpus file, and each error kind with the line it names."""

import datetime
import time

import pytest

from articles.parser import parse_article
from core.citations import OLD_STYLE
from tests.conftest import CORPUS, article_text

FRONT_MATTER = sorted((CORPUS / "yaml_frontmatter").glob("*.md"))
ACCEPTED = {"00", "19", "34", "35", "36", "38", "39", "40", "41", "46", "47"}


def parse(text, slug="aspirin", max_bytes=200_000):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_article(f"articles/{slug}.md", slug, raw, max_bytes=max_bytes)


def corpus_errors(parsed):
    # The corpus files predate our schema and lack summary and published; every other error counts.
    return [p for p in parsed.problems if p.is_error and p.code != "missing-required"]


@pytest.mark.parametrize("path", FRONT_MATTER, ids=lambda p: p.name)
def test_front_matter_corpus_accepts_or_refuses_with_a_line(path):
    started = time.monotonic()
    # 21 repeats the slug of 00; saved under its own name it must not take over 00's page.
    slug = "another-page" if path.name.startswith("21") else "aspirin"
    parsed = parse(path.read_bytes(), slug=slug)
    assert time.monotonic() - started < 2
    errors = corpus_errors(parsed)
    if path.name[:2] in ACCEPTED:
        assert errors == []
    else:
        assert errors, f"{path.name} should be refused"
        assert all(error.path == f"articles/{slug}.md" and error.line >= 1 for error in errors)


def test_accepted_corpus_values_are_kept_as_plain_text():
    parsed = parse(
        (CORPUS / "yaml_frontmatter" / "35_html_in_title.md")
        .read_text()
        .replace("---\n# Body", "published: 2024-01-01\n---\n# Body")
    )
    assert parsed.ok
    assert parsed.meta.title == "<img src=x onerror=alert('FM35')>"


def test_valid_article_is_parsed_with_metadata_and_reading_figures():
    parsed = parse(article_text(title="Nerve blocks", tags="[procedures, back pain]", sources='["NHS: Local anaesthetic"]'))
    assert parsed.ok
    assert parsed.meta.title == "Nerve blocks"
    assert parsed.meta.tags == ["procedures", "back pain"]
    assert [source.title for source in parsed.meta.sources] == ["NHS: Local anaesthetic"]
    assert [p.message for p in parsed.problems if p.code == "source"] == [OLD_STYLE]
    assert parsed.word_count > 10
    assert parsed.reading_minutes == 1
    assert 0 < parsed.reading_grade < 8


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ({"tags": "5"}, 5, "'tags' must be a list"),
        ({"draft": "maybe"}, 5, "'draft' must be true or false"),
        ({"updated": "2024-02-30"}, 5, "not a real date"),
        ({"treatments": "[Nerve Blocks]"}, 5, "not a valid slug"),
        ({"redirect_from": "[../old]"}, 5, "not a valid slug"),
        ({"image": "spine.jpg"}, 5, "'image_alt' is required"),
        ({"image": "../../etc/passwd", "image_alt": "x"}, 5, "inside the images folder"),
        ({"slug": "other"}, 5, "does not match the file name"),
        ({"reviewed": "2024-01-01"}, 5, "'reviewed' cannot be set in a file: a clinical review is made in the admin"),
        ({"reviewed_by": '"Dr. Ada Example"'}, 5, "'reviewed_by' cannot be set in a file"),
    ],
)
def test_schema_errors_name_the_line_of_their_key(extra, line, message):
    parsed = parse(article_text(**extra))
    error = parsed.first_error()
    assert error is not None and message in error.message
    assert error.line == line
    assert not parsed.ok


def test_missing_required_fields_are_each_reported():
    parsed = parse("---\ntitle: Only a title\n---\nBody text.\n")
    messages = [p.message for p in parsed.problems if p.is_error]
    assert any("'summary' is required" in m for m in messages)
    assert any("'published' is required" in m for m in messages)


def test_title_and_summary_length_limits():
    assert "90 or fewer" in parse(article_text(title="x" * 91)).first_error().message
    assert "160 or fewer" in parse(article_text(summary="y" * 161)).first_error().message


def test_unknown_key_is_a_warning_with_a_suggestion():
    parsed = parse(article_text(sumary='"typo"'))
    assert parsed.ok
    warning = next(p for p in parsed.problems if p.code == "unknown-key")
    assert warning.level == "warning"
    assert "did you mean 'summary'?" in warning.message
    assert warning.line == 5


def test_oversized_file_is_refused_before_parsing():
    parsed = parse(article_text(body="word " * 1000), max_bytes=1000)
    assert parsed.first_error().code == "too-large"


def test_yaml_error_line_points_into_the_file():
    parsed = parse("---\ntitle: ok\nsummary: [unclosed\npublished: 2024-01-01\n---\nbody")
    error = parsed.first_error()
    assert error.code == "yaml"
    assert error.line in (3, 4, 5)


def test_duplicate_key_names_the_second_line():
    parsed = parse("---\ntitle: One\nsummary: s\ntitle: Two\npublished: 2024-01-01\n---\nbody")
    assert parsed.first_error().line == 4
    assert "appears twice" in parsed.first_error().message


def test_draft_and_image_fields_are_read():
    parsed = parse(article_text(draft="true", image="spine.jpg", image_alt='""'))
    assert parsed.meta.draft is True
    assert parsed.meta.image == "spine.jpg"
    assert parsed.meta.image_alt == ""


TITLE, SUMMARY, PUBLISHED = 'title: "Aspirin"', 'summary: "A short summary."', "published: 2024-01-15"


def old_style_sources(count):
    return "sources: [" + ", ".join(f'"NHS: Leaflet {n}"' for n in range(count)) + "]"


def front_matter(*lines, body="The doctor puts a thin needle near the nerve. Most people go home the same day."):
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def reported(parsed):
    """What staff read from check_content and sync: path, line, level and message."""
    return [problem.format() for problem in parsed.problems]


def parse_spanish(text, slug="aspirina"):
    return parse_article(f"es/articles/{slug}.md", slug, text.encode("utf-8"))


@pytest.mark.parametrize(
    ("lines", "refusal"),
    [
        (('title: "   "', SUMMARY, PUBLISHED), "2: error: 'title' is empty"),
        ((TITLE, 'summary: ""', PUBLISHED), "3: error: 'summary' is empty"),
        ((SUMMARY, PUBLISHED), "2: error: 'title' is required"),
        ((TITLE, "summary:", PUBLISHED), "3: error: 'summary' is required"),
        ((TITLE, SUMMARY, "published:"), "4: error: 'published' is required (a date written YYYY-MM-DD)"),
        ((TITLE, "summary: 5", PUBLISHED), "3: error: 'summary' must be text; put it in quotes if it is meant as text"),
        ((TITLE, f'summary: "{"y" * 161}"', PUBLISHED), "3: error: 'summary' is 161 characters long; keep it to 160 or fewer"),
        ((TITLE, SUMMARY, PUBLISHED, "updated: soon"),
         "5: error: 'updated' must be a date written YYYY-MM-DD, for example 2025-01-31"),
        ((TITLE, SUMMARY, PUBLISHED, "tags: 5"), "5: error: 'tags' must be a list, one item a line starting with '- '"),
        ((TITLE, SUMMARY, PUBLISHED, 'tags: [back, ""]'), "5: error: every item in 'tags' must be text"),
        ((TITLE, SUMMARY, PUBLISHED, "tags: [back, 5]"), "5: error: every item in 'tags' must be text"),
        ((TITLE, SUMMARY, PUBLISHED, f"tags: [{'x' * 41}]"), "5: error: an item in 'tags' is longer than 40 characters"),
        ((TITLE, SUMMARY, PUBLISHED, "tags: [" + ", ".join(f"t{n}" for n in range(51)) + "]"),
         "5: error: 'tags' has 51 items; the limit is 50"),
        ((TITLE, SUMMARY, PUBLISHED, f"treatments: [{'a' * 81}]"),
         "5: error: an item in 'treatments' is longer than 80 characters"),
        ((TITLE, SUMMARY, PUBLISHED, 'sources: "NHS"'),
         "5: error: 'sources' must be a list of citations, each starting with '- title:'"),
        ((TITLE, SUMMARY, PUBLISHED, old_style_sources(51)), "5: error: 'sources' has 51 items; the limit is 50"),
        ((TITLE, SUMMARY, PUBLISHED, "draft: maybe"), "5: error: 'draft' must be true or false"),
        ((TITLE, SUMMARY, PUBLISHED, 'image: "/etc/passwd"', 'image_alt: "x"'),
         "5: error: 'image' must be a file name inside the images folder, like 'spine.jpg'"),
        ((TITLE, SUMMARY, PUBLISHED, r"image: 'pictures\spine.jpg'", 'image_alt: "x"'),
         "5: error: 'image' must be a file name inside the images folder, like 'spine.jpg'"),
        ((TITLE, SUMMARY, PUBLISHED, f"image: {'a' * 197}.jpg", 'image_alt: "x"'),
         "5: error: 'image' is 201 characters long; keep it to 200 or fewer"),
        ((TITLE, SUMMARY, PUBLISHED, "image: spine.jpg", f"image_alt: {'a' * 301}"),
         "6: error: 'image_alt' is 301 characters long; keep it to 300 or fewer"),
        ((TITLE, SUMMARY, PUBLISHED, "image: spine.jpg"),
         "5: error: 'image_alt' is required with 'image': describe the picture, or write \"\" if it is only decoration"),
        ((TITLE, SUMMARY, PUBLISHED, "slug: other"),
         "5: error: 'slug: other' does not match the file name; the slug is the file name (aspirin)"),
        ((TITLE, SUMMARY, PUBLISHED, "slug: 5"),
         "5: error: 'slug: 5' does not match the file name; the slug is the file name (aspirin)"),
        ((TITLE, SUMMARY, PUBLISHED, "slug: 2024-01-01"),
         "5: error: 'slug: 2024-01-01' does not match the file name; the slug is the file name (aspirin)"),
    ],
)  # fmt: skip
def test_a_refused_article_is_named_with_the_line_and_what_to_fix(lines, refusal):
    parsed = parse(front_matter(*lines))
    assert not parsed.ok
    assert reported(parsed) == [f"articles/aspirin.md:{refusal}"]


def test_front_matter_at_its_limits_is_accepted_without_a_word():
    parsed = parse(
        front_matter(
            f'title: "{"t" * 90}"',
            f'summary: "{"s" * 160}"',
            PUBLISHED,
            "tags: [" + ", ".join([f"t{n}" for n in range(49)] + ["x" * 40]) + "]",
            f"treatments: [{'a' * 80}]",
            f"image: {'a' * 196}.jpg",
            f"image_alt: {'a' * 300}",
            "slug: aspirin",
        )
    )
    assert reported(parsed) == []
    assert parsed.meta.title == "t" * 90 and len(parsed.meta.tags) == 50


def test_fifty_sources_are_accepted_and_an_old_style_source_is_a_warning_on_its_line():
    parsed = parse(front_matter(TITLE, SUMMARY, PUBLISHED, old_style_sources(50)))
    assert parsed.ok and len(parsed.meta.sources) == 50
    assert set(reported(parsed)) == {f"articles/aspirin.md:5: warning: {OLD_STYLE}"}


def test_every_field_of_a_full_article_is_read():
    parsed = parse(
        front_matter(
            TITLE, SUMMARY, PUBLISHED, "updated: 2024-02-01", "conditions: [sciatica]",
            "image: spine.jpg", 'image_alt: "An X-ray of the lower spine"',
        )
    )  # fmt: skip
    assert reported(parsed) == []
    meta = parsed.meta
    assert meta.updated == datetime.date(2024, 2, 1)
    assert meta.conditions == ["sciatica"]
    assert (meta.image, meta.image_alt) == ("spine.jpg", "An X-ray of the lower spine")
    assert meta.draft is False


def test_a_description_line_is_read_as_the_summary_with_a_warning_on_its_line():
    parsed = parse(front_matter(TITLE, PUBLISHED, 'description: "Old-style summary."'))
    assert parsed.ok and parsed.meta.summary == "Old-style summary."
    assert reported(parsed) == [
        "articles/aspirin.md:4: warning: 'description' is read as 'summary'; please rename it to 'summary'"
    ]


@pytest.mark.parametrize(
    ("line", "warning"),
    [
        ('description: "Old-style summary."', "unknown key 'description' is ignored; did you mean 'summary'?"),
        ("colour: blue", "unknown key 'colour' is ignored"),
    ],
)
def test_an_unknown_key_is_ignored_with_a_warning_and_a_hint_only_when_there_is_one(line, warning):
    parsed = parse(front_matter(TITLE, SUMMARY, PUBLISHED, line))
    assert parsed.ok and parsed.meta.summary == "A short summary."
    assert reported(parsed) == [f"articles/aspirin.md:5: warning: {warning}"]


def test_an_english_file_naming_a_translation_is_warned_to_delete_it():
    parsed = parse(front_matter(TITLE, SUMMARY, PUBLISHED, "translation_of: aspirin"))
    assert parsed.ok and parsed.meta.translation_of == ""
    assert reported(parsed) == [
        "articles/aspirin.md:5: warning: 'translation_of' belongs in Spanish files (es/articles/) only; delete it"
    ]


def test_a_spanish_article_names_the_english_article_it_translates():
    parsed = parse_spanish(front_matter(TITLE, SUMMARY, PUBLISHED, "translation_of: aspirin"))
    assert reported(parsed) == []
    assert parsed.meta.translation_of == "aspirin"


@pytest.mark.parametrize(
    ("lines", "refusal"),
    [
        ((TITLE, SUMMARY, PUBLISHED),
         "2: error: a Spanish file needs 'translation_of: ENGLISH-SLUG' naming the article it translates"),
        ((TITLE, SUMMARY, PUBLISHED, "translation_of: [aspirin, ibuprofen]"),
         "5: error: 'translation_of' names one English article by its slug"),
    ],
)  # fmt: skip
def test_a_spanish_article_naming_no_english_article_or_two_is_refused(lines, refusal):
    parsed = parse_spanish(front_matter(*lines))
    assert not parsed.ok
    assert reported(parsed) == [f"es/articles/aspirina.md:{refusal}"]
