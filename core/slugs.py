"""The one rule for what a slug may be."""

import re

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 80
RESERVED_SLUGS = frozenset(
    {
        "admin", "static", "media", "search", "api", "new", "edit", "index", "feed", "sitemap",
        "robots", "healthz", "glossary", "articles", "treatments", "conditions", "tag", "tags",
        "page", "login", "logout", "account", "settings", "favicon", "con", "nul", "aux", "prn",
        "com1", "com2", "com3", "lpt1", "lpt2", "lpt3",
    }
)  # fmt: skip


def slug_problem(slug):
    """Why `slug` cannot be used, in plain words, or None when it is fine."""
    if not isinstance(slug, str) or not slug:
        return "the slug is empty"
    if len(slug) > MAX_SLUG_LENGTH:
        return f"the slug is {len(slug)} characters long; the limit is {MAX_SLUG_LENGTH}"
    if not SLUG_PATTERN.fullmatch(slug):
        return (
            f"{slug!r} is not a valid slug: use only lowercase letters a-z, digits and single hyphens "
            "between words (for example 'nerve-blocks')"
        )
    if slug in RESERVED_SLUGS:
        return f"{slug!r} is reserved for the site's own pages; choose another name"
    return None
