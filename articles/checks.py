"""check_content: every problem in the content folder, changing nothing.

Single-file problems come from the same parser the sync uses; this module
adds the problems that need all files at once (duplicate titles, redirect
clashes, links between articles) and the ones that need the file system
(images) or the site's settings (reading grade target).
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from core import datafiles
from core.checks import database_checks, reference_checks
from core.problems import ERROR, WARNING, Problem, sort_for_report
from pictures.images import ImageRefused
from pictures.images import inspect as inspect_image
from rendering.reading_ease import inflesz_band

from . import discovery
from .parser import ARTICLE_ADDRESSES, content_hash
from .workers import Job, parse_in_workers

ARTICLE_LINKS = {
    language: re.compile(rf'href="{re.escape(prefix)}([^/"#?]+)/?[^"]*"') for language, prefix in ARTICLE_ADDRESSES.items()
}


@dataclass
class CheckReport:
    problems: list = field(default_factory=list)
    scheduled: list = field(default_factory=list)  # (path, date): good pages that appear on a later day

    @property
    def errors(self):
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self):
        return [p for p in self.problems if not p.is_error]


def _line_of(parsed, needle):
    index = parsed.body.find(needle)
    return parsed.body_line + parsed.body.count("\n", 0, index) if index >= 0 else parsed.body_line


def _parse_all(scan):
    jobs = []
    for candidate in scan.candidates:
        with open(candidate.absolute, "rb") as handle:
            raw = handle.read(settings.CONTENT_MAX_FILE_BYTES + 1)
        jobs.append(Job(candidate.path, candidate.slug, raw, content_hash(raw)))
    return list(
        parse_in_workers(
            jobs,
            workers=settings.CONTENT_SYNC_WORKERS,
            timeout=settings.CONTENT_RENDER_TIMEOUT,
            max_bytes=settings.CONTENT_MAX_FILE_BYTES,
        )
    )


def _by_language(articles):
    groups = defaultdict(list)
    for parsed in articles:
        groups[parsed.language].append(parsed)
    return groups.values()


def _duplicate_titles(articles):
    by_title = defaultdict(list)
    for parsed in articles:
        by_title[parsed.meta.title.casefold()].append(parsed)
    for group in by_title.values():
        for parsed in group if len(group) > 1 else []:
            others = ", ".join(other.path for other in group if other is not parsed)
            yield Problem(parsed.path, 2, ERROR, f"the title '{parsed.meta.title}' is also used by {others}", "duplicate-title")


def _redirect_clashes(articles):
    slugs = {parsed.slug: parsed for parsed in articles}
    claimed = {}
    for parsed in articles:
        for old in parsed.meta.redirect_from:
            if old == parsed.slug:
                yield Problem(parsed.path, 2, ERROR, f"redirect_from lists the article's own slug '{old}'", "redirect")
            elif old in slugs:
                yield Problem(parsed.path, 2, ERROR, f"redirect_from '{old}' is a live article ({slugs[old].path})", "redirect")
            elif old in claimed:
                yield Problem(parsed.path, 2, ERROR, f"redirect_from '{old}' is also claimed by {claimed[old].path}", "redirect")
            else:
                claimed[old] = parsed


def _broken_links(articles):
    known = {parsed.slug for parsed in articles} | {old for parsed in articles for old in parsed.meta.redirect_from}
    for parsed in articles:
        for target in ARTICLE_LINKS[parsed.language].findall(parsed.html):
            if target not in known:
                close = difflib.get_close_matches(target, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                line = _line_of(parsed, f"{target}.md") if f"{target}.md" in parsed.body else _line_of(parsed, target)
                yield Problem(parsed.path, line, ERROR, f"the link to article '{target}' goes nowhere{hint}", "broken-link")


MAIN_PICTURE_MIN_WIDTH = 960
BODY_PICTURE_MIN_WIDTH = 480


def _image_problem(parsed, content_dir, relative, min_width, line):
    path = Path(content_dir) / "images" / relative
    if not path.is_file() or path.is_symlink():
        return Problem(parsed.path, line, ERROR, f"the image '{relative}' is not in the images folder", "image")
    try:
        info = inspect_image(path.name, path.read_bytes())
    except ImageRefused as exc:
        return Problem(parsed.path, line, ERROR, f"the image '{relative}' cannot be used: {exc}", "image")
    if info.width < min_width:
        message = f"the image '{relative}' is only {info.width} px wide; use one at least {min_width} px wide so it stays sharp"
        return Problem(parsed.path, line, WARNING, message, "image-small")
    return None


def _images(parsed, content_dir):
    checks = [(parsed.meta.image, MAIN_PICTURE_MIN_WIDTH, 2)] if parsed.meta.image else []
    checks += [(relative, BODY_PICTURE_MIN_WIDTH, _line_of(parsed, f"images/{relative}")) for relative in parsed.image_refs]
    for relative, min_width, line in checks:
        problem = _image_problem(parsed, content_dir, relative, min_width, line)
        if problem:
            yield problem


def _translation_source(parsed, english):
    """A Spanish file must name an English article that exists."""
    if parsed.language != "en" and parsed.meta.translation_of and parsed.meta.translation_of not in english:
        close = difflib.get_close_matches(parsed.meta.translation_of, sorted(english), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        message = f"'translation_of' names '{parsed.meta.translation_of}', which is not an English article{hint}"
        yield Problem(parsed.path, 2, ERROR, message, "translation")


def _grade(parsed):
    if parsed.language == "es":
        yield from _spanish_ease(parsed)
        return
    target = settings.CONTENT_READING_GRADE_TARGET
    if parsed.reading_grade > target:
        yield Problem(
            parsed.path,
            parsed.body_line,
            WARNING,
            f"reading grade is {parsed.reading_grade:g}, above the target of {target:g}: "
            "use shorter sentences and everyday words",
            "grade",
        )


def _spanish_ease(parsed):
    target = settings.CONTENT_SPANISH_READING_EASE_TARGET
    if parsed.reading_ease < target:
        message = (
            f"the Spanish reads at {parsed.reading_ease:g} on the INFLESZ scale ({inflesz_band(parsed.reading_ease)}), "
            f"below the target of {target:g} (bastante fácil): use shorter sentences and everyday words"
        )
        yield Problem(parsed.path, parsed.body_line, WARNING, message, "grade")


def check_content(content_dir=None):
    """Return a CheckReport of every problem; raises discovery.ContentDirError when the folder is missing."""
    content_dir = content_dir or settings.CONTENT_DIR
    scan = discovery.scan(content_dir)
    report = CheckReport(problems=list(scan.problems))
    parsed_files = sorted(_parse_all(scan), key=lambda parsed: parsed.path)
    good = [parsed for parsed in parsed_files if parsed.ok]
    for parsed in parsed_files:
        report.problems.extend(parsed.problems)
    for same_language in _by_language(good):
        report.problems.extend(_duplicate_titles(same_language))
        report.problems.extend(_redirect_clashes(same_language))
        report.problems.extend(_broken_links(same_language))
    english = {parsed.slug for parsed in good if parsed.language == "en"}
    for parsed in good:
        report.problems.extend(_images(parsed, content_dir))
        report.problems.extend(_grade(parsed))
        report.problems.extend(_translation_source(parsed, english))
        for check in reference_checks():
            report.problems.extend(check(parsed))
    today = timezone.localdate()
    report.scheduled = [(p.path, p.meta.published) for p in good if not p.meta.draft and p.meta.published > today]
    report.problems.extend(datafiles.check(content_dir))
    for check in database_checks():
        report.problems.extend(check())
    report.problems = sort_for_report(set(report.problems))
    return report
