"""Typo correction against the site's own words, with a symmetric-delete index (as in SymSpell).

Every vocabulary word is stored under each spelling with one letter
removed; a typo shares one of those keys with the word it was meant to be,
so candidates come from a few dictionary look-ups instead of a scan.
"""

from collections import defaultdict


def _deletes(word):
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def distance(a, b):
    """Damerau-Levenshtein distance (adjacent swaps count as one edit)."""
    previous_previous, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


class Speller:
    def __init__(self, vocabulary, written=None):
        """`vocabulary` maps a lowercase word to how common it is on the site.

        `written` maps a vocabulary word to the way the site writes it, when that differs: a Spanish
        word is looked up without its accents ("cirugia") and suggested with them ("cirugía").
        """
        self.vocabulary = dict(vocabulary)
        self.written = dict(written or {})
        self._index = defaultdict(set)
        for word in self.vocabulary:
            if 3 <= len(word) <= 30:
                self._index[word].add(word)
                for key in _deletes(word):
                    self._index[key].add(word)

    def __contains__(self, word):
        return word in self.vocabulary

    def suggest(self, word):
        """The likeliest intended word, or None when the word is known or nothing is close enough."""
        if word in self.vocabulary or len(word) < 4 or len(word) > 30 or not word.isalpha():
            return None
        candidates = set(self._index.get(word, ()))
        for key in _deletes(word):
            candidates |= self._index.get(key, set())
        limit = 1 if len(word) < 6 else 2
        scored = [(distance(word, candidate), -self.vocabulary[candidate], candidate) for candidate in candidates]
        scored = [item for item in scored if item[0] <= limit]
        return self.written.get(min(scored)[2], min(scored)[2]) if scored else None
