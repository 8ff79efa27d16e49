"""One article file to validated metadata and rendered HTML. Pure: no ORM, no settings."""

import hashlib
from dataclasses import dataclass, field

from core.problems import ERROR, ContentError, Problem
from rendering import cards
from rendering.markup import content_images, render_markdown
from rendering.readability import prose_text, reading_grade, reading_minutes, word_count
from rendering.reading_ease import spanish_reading_ease, spanish_word_count

from . import frontmatter, schema


@dataclass
class ParsedArticle:
    path: str
    slug: str
    content_hash: str
    meta: schema.ArticleMeta | None = None
    body: str = ""
    body_line: int = 1
    html: str = ""
    toc_html: str = ""
    heading_count: int = 0
    word_count: int = 0
    reading_minutes: int = 1
    reading_grade: float = 0.0
    prose: str = ""
    image_refs: list = field(default_factory=list)
    card_placements: list = field(default_factory=list)  # (slug, line in the file)
    language: str = "en"
    reading_ease: float = 0.0  # Spanish pages (rendering/reading_ease.py)
    problems: list = field(default_factory=list)

    @property
    def card_slugs(self):
        return list(dict.fromkeys(slug for slug, _ in self.card_placements))

    @property
    def ok(self):
        return self.meta is not None and not any(p.is_error for p in self.problems)

    def first_error(self):
        return next((p for p in self.problems if p.is_error), None)


def content_hash(raw):
    return hashlib.sha256(raw).hexdigest()


# Where an article link written as `other-article.md` leads, by the language of the file it is in.
ARTICLE_ADDRESSES = {"en": "/articles/", "es": "/es/articulos/"}


def language_of(path):
    """Spanish files live under es/ in the content folder."""
    return "es" if path.startswith("es/") else "en"


def parse_article(path, slug, raw, *, max_bytes=None, digest=None):
    """Parse one file's bytes. Problems are collected, never raised."""
    parsed = ParsedArticle(path=path, slug=slug, content_hash=digest or content_hash(raw))
    if max_bytes is not None and len(raw) > max_bytes:
        parsed.problems.append(
            Problem(
                path,
                1,
                ERROR,
                f"the file is over the limit of {max_bytes:,} bytes. Split it into shorter articles",
                "too-large",
            )
        )
        return parsed
    try:
        data, key_lines, body, body_line = frontmatter.read(raw)
    except ContentError as exc:
        parsed.problems.append(Problem(path, exc.line, ERROR, exc.message, exc.code))
        return parsed
    parsed.language = language_of(path)
    meta, issues = schema.validate(data, key_lines, slug, parsed.language)
    parsed.problems.extend(Problem(path, line, level, message, code) for line, level, message, code in issues)
    parsed.body, parsed.body_line = body, body_line
    if any(p.is_error for p in parsed.problems):
        return parsed
    parsed.meta = meta
    _check_card_placements(parsed)
    rendered = render_markdown(body, article_url_prefix=ARTICLE_ADDRESSES[parsed.language])
    parsed.html, parsed.toc_html = rendered.html, rendered.toc_html
    parsed.image_refs = content_images(rendered.html)
    parsed.heading_count = len(rendered.headings)
    prose = parsed.prose = prose_text(cards.without_placements(rendered.html))
    if parsed.language == "es":
        parsed.word_count = spanish_word_count(prose)
        parsed.reading_ease = spanish_reading_ease(prose)
    else:
        parsed.word_count = word_count(prose)
        parsed.reading_grade = reading_grade(prose)
    parsed.reading_minutes = reading_minutes(parsed.word_count)
    if not parsed.word_count:
        parsed.problems.append(
            Problem(path, body_line, "warning", "the article has no text after the front matter", "empty-body")
        )
    return parsed


def _check_card_placements(parsed):
    """Record where the article places care cards; a garbled placement is an error, a hand-written list a warning."""
    found, problems = cards.placements(parsed.body)
    parsed.card_placements = [(slug, parsed.body_line + line - 1) for slug, line in found]
    for line, message in problems:
        parsed.problems.append(Problem(parsed.path, parsed.body_line + line - 1, ERROR, message, "card"))
    for line in cards.hand_written_emergency_lists(parsed.body):
        parsed.problems.append(
            Problem(parsed.path, parsed.body_line + line - 1, "warning", cards.HAND_WRITTEN, "hand-written-emergency")
        )
