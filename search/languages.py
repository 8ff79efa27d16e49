"""Spanish stems for SQLite, which stems only English itself.

PostgreSQL does Spanish itself (the `spanish` text search configuration with
unaccent). SQLite's FTS5 knows only English stemming, so Spanish text is
stemmed before it is indexed, and Spanish queries the same way, with the
Snowball stemmer (snowballstemmer, the same algorithm PostgreSQL uses).
"""

import snowballstemmer

from .query import fold, words_of

_stemmer = snowballstemmer.stemmer("spanish")


def spanish_stem(word):
    return _stemmer.stemWord(fold(word))


def spanish_index_text(text):
    """Spanish text as SQLite's index keeps it: each word folded and stemmed."""
    return " ".join(spanish_stem(word) for word in words_of(text))
