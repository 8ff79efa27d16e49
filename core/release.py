"""The release id: a digest of everything a deploy can change about a page.

The page cache keys pages by it, so after a deploy no server shows HTML made by
the last release's code, templates or static files, even from a shared Redis.
It is worked out once at start-up from the files themselves (about 10 ms), or
taken from RELEASE_ID when the deploy sets one (a git commit, say).
"""

import hashlib
from pathlib import Path

# What shapes a page: the code, the templates, the static files (their hashed names end up in the HTML),
# the compiled translations, and the pinned libraries that render Markdown and HTML.
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".mo", ".json", ".xml", ".ico", ".png", ".webmanifest"}
SKIPPED_PARTS = {
    "__pycache__",
    "migrations",
    "tests",
    "bench",
    "node_modules",
    ".venv",
    ".git",
    "content",
    "media",
    "staticfiles",
}


def release_files(base_dir):
    base_dir = Path(base_dir)
    for path in sorted(base_dir.rglob("*")):
        relative = path.relative_to(base_dir)
        if SKIPPED_PARTS.intersection(relative.parts) or relative.parts[0].startswith("."):
            continue
        if path.is_file() and path.suffix in RELEASE_SUFFIXES:
            yield relative, path


def compute_release_id(base_dir):
    digest = hashlib.sha256()
    for relative, path in release_files(base_dir):
        digest.update(str(relative).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
