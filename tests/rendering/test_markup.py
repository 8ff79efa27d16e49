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


# What the sanitizer must keep: a page stripped of its links, tables or notes fails its readers as surely as
# one that lets a script through.


def test_the_sanitizer_keeps_what_articles_are_made_of():
    text = (
        "## Before you come {: #before }\n\n"
        'See [the NHS page](https://www.nhs.uk/ "NHS"), [us](mailto:clinic@example.org) '
        "and [aftercare](/articles/aftercare/).\n\n"
        "| Dose | When |\n|:-----|-----:|\n| 1 tablet | morning |\n\n"
        '![The spine](images/spine.jpg "Side view"){: width="320" height="200" }\n\n'
        "Press <kbd>Ctrl</kbd>, note <mark>this</mark>, <small>small print</small>, H<sub>2</sub>O, x<sup>2</sup>, "
        "<del>old</del> <ins>new</ins>, *em* and **strong**.\n\n"
        "<details><summary>More</summary>Hidden words.</details>\n\n"
        "Term\n:   Its meaning.\n\n"
        "> A quote.\n\n```\ncode here\n```\n"
    )
    html = render_markdown(text).html
    for kept in (
        '<h2 id="before">Before you come</h2>',
        '<a href="https://www.nhs.uk/" title="NHS" rel="noopener noreferrer">the NHS page</a>',
        '<a href="mailto:clinic@example.org" rel="noopener noreferrer">us</a>',
        '<a href="/articles/aftercare/" rel="noopener noreferrer">aftercare</a>',
        '<th align="left">Dose</th>',
        '<td align="right">morning</td>',
        '<img alt="The spine" height="200" src="images/spine.jpg" title="Side view" width="320">',
        "<kbd>Ctrl</kbd>",
        "<mark>this</mark>",
        "<small>small print</small>",
        "H<sub>2</sub>O",
        "x<sup>2</sup>",
        "<del>old</del> <ins>new</ins>",
        "<em>em</em>",
        "<strong>strong</strong>",
        "<details><summary>More</summary>Hidden words.</details>",
        "<dl>\n<dt>Term</dt>\n<dd>Its meaning.</dd>\n</dl>",
        "<blockquote>\n<p>A quote.</p>\n</blockquote>",
        "<pre><code>code here\n</code></pre>",
    ):
        assert kept in html, kept


def test_footnotes_keep_the_links_between_the_mark_and_the_note():
    html = render_markdown("Rest a day.[^rest]\n\n[^rest]: Longer after a big procedure.\n").html
    assert '<sup id="fnref:rest"><a class="footnote-ref" href="#fn:rest" rel="noopener noreferrer">1</a></sup>' in html
    assert '<li id="fn:rest">' in html
    assert '<a class="footnote-backref" href="#fnref:rest" title="Back to the text" rel="noopener noreferrer">' in html


def test_every_link_that_leaves_the_page_cannot_reach_back_into_it():
    html = sanitize_html('<a href="https://example.org/" target="_blank">out</a>')
    assert html == '<a href="https://example.org/" rel="noopener noreferrer">out</a>'


def test_comments_and_the_contents_of_scripts_styles_and_frames_never_show():
    html = sanitize_html(
        "<p>Before<!-- staff only: check dose --></p><script>alert(1)</script><style>p{}</style>"
        "<template>t</template><noscript>n</noscript><textarea>x</textarea><title>t</title>"
        "<iframe>f</iframe><object>o</object><embed src='e.swf'><p>After</p>"
    )
    assert html == "<p>Before</p><p>After</p>"


def test_ids_a_page_can_be_linked_to_are_kept_and_odd_ones_dropped():
    assert sanitize_html('<h3 id="side-effects">x</h3>') == '<h3 id="side-effects">x</h3>'
    assert sanitize_html('<h3 id="fn:2">x</h3>') == '<h3 id="fn:2">x</h3>'
    for odd in ("Side effects", "-dash-first", "x" * 82, "UPPER", "a b"):
        assert "id=" not in sanitize_html(f'<h3 id="{odd}">x</h3>'), odd


def test_only_the_site_s_own_classes_and_roles_survive():
    html = sanitize_html('<div class="admonition warning evil-class" role="alert"><p class="admonition-title big">T</p></div>')
    assert html == '<div class="admonition warning"><p class="admonition-title">T</p></div>'
    assert sanitize_html('<div role="note">x</div>') == '<div role="note">x</div>'


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/p.gif",
        "HTTPS://tracker.example/p.gif",
        "Https://tracker.example/p.gif",
        "hTtP://tracker.example/p.gif",
        "  http://tracker.example/p.gif",
        "mailto:someone@example.org",
        "ftp://tracker.example/p.gif",
        "//tracker.example/p.gif",
        " //tracker.example/p.gif",
        "\\\\tracker.example\\p.gif",
        "/\\tracker.example/p.gif",
    ],
)
def test_remote_images_are_dropped_however_their_address_is_written(src):
    html = sanitize_html(f'<img src="{src}" alt="pixel">')
    assert "tracker.example" not in html and "src=" not in html
    assert 'alt="pixel"' in html


@pytest.mark.parametrize(
    "href",
    ["\\\\evil.example/", "/\\evil.example/", " //evil.example/", "\t//evil.example/", "\\evil.example"],
)
def test_links_that_leave_the_site_without_a_scheme_are_dropped(href):
    html = sanitize_html(f'<a href="{href}">click</a>')
    assert "evil.example" not in html and "href" not in html
    assert "click" in html


