"""Staff-written site pages (content/pages/*.md): read with the article reader, kept at their last good version.

Each page is registered as a data file, so `sync_content` applies it when it
changes and `check_content` reports its problems with their lines, like an article.
"""

from pathlib import PurePosixPath

from articles.parser import parse_article
from core import datafiles

from .models import SitePage

POLICY = "policy"
# (file under CONTENT_DIR, the page it is): each language's file of the same page shares its key.
SITE_PAGE_FILES = {"pages/how-we-write.md": POLICY, "es/pages/como-escribimos.md": POLICY}


def parse_site_page(raw, path):
    return parse_article(path, PurePosixPath(path).stem, raw)


def save_site_page(parsed, language):
    meta = parsed.meta
    SitePage.objects.update_or_create(
        key=SITE_PAGE_FILES[parsed.path],
        language=language,
        defaults={
            "slug": parsed.slug,
            "title": meta.title,
            "summary": meta.summary,
            "updated": meta.updated or meta.published,
            "body_html": parsed.html,
            "toc_html": parsed.toc_html if parsed.heading_count >= 3 else "",
            "sources": [citation.as_json() for citation in meta.sources],
        },
    )


def register():
    for path in SITE_PAGE_FILES:
        language = "es" if path.startswith("es/") else "en"
        datafiles.register(datafiles.DataFile(path, parse_site_page, save_site_page, language=language))
