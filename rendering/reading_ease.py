"""How easy a Spanish page is to read: the Szigriszt-Pazos index, read on the INFLESZ scale.

Why this formula: Flesch-Kincaid's grades are tuned to English syllables and
overstate how hard Spanish is. Szigriszt-Pazos adapts Flesch to Spanish, and
the INFLESZ scale built on it was checked against Spanish health leaflets
(Barrio-Cantalejo et al., 2008), so it fits pages like ours better than
Fernández Huerta (the older adaptation, with a known error in its constant)
or Crawford (a school-year estimate for children's texts). textstat 0.7.4
has all three and works offline; its Spanish syllables come from pyphen.

INFLESZ: under 40 very hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly
easy ("bastante fácil"), over 80 very easy. The site aims for 65 or more.
"""

import re

from textstat.textstat import textstatistics

INFLESZ_BANDS = ((80, "muy fácil"), (65, "bastante fácil"), (55, "normal"), (40, "algo difícil"), (0, "muy difícil"))
_WORD = re.compile(r"[^\W\d_][^\W_'’-]*(?:['’-][^\W_]+)*", re.UNICODE)

_spanish = textstatistics()  # its own instance: setting the language never touches the English grade's
_spanish.set_lang("es")


def spanish_word_count(text):
    return len(_WORD.findall(text))


def spanish_reading_ease(text):
    """Szigriszt-Pazos of plain text, rounded to one decimal; 100 (the easiest) for text without words."""
    if not _WORD.search(text):
        return 100.0
    return round(float(_spanish.szigriszt_pazos(text)), 1)


def inflesz_band(score):
    return next(label for floor, label in INFLESZ_BANDS if score >= floor)
