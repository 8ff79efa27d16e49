"""The article front matter schema, checked field by field with plain messages."""

import datetime
import difflib
import posixpath
from dataclasses import dataclass, field

from core.citations import read_citation
from core.problems import ERROR, WARNING
from core.slugs import slug_problem

from .frontmatter import is_date

TITLE_MAX = 90
SUMMARY_MAX = 160
TAG_MAX = 40
MAX_LIST_ITEMS = 50

# Names other site builders use for our fields: read as ours, with a warning.
KEY_ALIASES = {"description": "summary", "date": "published"}
KEY_HINTS = {**KEY_ALIASES, "tag": "tags"}
# A page cannot claim its own clinical review: reviews are made in the admin, bound to the text read.
REVIEW_KEYS = ("reviewed", "reviewed_by")
REVIEW_CLAIM = (
    "'{key}' cannot be set in a file: a clinical review is made in the admin by a signed-in clinical reviewer, "
    "who approves the exact text; delete this line (the page says honestly whether it has been reviewed)"
)


@dataclass
class ArticleMeta:
    title: str = ""
    summary: str = ""
    published: datetime.date | None = None
    updated: datetime.date | None = None
    treatments: list = field(default_factory=list)
    conditions: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    draft: bool = False
    image: str = ""
    image_alt: str | None = None
    redirect_from: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    translation_of: str = ""


FIELDS = [name for name in ArticleMeta.__dataclass_fields__] + list(REVIEW_KEYS)
REQUIRED = ("title", "summary", "published")


class _Checker:
    """Collects (line, level, message, code) for one mapping."""

    def __init__(self, data, key_lines):
        self.data = data
        self.key_lines = key_lines
        self.issues = []

    def report(self, key, message, level=ERROR, code="schema"):
        self.issues.append((self.key_lines.get(key, 2), level, message, code))

    def text(self, key, limit, *, required=False):
        value = self.data.get(key)
        if value is None:
            if required:
                self.report(key, f"'{key}' is required", code="missing-required" if key not in self.data else "schema")
            return ""
        if isinstance(value, bool | int | float | datetime.date | list | dict):
            self.report(key, f"'{key}' must be text; put it in quotes if it is meant as text", code="type")
            return ""
        value = " ".join(value.split())
        if required and not value:
            self.report(key, f"'{key}' is empty")
        if len(value) > limit:
            self.report(key, f"'{key}' is {len(value)} characters long; keep it to {limit} or fewer")
            return value[:limit]
        return value

    def date(self, key, *, required=False):
        value = self.data.get(key)
        if value is None:
            if required:
                self.report(key, f"'{key}' is required (a date written YYYY-MM-DD)", code="missing-required")
            return None
        if not is_date(value):
            self.report(key, f"'{key}' must be a date written YYYY-MM-DD, for example 2025-01-31", code="type")
            return None
        return value

    def text_list(self, key, limit):
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.report(key, f"'{key}' must be a list, one item a line starting with '- '", code="type")
            return []
        if len(value) > MAX_LIST_ITEMS:
            self.report(key, f"'{key}' has {len(value)} items; the limit is {MAX_LIST_ITEMS}")
            return []
        items = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.report(key, f"every item in '{key}' must be text", code="type")
                return []
            if len(item) > limit:
                self.report(key, f"an item in '{key}' is longer than {limit} characters")
                return []
            items.append(" ".join(item.split()))
        return items

    def citations(self, key):
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(key, f"'{key}' must be a list of citations, each starting with '- title:'", code="type")
            return []
        if len(value) > MAX_LIST_ITEMS:
            self.report(key, f"'{key}' has {len(value)} items; the limit is {MAX_LIST_ITEMS}")
            return []
        citations = []
        for item in value:
            citation, problems = read_citation(item)
            for level, message in problems:
                self.report(key, message, level=level, code="source")
            if citation:
                citations.append(citation)
        return citations

    def slug_list(self, key):
        slugs = self.text_list(key, 80)
        for slug in slugs:
            problem = slug_problem(slug)
            if problem:
                self.report(key, f"in '{key}': {problem}")
        return slugs


