"""Which files in `CONTENT_DIR/articles/` are articles, and which are not.

Editors leave backups, swap files and hidden files beside real ones; those
are skipped quietly. Names that cannot be a slug are refused with a message
that says what to rename them to. Symbolic links are never followed, so
nothing outside the content folder can be read.
"""

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from core.problems import ERROR, WARNING, Problem
from core.slugs import slug_problem

ARTICLES_FOLDER = "articles"
EDITOR_LEFTOVERS = re.compile(r"(^\.|^~|~$|^#|\.(swp|swo|swx|tmp|bak|orig|part)$)", re.IGNORECASE)


class ContentDirError(Exception):
    """CONTENT_DIR is missing or unreadable: nothing may be changed."""


@dataclass
class Candidate:
    path: str  # relative to CONTENT_DIR, with forward slashes
    slug: str
    location: str  # the file's full path
    size: int
    mtime_ns: int
    language: str = "en"

    @property
    def absolute(self):
        # Made when asked: a sync with one changed file among 10,000 reads only that one.
        return Path(self.location)


@dataclass
class Scan:
    candidates: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def _suggested_slug(stem):
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _has_unsafe_characters(name):
    if name.isascii():  # the usual name; only control characters can be unsafe, and they are not printable
        return not name.isprintable()
    return any(unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} for char in name)


def _classify(folder, name, entry_stat):
    """(slug, problem): slug when the entry is an article, else a problem or None to skip silently."""
    relative = f"{folder}/{name}"
    if EDITOR_LEFTOVERS.search(name) or _has_unsafe_characters(name):
        return None, None
    if stat.S_ISLNK(entry_stat.st_mode):
        return None, Problem(relative, 1, WARNING, "symbolic links are not followed; copy the file here instead", "symlink")
    if stat.S_ISDIR(entry_stat.st_mode):
        return None, Problem(relative, 1, WARNING, f"folders inside {folder}/ are not read; move the file up one level", "folder")
    if not stat.S_ISREG(entry_stat.st_mode):
        return None, None
    stem, dot, extension = name.rpartition(".")
    if not dot or extension != "md":
        if extension.lower() in {"md", "markdown"}:
            return None, Problem(
                relative, 1, ERROR, f"rename the file to end in lowercase '.md' ({_suggested_slug(stem)}.md)", "extension"
            )
        return None, Problem(relative, 1, WARNING, "only .md files are read as articles; this file is ignored", "not-markdown")
    problem = slug_problem(stem)
    if problem:
        suggestion = _suggested_slug(stem)
        hint = f"; rename it, for example to {suggestion}.md" if suggestion and not slug_problem(suggestion) else ""
        return None, Problem(relative, 1, ERROR, f"the file name cannot be used as a web address: {problem}{hint}", "file-name")
    return stem, None


# English articles in articles/, their Spanish translations in es/articles/.
LANGUAGE_FOLDERS = {"en": ARTICLES_FOLDER, "es": f"es/{ARTICLES_FOLDER}"}


def scan(content_dir):
    """List the article files under content_dir, in every language. Raises ContentDirError if it cannot be read."""
    root = Path(content_dir)
    if not root.is_dir():
        raise ContentDirError(f"the content folder {root} does not exist or is not a folder")
    result = Scan()
    for language, relative_folder in LANGUAGE_FOLDERS.items():
        _scan_folder(root / relative_folder, relative_folder, language, result)
    return result


def _scan_folder(folder, relative_folder, language, result):
    try:
        entries = list(os.scandir(folder)) if folder.is_dir() else []
    except OSError as exc:
        raise ContentDirError(f"the folder {folder} cannot be read: {exc.strerror}") from None
    found = Scan()
    for entry in sorted(entries, key=lambda e: e.name):
        try:
            entry_stat = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        slug, problem = _classify(relative_folder, entry.name, entry_stat)
        if problem:
            found.problems.append(problem)
        if slug:
            path = f"{relative_folder}/{entry.name}"
            found.candidates.append(Candidate(path, slug, entry.path, entry_stat.st_size, entry_stat.st_mtime_ns, language))
    _report_collisions(found, relative_folder)
    result.candidates.extend(found.candidates)
    result.problems.extend(found.problems)


def _report_collisions(result, relative_folder):
    """A refused name that would fold onto a real article's slug is named as a clash."""
    slugs = {candidate.slug: candidate.path for candidate in result.candidates}
    for index, problem in enumerate(result.problems):
        if problem.code not in {"file-name", "extension"}:
            continue
        stem = problem.path.removeprefix(f"{relative_folder}/").rpartition(".")[0]
        folded = _suggested_slug(stem)
        if folded in slugs:
            result.problems[index] = Problem(
                problem.path,
                1,
                ERROR,
                f"{problem.message}. It clashes with {slugs[folded]}: only that file is published",
                "clash",
            )
