"""Spanish stems for SQLite, which stems only English itself.

PostgreSQL does Spanish itself (the `spanish` text search configuration with
unaccent). SQLite's FTS5 knows only English stemming, so Spanish text is
stemmed before it is indexed, and Spanish queries the same way, with the
Snowball stemmer (snowballstemmer, the same algorithm PostgreSQL uses).
"""

import functools
import threading

import snowballstemmer

from .query import fold, words_of

_stemmer = snowballstemmer.stemmer("spanish")
_stemmer_lock = threading.Lock()


@functools.lru_cache(maxsize=50_000)
def spanish_stem(word):
    """One word's stem. Remembered, since the same words recur on every page; the stemmer
    keeps state while it works, so the threads of one worker take turns with it."""
    folded = fold(word)
    with _stemmer_lock:
        return _stemmer.stemWord(folded)


def spanish_index_text(text):
    """Spanish text as SQLite's index keeps it: each word folded and stemmed."""
    return " ".join(spanish_stem(word) for word in words_of(text))
