"""Single staff-edited data files beside the articles (glossary.yml, synonyms.yml): the registry and reader.

Apps register their files here; the content sync (articles/sync.py) syncs each like an article: skipped when unchanged,
applied in the sync's transaction when it parses, and kept at its last good
version (with the problem reported) when it does not.
"""

from dataclasses import dataclass
from pathlib import Path

from .problems import ERROR, Problem


@dataclass(frozen=True)
class DataFile:
    path: str  # relative to CONTENT_DIR
    parse: object  # callable(raw bytes, path) -> object with .ok and .problems (each naming the path)
    apply: object  # callable(parsed, language) -> None, writes the database
    language: str = "en"  # the language of the words in it: es/glossary.yml is the Spanish glossary
    max_bytes: int = 500_000


_registry = {}


def register(data_file):
    _registry[data_file.path] = data_file
    return data_file


def registered():
    return list(_registry.values())


def read(data_file, content_dir):
    """(raw, stat) or (None, None) when the file is absent; raises OSError when unreadable."""
    path = Path(content_dir) / data_file.path
    if not path.is_file() or path.is_symlink():
        return None, None
    stat = path.stat()
    with open(path, "rb") as handle:
        return handle.read(data_file.max_bytes + 1), stat


def parse(data_file, raw):
    if len(raw) > data_file.max_bytes:
        return None, [Problem(data_file.path, 1, ERROR, f"the file is larger than {data_file.max_bytes:,} bytes", "too-large")]
    parsed = data_file.parse(raw, data_file.path)
    return parsed, parsed.problems


def check(content_dir):
    """Every problem in every data file, for check_content."""
    problems = []
    for data_file in registered():
        raw, _ = read(data_file, content_dir)
        if raw is not None:
            problems.extend(parse(data_file, raw)[1])
    return problems
