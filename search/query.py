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
SPANISH_STOP_WORDS = frozenset(
    """a al algo algun alguna algunas alguno algunos ante antes como con contra cual cuales cuando de del desde
    donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estan estar estas este esto
    estos fue fueron ha hay hasta la las le les lo los mas me mi mis mucho muchos muy nada ni no nos o otra
    otras otro otros para pero poco por porque puede pueden que quien se ser si sin sobre son su sus tambien
    tan te tengo tiene tienen todo todos tu tus un una uno unos usted ustedes y ya yo cómo qué cuál cuáles
    dónde quién más también está están sí él mí tú procedimiento procedimientos tratamiento tratamientos
    ayuda""".split()
)
# As in English ("procedure", "treatment", "help"): on a site that is all about them, they narrow nothing.
STOP_WORDS_BY_LANGUAGE = {"en": STOP_WORDS, "es": SPANISH_STOP_WORDS}


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
    language: str = "en"

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
    r"^[¿¡\s]*(?:what\s+(?:is|are|does|do)\b|define\b|definition\b|meaning\b|qu[eé]\s+(?:es|son|significa)\b)", re.I
)


def fold(text):
    """Lowercase, without accents: 'cirugía', 'Cirugia' and 'CIRUGÍA' are the same word to a search."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def make_plan(raw, synonyms=None, language="en"):
    """Build a Plan from raw input. Raises QueryRejected for input that must be refused.

    `synonyms` keys are word tuples without accents; the words typed are compared the same way.
    """
    stop_words = STOP_WORDS_BY_LANGUAGE.get(language, STOP_WORDS)
    text = clean(raw)
    all_words = words_of(text)[: MAX_WORDS * 2]
    folded = {fold(word) for word in all_words}
    meaningful = [word for word in all_words if fold(word) not in stop_words | DEFINITION_WORDS]
    wants_definition = bool(DEFINITION_CUE.match(text)) and (bool(DEFINITION_WORDS & folded) or len(meaningful) <= 3)
    if wants_definition:
        all_words = [word for word in all_words if fold(word) not in DEFINITION_WORDS]
    phrases = expand([fold(word) for word in all_words], synonyms or {})
    words = [word for word in all_words if fold(word) not in stop_words][:MAX_WORDS]
    finished = text.endswith((" ", ".", "?", "!"))
    prefix_last = bool(words) and not finished and len(words[-1]) >= 3
    return Plan(
        text=text, words=words, phrases=phrases, prefix_last=prefix_last, wants_definition=wants_definition, language=language
    )


def with_corrections(plan, corrections, synonyms=None):
    """A new plan, in the plan's language, with misspelt words replaced, re-expanded through synonyms."""
    corrected = " ".join(corrections.get(word, word) for word in words_of(plan.text))
    return make_plan(corrected, synonyms, plan.language)
