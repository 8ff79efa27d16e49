"""Markdown to safe HTML: the one list of extensions and the one allow-list.

Articles, treatments, conditions and the glossary all go through
`render_markdown()`. It has no Django dependency so it can run in worker
processes and in tests without a database.
"""

import re
from dataclasses import dataclass, field

import markdown
import nh3

MARKDOWN_EXTENSIONS = [
    "fenced_code",
    "tables",
    "footnotes",
    "attr_list",
    "def_list",
    "abbr",
    "admonition",
    "sane_lists",
    "toc",
]
MARKDOWN_CONFIG = {
    "toc": {"toc_depth": "1-3", "permalink": False},
    "tables": {"use_align_attribute": True},
    "footnotes": {"BACKLINK_TITLE": "Back to the text"},
}

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "scope"},
    "td": {"align"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "li": {"id"},
    "sup": {"id"},
}
ATTRIBUTE_VALUES = {"div": {"role": {"note"}}}
CARE_URGENCIES = {"emergency": "Emergency", "urgent": "Urgent, same day", "soon": "See a doctor soon"}
CALLOUT_TYPES = {"note", "tip", "warning", "danger", "do-dont", "questions", *CARE_URGENCIES}
ALLOWED_CLASSES = {
    "div": {"admonition", "footnote", "toc", "care-card", *CALLOUT_TYPES, *(f"care-card--{kind}" for kind in CARE_URGENCIES)},
    "p": {"admonition-title"},
    "span": {"care-card__urgency"},
    "a": {"footnote-ref", "footnote-backref"},
    "sup": set(),
}
URL_SCHEMES = {"http", "https", "mailto"}
CLEAN_CONTENT_TAGS = {"script", "style", "template", "noscript", "textarea", "title", "iframe", "object", "embed"}
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9:_-]{0,80}")


def _filter_attribute(element, attribute, value):
    """Drop attribute values the scheme allow-list cannot see.

    Protocol-relative links (`//host`) and back-slashed ones leave the site
    without a scheme; remote images track readers and break the CSP, so
    images must come from the site itself.
    """
    if attribute in {"href", "src"}:
        stripped = value.strip()
        if stripped.startswith(("//", "\\", "/\\")):
            return None
        if element == "img" and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", stripped):
            return None
    if attribute == "id" and not SAFE_ID.fullmatch(value):
        return None
    return value


# Built once: nh3.clean() converts the allow-lists for every call, a third of its time on an article.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=CLEAN_CONTENT_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    tag_attribute_values=ATTRIBUTE_VALUES,
    attribute_filter=_filter_attribute,
    url_schemes=URL_SCHEMES,
    allowed_classes=ALLOWED_CLASSES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html):
    """Clean rendered HTML against the site's allow-list."""
    return _CLEANER.clean(html)


@dataclass
class Rendered:
    html: str
    toc_html: str = ""
    headings: list = field(default_factory=list)


_ARTICLE_LINK = re.compile(r'href="([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[^"]*)?"')

_H1 = re.compile(r"<(/?)h1\b")
_CALLOUT = re.compile(r'<div class="admonition ([a-z-]+)">\n<p class="admonition-title">')


def _callout(match):
    """Care callouts look like the treatments' care cards and say their urgency to screen readers too."""
    kind = match.group(1)
    if kind not in CALLOUT_TYPES:
        return match.group(0)
    if kind in CARE_URGENCIES:
        label = f'<span class="care-card__urgency">{CARE_URGENCIES[kind]}:</span> '
        return f'<div class="admonition {kind} care-card care-card--{kind}" role="note">\n<p class="admonition-title">{label}'
    return f'<div class="admonition {kind}" role="note">\n<p class="admonition-title">'


_converter = None


def _markdown():
    """One converter per process, reset between documents (building one is slow)."""
    global _converter
    if _converter is None:
        _converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    _converter.reset()
    return _converter


def _flatten_toc(tokens):
    for token in tokens:
        yield {"id": token["id"], "name": token["name"], "level": token["level"]}
        yield from _flatten_toc(token["children"])


def render_markdown(text, *, article_url_prefix="/articles/"):
    """Render Markdown to sanitized HTML plus its table of contents.

    A link written as `other-article.md` becomes a link to that article's page.
    """
    converter = _markdown()
    # The page title is the only h1, so a body `# Heading` becomes an h2.
    raw_html = _H1.sub(r"<\1h2", converter.convert(text))
    raw_html = _CALLOUT.sub(_callout, raw_html)
    raw_html = _ARTICLE_LINK.sub(lambda m: f'href="{article_url_prefix}{m.group(1)}/{m.group(2) or ""}"', raw_html)
    headings = list(_flatten_toc(converter.toc_tokens))
    return Rendered(
        html=sanitize_html(raw_html),
        toc_html=sanitize_html(converter.toc) if headings else "",
        headings=headings,
    )


CONTENT_IMAGE = re.compile(r'<img ([^>]*?)src="images/([^"]+)"([^>]*)>')


def content_images(html):
    """The pictures from the content images folder that a fragment shows (`![alt](images/x.jpg)`)."""
    return list(dict.fromkeys(match.group(2) for match in CONTENT_IMAGE.finditer(html)))
