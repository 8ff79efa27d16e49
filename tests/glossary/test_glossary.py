"""The glossary: staff-edited YAML, validated, synced, listed A to Z and defined on first use."""

import pytest

from articles.checks import check_content
from articles.sync import sync_content
from glossary.datafile import parse_glossary
from glossary.models import GlossaryTerm
from tests.conftest import PROJECT

pytestmark = pytest.mark.django_db

GLOSSARY = """\
steroid:
  also: [steroids, corticosteroid]
  definition: "A strong medicine that calms swelling."
vertebra:
  also: [vertebrae]
  definition: "One of the small bones that stack up to make your spine."
"""


def write_glossary(content, text=GLOSSARY):
    (content.root / "glossary.yml").write_text(text, encoding="utf-8")


def test_shipped_glossary_parses_without_problems():
    glossary = parse_glossary((PROJECT / "content" / "glossary.yml").read_bytes())
    assert glossary.problems == []
    assert len(glossary.entries) >= 30


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("steroid: just text\n", 1, "write the definition under the term"),
        ("steroid:\n  also: [x]\n", 1, "definition is missing"),
        ("steroid:\n  definition: a\nsteroid:\n  definition: b\n", 3, "appears twice"),
        ("steroid:\n  definition: a\nmedicine:\n  also: [steroid]\n  definition: b\n", 3, "listed under both"),
        ("steroid:\n  definition: [not, text]\n", 1, "not text"),
        ("steroid:\n\tdefinition: a\n", 2, "tab character"),
        ("steroid:\n  definition: a\n  also: 5\n", 1, "'also' must be a list"),
    ],
)
def test_glossary_problems_name_their_line(text, line, message):
    problems = parse_glossary(text.encode()).problems
    assert problems and problems[0].path == "glossary.yml"
    assert problems[0].line == line and message in problems[0].message


def test_unknown_key_is_a_warning():
    glossary = parse_glossary(b"steroid:\n  definition: a\n  defintion: b\n")
    assert glossary.ok and glossary.problems[0].level == "warning"


def test_sync_stores_terms_and_keeps_last_good_glossary(content):
    write_glossary(content)
    sync_content()
    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["steroid", "vertebra"]
    write_glossary(content, "steroid: [broken\n")
    report = sync_content()
    assert report.failed[0].path == "glossary.yml"
    assert GlossaryTerm.objects.count() == 2


def test_check_content_reports_glossary_problems(content):
    write_glossary(content, "steroid:\n  also: [x]\n")
    assert any(p.path == "glossary.yml" and p.is_error for p in check_content().problems)


def test_glossary_page_lists_terms_a_to_z_with_jump_links(client, content):
    write_glossary(content)
    sync_content()
    html = client.get("/glossary/").content.decode()
    assert 'href="#letter-S"' in html and 'href="#letter-V"' in html
    assert '<span aria-hidden="true">Q</span>' in html
    assert 'id="term-steroid"' in html and "A strong medicine that calms swelling." in html
    assert html.index("term-steroid") < html.index("term-vertebra")


def test_first_use_in_an_article_links_to_its_definition_once(client, content):
    write_glossary(content)
    content.write("one", body="## Steroids\n\nA steroid shot. More steroids later. The `steroid` code.")
    sync_content()
    html = client.get("/articles/one/").content.decode()
    prose = html[html.index('<div class="prose">') :]
    assert prose.count('class="glossary-link"') == 1
    hidden = '<span class="visually-hidden"> (see definition)</span>'
    link = f'<a href="/glossary/#term-steroid" class="glossary-link">steroid{hidden}</a>'
    assert f"A {link} shot." in prose
    assert '<h2 id="steroids">Steroids</h2>' in prose


def test_first_use_on_a_treatment_page_is_defined_once_across_sections(client, content):
    from tests.treatments.conftest import make_treatment

    write_glossary(content)
    sync_content()
    make_treatment(slug="steroid-shot", name="Test shot", overview="A vertebra hurts.", results="The vertebra heals.")
    html = client.get("/treatments/steroid-shot/").content.decode()
    assert html.count('href="/glossary/#term-vertebra"') == 1
