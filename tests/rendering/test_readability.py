"""Prose and reading grades: the same text and the same numbers as before (textstat 0.7.4), on shipped and generated pages."""

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat

from articles.parser import parse_article
from bench.generate import WORDS, article_text
from rendering.cards import without_placements
from rendering.markup import render_markdown
from rendering.readability import BLOCK_TAGS, SKIPPED_TAGS, prose_text, reading_grade
from tests.conftest import CORPUS
from treatments import prose, starter

SHIPPED_ARTICLES = sorted((Path(__file__).resolve().parents[2] / "content" / "articles").glob("*.md"))
# Words that stress the counting: contractions, hyphens, numbers, initials, accents, a dotted capital I,
# other scripts, and end marks in odd places.
AWKWARD = (
    "don't it's you’re well-being 24-hour 3.5 mg e.g. Dr. Smith U.S. naïve café İstanbul façade "
    "co-operate re-enter x-ray MRI CT-guided ... ?! ; : — – (see below) [1] 50% £20 100,000 "
    "über Schmerz 痛み боль ALL-CAPS a I ok OK. Yes! No? _under_score emoji 🙂 tab\tend"
).split(" ")


def textstat_grade(text):
    """The grade as the site computed it before: textstat's own Flesch-Kincaid, 0 for text without a word."""
    if not re.search("[A-Za-z0-9]", text):
        return 0.0
    return round(float(textstat.flesch_kincaid_grade(text)), 1)


def generated_texts(count, seed):
    rng = random.Random(seed)
    vocabulary = WORDS + AWKWARD
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(1, 12)):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 25))]
            sentences.append(" ".join(words) + rng.choice([".", "!", "?", "", ":", "..."]))
        yield rng.choice([" ", "\n"]).join(sentences)


@pytest.mark.parametrize("path", SHIPPED_ARTICLES, ids=lambda path: path.name)
def test_shipped_articles_keep_their_grades(path):
    parsed = parse_article(f"articles/{path.name}", path.stem, path.read_bytes())
    assert parsed.ok and parsed.reading_grade > 0
    # The old prose and the old grade (care cards placed by slug are not the article's own prose).
    assert parsed.reading_grade == textstat_grade(prose_before(without_placements(parsed.html)))


def test_shipped_treatment_and_condition_pages_keep_their_grades():
    data = starter.read()
    cards = {card["slug"]: card for card in data["care_cards"]}
    pages = [(entry, starter.TREATMENT_MARKDOWN) for entry in data["treatments"]]
    pages += [(entry, starter.CONDITION_MARKDOWN) for entry in data["conditions"]]
    assert len(pages) >= 10
    for entry, fields in pages:
        prose = starter.page_prose(entry, fields, cards)
        assert reading_grade(prose) == textstat_grade(prose), entry["slug"]


def test_generated_articles_keep_their_grades():
    rng = random.Random(11)
    for index in range(40):
        parsed = parse_article("articles/a.md", "a", article_text(rng, index, 40).encode())
        assert parsed.reading_grade == textstat_grade(prose_before(parsed.html))


def test_generated_awkward_text_keeps_its_grade():
    for text in generated_texts(400, seed=5):
        assert reading_grade(text) == textstat_grade(text), text


def test_a_word_seen_before_counts_the_same_in_a_new_text():
    first, second = "The injection helps. It lasts for months.", "An injection can help for months and months."
    assert reading_grade(first) == textstat_grade(first)
    assert reading_grade(second) == textstat_grade(second)


def test_text_without_words_has_grade_zero():
    assert reading_grade("") == 0.0
    assert reading_grade(" ... !! ") == 0.0
    assert reading_grade(prose_text(render_markdown("```\ncode only\n```").html)) == 0.0


