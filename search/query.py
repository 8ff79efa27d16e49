"""From what a patient typed to a safe search plan. Pure: no database, no settings (only the reader's language).

Nothing the user types reaches SQL or a regular expression as syntax: the
query is cut to words made of letters and digits, and the backends build
their match expressions from those words only.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
STOP_WORDS = frozenset(
    """a about after again am an and any are as at be been before being but by can could did do does doing
    for from had has have having how i if in into is it its me my no nor not of off on once or our out over
    should so some such than that the their them then there these they this those through to too under until
    up very was we were what when where which while who why will with would you your yours get got
    whats hows procedure procedures treatment treatments help""".split()
)
# "procedure", "treatment" and "help" carry no meaning on a site that is all about them,
# unless they are part of a phrase patients use ("the burning procedure"), which synonyms catch first.


class QueryRejected(ValueError):
    """The query cannot be searched at all (it contains a NUL byte)."""


@dataclass
class Plan:
    """What to look for: words the patient typed, and phrases their words stand for."""

    text: str  # the cleaned query, as shown back to the patient
    words: list = field(default_factory=list)  # meaningful words, lowercased, in order
    phrases: list = field(default_factory=list)  # expansions from synonyms, each a list of words
    prefix_last: bool = False  # the last word may be unfinished ("sciat")
    wants_definition: bool = False  # "what does sedation mean": the glossary's answer comes first

    @property
    def empty(self):
        return not self.words and not self.phrases

    def highlight_words(self):
        words = set(self.words)
        for phrase in self.phrases:
            words.update(phrase)
        return sorted(words, key=len, reverse=True)


def clean(raw):
    """Normalise what was typed: NFKC, no control or format characters, single spaces, a sane length."""
    if "\x00" in raw:
        # The reason is shown to the reader ("We could not search for that: ..."), in the page's language.
        raise QueryRejected(gettext("the search contains a NUL character"))
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def words_of(text):
    return [word.lower() for word in _WORD.findall(text)]


def _find_phrase(words, phrase):
    size = len(phrase)
    return next((index for index in range(len(words) - size + 1) if words[index : index + size] == phrase), None)


def expand(words, synonyms):
    """Phrases that the words stand for, longest synonym first; `synonyms` maps word tuples to lists of word lists."""
    phrases, used = [], set()
    for key in sorted(synonyms, key=len, reverse=True):
        start = _find_phrase(words, list(key))
        if start is None or used & set(range(start, start + len(key))):
            continue
        used.update(range(start, start + len(key)))
        for target in synonyms[key]:
            if target not in phrases:
                phrases.append(target)
    return phrases


# Words that ask what something means; they name no page, so they are not searched for.
DEFINITION_WORDS = frozenset({"mean", "means", "meaning", "define", "definition", "significa", "significado", "definicion"})
DEFINITION_CUE = re.compile(
    r"^(?:what\s+(?:is|are|does|do)\b|define\b|definition\b|meaning\b|qu[eé]\s+(?:es|son|significa)\b)", re.I
)


def make_plan(raw, synonyms=None):
    """Build a Plan from raw input. Raises QueryRejected for input that must be refused."""
    text = clean(raw)
    all_words = words_of(text)[: MAX_WORDS * 2]
    meaningful = [word for word in all_words if word not in STOP_WORDS | DEFINITION_WORDS]
    wants_definition = bool(DEFINITION_CUE.match(text)) and (bool(DEFINITION_WORDS & set(all_words)) or len(meaningful) <= 3)
    if wants_definition:
        all_words = [word for word in all_words if word not in DEFINITION_WORDS]
    phrases = expand(all_words, synonyms or {})
    words = [word for word in all_words if word not in STOP_WORDS][:MAX_WORDS]
    finished = text.endswith((" ", ".", "?", "!"))
    prefix_last = bool(words) and not finished and len(words[-1]) >= 3
    return Plan(text=text, words=words, phrases=phrases, prefix_last=prefix_last, wants_definition=wants_definition)


def with_corrections(plan, corrections, synonyms=None):
    """A new plan with misspelt words replaced, re-expanded through synonyms."""
    corrected = " ".join(corrections.get(word, word) for word in words_of(plan.text))
    return make_plan(corrected, synonyms)
