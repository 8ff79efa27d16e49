"""Plain text, word counts and reading grade from rendered HTML.

The grade is Flesch-Kincaid exactly as textstat 0.7.4 computes it (offline,
pyphen's en_US hyphenation for syllables), done here step for step so that
each distinct word is hyphenated once per process instead of on every use:
pyphen on every word was 3 ms an article. tests/rendering/test_readability.py
proves the grades equal textstat's.

Headings and list items carry no full stop, so each block is closed with one
before scoring; otherwise a heading would be glued to the next sentence and
the grade would be higher than a reader experiences. Code, tables and the
table of contents are left out of the grade: they are not prose.
"""

import functools
import math
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

from pyphen import Pyphen

WORDS_PER_MINUTE = 200
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "td", "th", "caption", "div"}
SKIPPED_TAGS = {"pre", "code", "table", "script", "style"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


class _Blocks:
    """Text gathered into blocks, leaving out code, tables and the table of contents."""

    def __init__(self):
        self.blocks = []
        self._current = []
        self._skip_depth = 0

    def start(self, tag, classes):
        if tag in SKIPPED_TAGS or (tag == "div" and "toc" in classes.split()):
            self._skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._close_block()

    def end(self, tag):
        if tag in SKIPPED_TAGS or (tag == "div" and self._skip_depth):
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._close_block()

    def data(self, text):
        if not self._skip_depth:
            self._current.append(text)

    def _close_block(self):
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:;" else text + ".")

    def text(self):
        self._close_block()
        return "\n".join(self.blocks)


class _TextExtractor(HTMLParser):
    """Any HTML, read by the standard library's parser."""

    def __init__(self, blocks):
        super().__init__(convert_charrefs=True)
        self.collect = blocks

    def handle_starttag(self, tag, attrs):
        self.collect.start(tag, dict(attrs).get("class") or "")

    def handle_endtag(self, tag):
        self.collect.end(tag)

    def handle_data(self, data):
        self.collect.data(data)


# A tag as nh3 writes one: a plain name, and attributes whose values are in double quotes.
_CLEAN_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'<>/=]+(?:="[^"]*")?)*)\s*(/?)>')
_ATTRIBUTE = re.compile(r'([^\s"\'<>/=]+)(?:="([^"]*)")?')
# Elements whose text HTMLParser reads raw (scripts and styles, and more in newer Pythons); nh3 never writes them.
_RAW_TEXT_TAGS = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
_RELEVANT_TAGS = BLOCK_TAGS | SKIPPED_TAGS | _RAW_TEXT_TAGS


def _clean_html_blocks(html):
    """Blocks of HTML written the way nh3 writes it, read with one regular expression in under half HTMLParser's time.

    None for anything else (a comment, a script, a stray `<`), which HTMLParser reads instead.
    """
    collect, position = _Blocks(), 0
    for tag in _CLEAN_TAG.finditer(html):
        if tag.start() > position:
            text = html[position : tag.start()]
            if "<" in text:
                return None
            collect.data(unescape(text) if "&" in text else text)
        position = tag.end()
        name = tag.group(2).lower()
        if name not in _RELEVANT_TAGS:
            continue
        if name in _RAW_TEXT_TAGS:
            return None
        closing, attributes, self_closing = tag.group(1), tag.group(3), tag.group(4)
        if not closing:
            classes = [value for key, value in _ATTRIBUTE.findall(attributes) if key.lower() == "class"]
            collect.start(name, unescape(classes[-1]) if classes else "")
        if closing or self_closing:
            collect.end(name)
    text = html[position:]
    if "<" in text:
        return None
    collect.data(unescape(text) if "&" in text else text)
    return collect


def prose_text(html):
    """The readable prose of an HTML fragment, one block a line."""
    collect = _clean_html_blocks(html)
    if collect is None:
        collect = _Blocks()
        extractor = _TextExtractor(collect)
        extractor.feed(html)
        extractor.close()
    return collect.text()


def word_count(text):
    return len(_WORD.findall(text))


def reading_minutes(words):
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


# textstat's own patterns: punctuation (apostrophes and hyphens included) is removed before words are
# split on white space, and a sentence is a run up to its end marks.
_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_HYPHENATOR = Pyphen(lang="en_US")


@functools.cache  # pyphen keeps every word it has seen as well; this spares its per-call work
def _syllable_count(word):
    return len(_HYPHENATOR.positions(word)) + 1


def _round1(number):
    """textstat's rounding to one decimal: half away from zero."""
    return float(math.floor(number * 10 + math.copysign(0.5, number))) / 10


_WORD_CHARACTER = re.compile(r"\w")


def _is_short(sentence):
    """textstat's test: two words or fewer once punctuation is removed, so a word is a token with a word character."""
    words = 0
    for token in sentence.split():
        if _WORD_CHARACTER.search(token):
            words += 1
            if words > 2:
                return False
    return True


def _flesch_kincaid(text):
    """textstat 0.7.4's flesch_kincaid_grade(text), with syllables counted once per distinct word."""
    stripped = _PUNCTUATION.sub("", text)
    sentences = _SENTENCE.findall(text)
    short = sum(1 for sentence in sentences if _is_short(sentence))
    # textstat lowers the text before removing punctuation; when what is left is plain ASCII, lowering it after
    # gives the same words (no character outside letters, digits and spaces lowers into one), with one pass less.
    if stripped.isascii():
        lowered_words = stripped.lower().split()
        words = len(lowered_words)
    else:
        lowered_words = _PUNCTUATION.sub("", text.lower()).split()
        words = len(stripped.split())
    sentence_length = _round1(words / max(1, len(sentences) - short))
    syllables = sum(count * _syllable_count(word) for word, count in Counter(lowered_words).items())
    syllables_per_word = _round1(syllables / words) if words else 0.0
    return _round1(float(0.39 * sentence_length) + float(11.8 * syllables_per_word) - 15.59)


def reading_grade(text):
    """Flesch-Kincaid grade of plain text, rounded to one decimal; 0 for no text."""
    if not _WORD.search(text):
        return 0.0
    return round(_flesch_kincaid(text), 1)