@pytest.mark.parametrize("src", ["images/spine.jpg", "/media/renditions/spine-480.webp", "spine.jpg", "images/a:b.jpg"], ids=str)
def test_the_site_s_own_pictures_keep_their_address(src):
    assert f'src="{src}"' in sanitize_html(f'<img src="{src}" alt="x">')


def test_a_footnote_or_abbreviation_in_one_article_never_shows_on_the_next():
    first = render_markdown(
        "The MRI[^scan] is loud.\n\n[^scan]: It takes about 30 minutes.\n\n*[MRI]: Magnetic resonance imaging\n"
    )
    assert "It takes about 30 minutes." in first.html and 'title="Magnetic resonance imaging"' in first.html
    second = render_markdown("Bring your MRI results.")
    assert second.html == "<p>Bring your MRI results.</p>"


def test_a_heading_in_one_article_never_shows_in_the_next_article_s_contents():
    render_markdown("## Risks\n\ntext")
    rendered = render_markdown("## Recovery\n\ntext")
    assert [heading["name"] for heading in rendered.headings] == ["Recovery"]
    assert "Risks" not in rendered.toc_html


def test_a_new_worker_process_renders_its_first_article_exactly_as_a_warmed_up_one(monkeypatch):
    from rendering import markup

    text = (
        "## Dose\n\n| Dose | When |\n|:-----|-----:|\n| 1 | morning |\n\n"
        "The MRI[^1] is loud.\n\n[^1]: About 30 minutes.\n\n*[MRI]: Magnetic resonance imaging\n"
    )
    warmed = render_markdown(text)
    monkeypatch.setattr(markup, "_converter", None)  # as in a freshly started sync worker
    fresh = render_markdown(text)
    assert (fresh.html, fresh.toc_html, fresh.headings) == (warmed.html, warmed.toc_html, warmed.headings)
    for feature in ('<abbr title="Magnetic resonance imaging">MRI</abbr>', '<th align="left">Dose</th>',
                    'title="Back to the text"', '<h2 id="dose">Dose</h2>'):  # fmt: skip
        assert feature in fresh.html, feature


def test_a_page_without_headings_has_no_table_of_contents():
    rendered = render_markdown("Just words, no headings.")
    assert rendered.headings == [] and rendered.toc_html == ""


def test_the_contents_list_headings_with_their_level_and_link():
    rendered = render_markdown("# Top\n\n## Middle\n\n### Low\n\n#### Too deep for the list\n")
    assert rendered.headings == [
        {"id": "top", "name": "Top", "level": 1},
        {"id": "middle", "name": "Middle", "level": 2},
        {"id": "low", "name": "Low", "level": 3},
    ]
    assert '<a href="#low" rel="noopener noreferrer">Low</a>' in rendered.toc_html
    assert "Too deep" not in rendered.toc_html


@pytest.mark.parametrize(
    "kind,label",
    [("emergency", "Emergency"), ("urgent", "Urgent, same day"), ("soon", "See a doctor soon")],
)
def test_every_care_callout_says_how_urgent_it_is_in_words(kind, label):
    html = render_markdown(f'!!! {kind} "Fever after the injection"\n    Ring the clinic.\n').html
    assert (
        f'<div class="admonition {kind} care-card care-card--{kind}" role="note">\n'
        f'<p class="admonition-title"><span class="care-card__urgency">{label}:</span> Fever after the injection</p>'
    ) in html


@pytest.mark.parametrize("kind", ["note", "tip", "warning", "danger", "do-dont", "questions"])
def test_plain_callouts_are_announced_as_notes_without_an_urgency(kind):
    html = render_markdown(f'!!! {kind} "Before you come"\n    Eat a light breakfast.\n').html
    assert f'<div class="admonition {kind}" role="note">\n<p class="admonition-title">Before you come</p>' in html
    assert "care-card" not in html


def test_an_unknown_callout_kind_stays_a_plain_box():
    html = render_markdown('!!! shout "Look"\n    Words.\n').html
    assert '<div class="admonition">\n<p class="admonition-title">Look</p>' in html
    assert "role=" not in html and "shout" not in html


def test_links_to_other_articles_work_under_any_language_prefix():
    html = render_markdown(
        "[a](nerve-blocks.md) [b](nerve-blocks.md#risks) [c](Not-A-Slug.md) [d](other.mdx)", article_url_prefix="/es/articulos/"
    ).html
    assert 'href="/es/articulos/nerve-blocks/"' in html
    assert 'href="/es/articulos/nerve-blocks/#risks"' in html
    assert 'href="Not-A-Slug.md"' in html and 'href="other.mdx"' in html


def test_the_pictures_a_page_shows_are_listed_once_each_in_order():
    from rendering.markup import content_images

    html = render_markdown("![a](images/b.jpg) ![b](images/a.png) ![again](images/b.jpg) ![remote](https://x.example/c.jpg)").html
    assert content_images(html) == ["b.jpg", "a.png"]


def test_html_the_site_does_not_use_is_dropped_and_its_words_kept():
    html = sanitize_html(
        "<nav>Menu</nav><header>Top</header><u>under</u><s>struck</s><q>quoted</q><center>mid</center>"
        "<cite>cited</cite><time>today</time><var>v</var><ruby>r</ruby><aside>side</aside><article>body</article>"
    )
    assert html == "MenuTopunderstruckquotedmidcitedtodayvrsidebody"


@pytest.mark.parametrize("href", ["ftp://files.example.org/x", "tel:+15550100", "sms:+15550100", "irc://chat.example.org"])
def test_links_may_only_be_web_pages_or_email(href):
    html = sanitize_html(f'<a href="{href}">contact</a>')
    assert html == '<a rel="noopener noreferrer">contact</a>'
