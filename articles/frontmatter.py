"""Split a content file into YAML front matter and Markdown, safely (see core/safe_yaml.py)."""

import datetime
import re

from core.problems import ContentError
from core.safe_yaml import decode, parse_yaml

FENCE = re.compile(r"^---[ \t]*$")


def split(text):
    """Return (front matter text, body text, line number where the body starts)."""
    lines = text.split("\n")
    if not text.strip():
        raise ContentError(1, "the file is empty; an article starts with front matter between --- lines", "empty")
    if not FENCE.match(lines[0]):
        hint = " (TOML +++ front matter is not supported; use YAML)" if lines[0].startswith("+++") else ""
        raise ContentError(1, f"the file must start with a line of three hyphens (---) and the front matter{hint}", "fence")
    for index in range(1, len(lines)):
        if FENCE.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(len(lines), "the front matter is never closed: add a line of three hyphens (---) after it", "fence")


def read(raw):
    """Raw bytes to (front matter mapping, {key: line}, body, body start line)."""
    text = decode(raw)
    front, body, body_line = split(text)
    data, key_lines = parse_yaml(front)
    return data, key_lines, body, body_line


def is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
