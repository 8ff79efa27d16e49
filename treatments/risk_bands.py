"""How often a risk happens, in the usual bands, and whether the words given for it fit its band.

A page groups and labels risks by band, so its headings come from here and
never from free text; `frequency_problem` stops a natural frequency ("about 2
in 100") from being filed under a band it does not belong to.
"""

import re
from dataclasses import dataclass
from fractions import Fraction

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Band:
    key: str
    label: str  # translated: the page prints it in its own language
    meaning: str  # how often, as the page says it (translated too)
    low: Fraction  # the band's share of people, inclusive at both ends
    high: Fraction


BANDS = (
    Band("very_common", _("Very common"), _("more than 1 in 10 people"), Fraction(1, 10), Fraction(1)),
    Band("common", _("Common"), _("between 1 in 10 and 1 in 100 people"), Fraction(1, 100), Fraction(1, 10)),
    Band("uncommon", _("Uncommon"), _("between 1 in 100 and 1 in 1,000 people"), Fraction(1, 1000), Fraction(1, 100)),
    Band("rare", _("Rare"), _("between 1 in 1,000 and 1 in 10,000 people"), Fraction(1, 10000), Fraction(1, 1000)),
    Band("very_rare", _("Very rare"), _("fewer than 1 in 10,000 people"), Fraction(0), Fraction(1, 10000)),
    Band("not_known", _("How often is not known"), _("the studies do not say how often"), Fraction(0), Fraction(1)),
)
BY_KEY = {band.key: band for band in BANDS}
BAND_CHOICES = [(band.key, format_lazy("{} ({})", band.label, band.meaning)) for band in BANDS]
ORDER = {band.key: index for index, band in enumerate(BANDS)}

_NUMBER = r"\d[\d,.]*\d|\d"  # thousands written 10,000 (English) or 10.000 (Spanish)
# English "about 2 to 5 in 100", Spanish "alrededor de 2 a 5 de cada 100".
NATURAL_FREQUENCY = re.compile(
    rf"(?:(?P<fewer>fewer than|less than|under|menos de)\s+|(?P<more>more than|over|más de|mas de)\s+)?"
    rf"(?P<low>{_NUMBER})(?:\s*(?:to|-|–|or|a|o)\s*(?P<high>{_NUMBER}))?\s+(?:in|out of|de cada|en)\s+(?P<of>{_NUMBER})",
    re.IGNORECASE,
)


def _number(text):
    return int(text.replace(",", "").replace(".", ""))


def frequency_range(text):
    """(lowest, highest) share of people the words describe, or None when they give no 'N in M' figure."""
    matches = list(NATURAL_FREQUENCY.finditer(text or ""))
    if not matches:
        return None
    shares = []
    for match in matches:
        of = _number(match["of"])
        if of == 0:
            return None
        low = Fraction(_number(match["low"]), of)
        high = Fraction(_number(match["high"]), of) if match["high"] else low
        if match["fewer"]:
            low = Fraction(0)
        if match["more"]:
            high = Fraction(1)
        shares += [low, high]
    return min(shares), max(shares)


def frequency_problem(band_key, frequency):
    """Why the natural frequency does not fit the band, in plain words, or None when it fits."""
    frequency = (frequency or "").strip()
    if not frequency:
        return None
    band = BY_KEY[band_key]
    if band.key == "not_known":
        return "a risk whose frequency is not known cannot also give one: choose the band the frequency falls in"
    shares = frequency_range(frequency)
    if shares is None:
        return f"write how often as a natural frequency with numbers, such as 'about 2 in 100', not '{frequency}'"
    low, high = shares
    if low < band.low or high > band.high:
        fitting = [b.label.lower() for b in BANDS[:-1] if b.low <= low and high <= b.high]
        hint = f"; '{frequency}' is {' or '.join(fitting)}" if fitting else "; it spans more than one band"
        return f"'{frequency}' does not fit the band '{band.label.lower()}' ({band.meaning}){hint}"
    return None