def _check_unknown_keys(checker, data):
    for key in data:
        if key in FIELDS or key == "slug":
            continue
        suggestion = KEY_HINTS.get(key) or next(iter(difflib.get_close_matches(key, FIELDS, n=1, cutoff=0.6)), None)
        hint = f"; did you mean '{suggestion}'?" if suggestion else ""
        checker.report(key, f"unknown key '{key}' is ignored{hint}", level=WARNING, code="unknown-key")


def _check_slug_key(checker, data, file_slug):
    # The slug is the file name; a `slug:` line may only repeat it.
    if "slug" not in data:
        return
    value = data["slug"]
    if value != file_slug:
        checker.report(
            "slug", f"'slug: {value}' does not match the file name; the slug is the file name ({file_slug})", code="slug"
        )


def _check_image(checker, data, meta):
    meta.image = checker.text("image", 200)
    alt = data.get("image_alt")
    if meta.image:
        normalized = posixpath.normpath(meta.image)
        if meta.image.startswith(("/", "\\")) or normalized.startswith("..") or "\\" in meta.image:
            checker.report("image", "'image' must be a file name inside the images folder, like 'spine.jpg'")
            meta.image = ""
        if alt is None:
            checker.report(
                "image", "'image_alt' is required with 'image': describe the picture, or write \"\" if it is only decoration"
            )
    if alt is not None:
        meta.image_alt = checker.text("image_alt", 300)


def _check_translation_of(checker, data, meta, language):
    """A Spanish file names the English article it translates; an English file has nothing to name."""
    if language == "en":
        if "translation_of" in data:
            checker.report("translation_of", "'translation_of' belongs in Spanish files (es/articles/) only; delete it",
                           level=WARNING, code="translation")  # fmt: skip
        return
    slugs = checker.slug_list("translation_of")
    if "translation_of" not in data:
        checker.report("translation_of", "a Spanish file needs 'translation_of: ENGLISH-SLUG' naming the article it translates",
                       code="translation")  # fmt: skip
    elif len(slugs) != 1:
        checker.report("translation_of", "'translation_of' names one English article by its slug", code="translation")
    else:
        meta.translation_of = slugs[0]


def validate(data, key_lines, file_slug, language):
    """Check a front matter mapping; return (ArticleMeta, issues) where issues are (line, level, message, code)."""
    data, key_lines = dict(data), dict(key_lines)
    checker = _Checker(data, key_lines)
    for alias, target in KEY_ALIASES.items():
        if alias in data and target not in data:
            data[target] = data.pop(alias)
            key_lines[target] = key_lines.get(alias, 2)
            checker.report(
                target, f"'{alias}' is read as '{target}'; please rename it to '{target}'", level=WARNING, code="alias"
            )
    meta = ArticleMeta()
    meta.title = checker.text("title", TITLE_MAX, required=True)
    meta.summary = checker.text("summary", SUMMARY_MAX, required=True)
    meta.published = checker.date("published", required=True)
    meta.updated = checker.date("updated")
    for key in REVIEW_KEYS:
        if key in data:
            checker.report(key, REVIEW_CLAIM.format(key=key), code="review-claim")
    meta.treatments = checker.slug_list("treatments")
    meta.conditions = checker.slug_list("conditions")
    meta.tags = checker.text_list("tags", TAG_MAX)
    meta.redirect_from = checker.slug_list("redirect_from")
    meta.sources = checker.citations("sources")
    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        checker.report("draft", "'draft' must be true or false", code="type")
    meta.draft = draft is True
    _check_image(checker, data, meta)
    _check_translation_of(checker, data, meta, language)
    _check_slug_key(checker, data, file_slug)
    _check_unknown_keys(checker, data)
    return meta, checker.issues