class _ProseBefore(HTMLParser):
    """prose_text as it was, all through HTMLParser: the reference the faster reading must match."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._current, self._skip_depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag in SKIPPED_TAGS or (tag == "div" and "toc" in classes.split()):
            self._skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._close_block()

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS or (tag == "div" and self._skip_depth):
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._close_block()

    def handle_data(self, data):
        if not self._skip_depth:
            self._current.append(data)

    def _close_block(self):
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:;" else text + ".")


def prose_before(html):
    reader = _ProseBefore()
    reader.feed(html)
    reader.close()
    reader._close_block()
    return "\n".join(reader.blocks)


XSS_LINES = [line.replace("\\n", "\n") for line in (CORPUS / "markdown_xss" / "inline.txt").read_text().splitlines() if line]
ODD_HTML = [
    "<p>a &amp; b &lt;c&gt; &nbsp;d &#8217; &notanentity; &amp</p>",
    '<P CLASS="x">Upper case</P><DIV Class="toc"><p>hidden</p></DIV><p>after</p>',
    '<div class="note toc"><ul><li>skipped</li></ul></div><p>shown</p>',
    '<div class="&#116;oc"><p>a class written with an entity</p></div><p>after</p>',
    "<pre><code>x = 1</code></pre><p>Use <code>ls</code> to list.</p><table><tr><td>cell</td></tr></table>tail",
    '<p>line<br>break<br/>and<br />more</p><hr><img src="a.png" alt="x > y"><p>end</p>',
    '<p title="a<b">quoted angle</p><p data-x="1" hidden>bare attribute</p>',
    "<p>a comment <!-- <p>not text</p> --> here</p>",
    "<p>a script <script>var x = '<p>';</script> here</p><style>p { }</style>",
    "<p>stray < and <3 and a < b</p>",
    "<p>unclosed <em",
    "<p>end tag with space </ p> and </> and </3></p>",
    "<!DOCTYPE html><p>doc</p><?xml version='1.0'?>",
    "<p a='single'>single quotes</p><p a=bare>bare value</p>",
    "<textarea><p>raw</p></textarea><title>t</title><p>x</p>",
    "<div><div class='toc'><p>x</p></div></div><p>y</p></div></div><p>z</p>",
    "plain text with no tags at all",
    "",
]


def shipped_and_generated_html():
    pages = [parse_article(f"articles/{p.name}", p.stem, p.read_bytes()).html for p in SHIPPED_ARTICLES]
    rng = random.Random(3)
    pages += [parse_article("articles/a.md", "a", article_text(rng, i, 20).encode()).html for i in range(20)]
    return pages


def test_prose_of_shipped_and_generated_articles_is_unchanged():
    for html in shipped_and_generated_html():
        assert prose_text(html) == prose_before(html)


def test_prose_of_hostile_markdown_and_raw_html_is_unchanged():
    for line in XSS_LINES:
        rendered = render_markdown(line)
        assert prose_text(rendered.html) == prose_before(rendered.html), line
        assert prose_text(rendered.toc_html) == prose_before(rendered.toc_html), line
        assert prose_text(line) == prose_before(line), line
    for html in ODD_HTML:
        assert prose_text(html) == prose_before(html), html


def test_prose_of_treatment_and_condition_pages_is_unchanged(monkeypatch):
    seen = []
    monkeypatch.setattr(prose, "prose_text", lambda html: seen.append(html) or prose_text(html))
    starter.grades(starter.read())
    assert len(seen) >= 10
    for html in seen:
        assert prose_text(html) == prose_before(html)


def test_prose_leaves_out_code_tables_and_the_table_of_contents():
    html = render_markdown(
        "## Before you come\n\nEat a light meal\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- Bring your list\n"
    ).html
    assert prose_text(html) == "Before you come.\nEat a light meal.\nBring your list."


def test_no_character_that_counts_as_punctuation_lowers_into_a_letter_digit_or_space():
    # What lets the grade lower ASCII text after removing punctuation instead of before, as textstat does.
    kept = re.compile(r"[\w\s]")
    changed = [hex(code) for code in range(0x110000) if not kept.match(chr(code)) and kept.search(chr(code).lower())]
    assert changed == []
