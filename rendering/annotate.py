"""Mark the first mention of known terms in sanitized HTML.

Used to link the first mention of a treatment or condition in an article,
and (later) to define the first use of a glossary term. Text inside links,
headings, code, figure captions and existing annotations is never touched,
so nothing is nested or broken.
"""

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "abbr", "dfn", "summary", "button", "script"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}


@dataclass(frozen=True)
class Term:
    phrase: str  # as a reader would write it; matched case-insensitively on word boundaries
    key: str  # what the mention stands for; each key is marked once per page
    render: object  # callable(matched_text) -> HTML string


def _pattern(terms):
    phrases = sorted({term.phrase for term in terms}, key=len, reverse=True)
    alternatives = "|".join(re.escape(html.escape(phrase, quote=False)) for phrase in phrases)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


class Vocabulary:
    """Terms ready to match: built once (a pattern over every phrase) and shared by many pages."""

    def __init__(self, terms):
        self.by_phrase = {}
        for term in terms:  # the first term listed for a phrase wins
            self.by_phrase.setdefault(html.escape(term.phrase, quote=False).casefold(), term)
        self.pattern = _pattern(terms) if terms else None


def annotate_first_mentions(fragment, vocabulary, done=None):
    """Return `fragment` with the first mention of each term's key replaced by `term.render(text)`.

    `done` holds keys already marked on this page; it is updated, so several
    sections of one page share it.
    """
    if vocabulary.pattern is None:
        return fragment
    by_phrase, pattern = vocabulary.by_phrase, vocabulary.pattern
    done = set() if done is None else done
    output, depth_skipped, position = [], [], 0

    def mark(text):
        def replace(match):
            term = by_phrase.get(match.group(1).casefold())
            if term is None or term.key in done:
                return match.group(0)
            done.add(term.key)
            return term.render(match.group(1))

        return pattern.sub(replace, text)

    for tag in _TAG.finditer(fragment):
        text = fragment[position : tag.start()]
        output.append(text if depth_skipped else mark(text))
        output.append(tag.group(0))
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in SKIP_INSIDE and not self_closing and name not in VOID:
            if closing:
                if name in depth_skipped:
                    depth_skipped.remove(name)
            else:
                depth_skipped.append(name)
        position = tag.end()
    tail = fragment[position:]
    output.append(tail if depth_skipped else mark(tail))
    return "".join(output)


class PageAnnotator:
    """Marks first mentions across every section of one page."""

    def __init__(self, vocabulary, already_linked=()):
        self.vocabulary = vocabulary
        self.done = set(already_linked)

    def section(self, fragment):
        return annotate_first_mentions(fragment, self.vocabulary, self.done)
