"""Every cited web address on the site, with the file and line (or admin page) that cites it."""

from dataclasses import dataclass
from pathlib import Path

from articles import discovery, frontmatter
from core.citations import read_citation
from core.problems import ContentError
from pages.site_pages import SITE_PAGE_FILES
from treatments.models import Condition, Treatment


@dataclass(frozen=True)
class CitedLink:
    url: str
    path: str
    line: int


def _file_links(path, display):
    raw = path.read_bytes()
    try:
        data, key_lines, _, _ = frontmatter.read(raw)
    except ContentError:
        return  # check_content reports unreadable files
    lines = raw.decode("utf-8", "replace").splitlines()
    for value in data.get("sources") or []:
        citation, _ = read_citation(value)
        if citation and citation.url:
            number = next((i for i, text in enumerate(lines, start=1) if citation.url in text), key_lines.get("sources", 1))
            yield CitedLink(citation.url, display, number)


def cited_links(content_dir):
    content_dir = Path(content_dir)
    for candidate in discovery.scan(content_dir).candidates:
        yield from _file_links(candidate.absolute, candidate.path)
    for relative in SITE_PAGE_FILES:
        if (content_dir / relative).is_file():
            yield from _file_links(content_dir / relative, relative)
    for model in (Treatment, Condition):
        for entry in model.objects.prefetch_related("sources"):
            for number, source in enumerate(entry.sources.all(), start=1):
                if source.url:
                    yield CitedLink(source.url, f"admin/{model._meta.model_name}/{entry.slug}", number)
