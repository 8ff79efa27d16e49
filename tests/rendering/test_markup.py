"""The sanitizer against every line of the hostile Markdown corpus, plus the things staff rely on."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
import pytest

from rendering import markup
from rendering.markup import render_markdown, sanitize_html
from tests.conftest import CORPUS

FORBIDDEN_ELEMENTS = ("script", "iframe", "object", "embed", "svg", "math", "style", "form", "meta", "base", "link", "input")
XSS_CASES = [
    line.replace("\\n", "\n")
    for line in (CORPUS / "markdown_xss" / "inline.txt").read_text(encoding="utf-8").splitlines()
    if line
]


class _Elements(HTMLParser):
    """Every element and attribute as a browser would read them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


@pytest.mark.parametrize("source", XSS_CASES, ids=[f"MDX{i + 1:02d}" for i in range(len(XSS_CASES))])
def test_hostile_markdown_renders_without_active_content(source):
    html = render_markdown(source).html
    for tag, attrs in _Elements(html).found:
        assert tag not in FORBIDDEN_ELEMENTS
        for name, value in attrs:
            assert not name.startswith("on") and name not in {"style", "srcdoc"}, name
            if name in {"href", "src"}:
                url = (value or "").strip()
                assert not url.startswith(("//", "\\")), url
                assert urlsplit(url).scheme.lower() in {"", "http", "https", "mailto"}, url


def test_code_spans_and_escaped_text_stay_visible_as_text():
    html = render_markdown("`<script>alert('x')</script>` and &lt;b&gt;").html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "&lt;b&gt;" in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/",
    ],
)
def test_dangerous_link_schemes_are_dropped(href):
    html = sanitize_html(f'<a href="{href}">click</a>')
    assert "href" not in html
    assert "click" in html


def test_remote_images_are_dropped_but_local_ones_kept():
    html = render_markdown("![pixel](https://tracker.example/p.gif) ![spine](images/spine.jpg)").html
    assert "tracker.example" not in html
    assert 'src="images/spine.jpg"' in html
    assert 'alt="spine"' in html


def test_tables_footnotes_and_callouts_render():
    text = '| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: A note.\n\n!!! emergency "Call 911"\n    Now.\n'
    html = render_markdown(text).html
    assert "<table>" in html and "<td>1</td>" in html
    assert 'class="footnote"' in html
    assert 'class="admonition emergency care-card care-card--emergency" role="note"' in html
    assert '<p class="admonition-title"><span class="care-card__urgency">Emergency:</span> Call 911</p>' in html


def test_body_h1_becomes_h2_so_the_title_stays_the_only_h1():
    html = render_markdown("# Big\n\ntext").html
    assert "<h1" not in html
    assert '<h2 id="big">Big</h2>' in html


def test_table_of_contents_lists_headings():
    rendered = render_markdown("## One\n\nx\n\n## Two\n\ny\n\n### Two point one\n\nz")
    assert [h["name"] for h in rendered.headings] == ["One", "Two", "Two point one"]
    assert 'href="#two-point-one"' in rendered.toc_html


def test_link_to_another_markdown_file_points_at_its_page():
    html = render_markdown("See [blocks](nerve-blocks.md#risks).").html
    assert 'href="/articles/nerve-blocks/#risks"' in html


def test_attr_list_cannot_add_event_handlers():
    html = render_markdown('[link](https://example.org){: onclick="alert(1)" }').html
    assert "onclick" not in html
    assert 'href="https://example.org"' in html


def test_the_reused_sanitizer_cleans_exactly_as_a_fresh_nh3_call_does():
    def clean_per_call(html):
        return nh3.clean(
            html,
            tags=markup.ALLOWED_TAGS,
            clean_content_tags=markup.CLEAN_CONTENT_TAGS,
            attributes=markup.ALLOWED_ATTRIBUTES,
            tag_attribute_values=markup.ATTRIBUTE_VALUES,
            attribute_filter=markup._filter_attribute,
            url_schemes=markup.URL_SCHEMES,
            allowed_classes=markup.ALLOWED_CLASSES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )

    converter = markup._markdown()
    for source in XSS_CASES + ["## Heading {#Bad Id}\n\n[x](//evil.example) ![p](https://t.example/p.gif) [ok](other.md)"]:
        converter.reset()
        raw = converter.convert(source)
        for html in (source, raw, converter.toc):
            assert sanitize_html(html) == clean_per_call(html), source
