"""Plain text, word counts and reading grade from rendered HTML.

The grade is Flesch-Kincaid (textstat 0.7.4, which works offline). Headings
and list items carry no full stop, so each block is closed with one before
scoring; otherwise a heading would be glued to the next sentence and the
grade would be higher than a reader experiences. Code, tables and the table
of contents are left out of the grade: they are not prose.
"""

import math
import re
from html.parser import HTMLParser

import textstat

WORDS_PER_MINUTE = 200
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "td", "th", "caption", "div"}
SKIPPED_TAGS = {"pre", "code", "table", "script", "style"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self._current = []
        self._skip_depth = 0

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag in SKIPPED_TAGS or (tag == "div" and "toc" in classes.split()):
            self._skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._close_block()

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS or (tag == "div" and self._skip_depth):
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._close_block()

    def handle_data(self, data):
        if not self._skip_depth:
            self._current.append(data)

    def _close_block(self):
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:;" else text + ".")

    def text(self):
        self._close_block()
        return "\n".join(self.blocks)


def prose_text(html):
    """The readable prose of an HTML fragment, one block a line."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return extractor.text()


def word_count(text):
    return len(_WORD.findall(text))


def reading_minutes(words):
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def reading_grade(text):
    """Flesch-Kincaid grade of plain text, rounded to one decimal; 0 for no text."""
    if not _WORD.search(text):
        return 0.0
    return round(float(textstat.flesch_kincaid_grade(text)), 1)
