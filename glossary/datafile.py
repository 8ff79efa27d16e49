"""content/glossary.yml: plain-language definitions that staff edit. Pure parsing, no database.

anesthetic:
  also: [anaesthetic, numbing medicine]
  definition: Medicine that numbs part of your body so you do not feel pain.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

from core.problems import ERROR, WARNING, Problem
from core.safe_yaml import read_data_file
from rendering.markup import render_markdown

GLOSSARY_FILE = "glossary.yml"
SPANISH_GLOSSARY_FILE = "es/glossary.yml"
DEFINITION_MAX = 400
TERM_MAX = 60


@dataclass
class Entry:
    term: str
    slug: str
    forms: list
    definition: str
    definition_html: str
    line: int


@dataclass
class Glossary:
    entries: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not any(problem.is_error for problem in self.problems)


def _entry(term, value, line, problems, path):
    def problem(message, level=ERROR):
        problems.append(Problem(path, line, level, f"'{term}': {message}", "glossary"))

    if not isinstance(value, dict):
        problem("write the definition under the term, indented: '  definition: ...'")
        return None
    definition, forms = value.get("definition"), value.get("also", [])
    for key in value:
        if key not in {"definition", "also"}:
            problem(f"unknown key '{key}' is ignored; use 'definition' and 'also'", WARNING)
    if not isinstance(definition, str) or not definition.strip():
        problem("the definition is missing or is not text")
        return None
    if len(definition) > DEFINITION_MAX:
        problem(f"the definition is {len(definition)} characters; keep it to one or two sentences ({DEFINITION_MAX} at most)")
    if isinstance(forms, str):
        forms = [forms]
    if not isinstance(forms, list) or not all(isinstance(form, str) and form.strip() for form in forms):
        problem("'also' must be a list of other words for the term, like [anaesthetic, numbing medicine]")
        forms = []
    if len(term) > TERM_MAX or not slugify(term):
        problem(f"the term must be a word or short phrase of at most {TERM_MAX} characters")
        return None
    return Entry(
        term, slugify(term), [form.strip() for form in forms], definition.strip(), render_markdown(definition).html, line
    )


def _check_clashes(entries, problems, path):
    seen = {}
    for entry in entries:
        for word in [entry.term, *entry.forms]:
            folded = word.casefold()
            if folded in seen and seen[folded] is not entry:
                message = f"'{word}' is listed under both '{seen[folded].term}' and '{entry.term}'"
                problems.append(Problem(path, entry.line, ERROR, message, "glossary"))
            seen[folded] = entry


def parse_glossary(raw, path=GLOSSARY_FILE):
    """Bytes of a glossary file to a Glossary; problems are collected with their lines, never raised."""
    glossary = Glossary()
    loaded = read_data_file(raw, path, "the glossary", "the glossary is empty; add at least one term", glossary.problems)
    if loaded is None:
        return glossary
    data, key_lines = loaded
    for term, value in data.items():
        entry = _entry(" ".join(term.split()), value, key_lines.get(term, 1), glossary.problems, path)
        if entry:
            glossary.entries.append(entry)
    _check_clashes(glossary.entries, glossary.problems, path)
    glossary.entries.sort(key=lambda entry: entry.term.casefold())
    return glossary
