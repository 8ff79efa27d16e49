"""Whether an entry's Spanish has kept up with its English.

Each entry remembers a fingerprint of the English text its Spanish was written
from. When someone saves new Spanish, that fingerprint moves to the English of
the moment; when only the English changes, it stays behind, and the Spanish
page says the translation may be out of date.
"""

import hashlib

from django.utils import translation

SPANISH = "es"


def english_fingerprint(obj):
    with translation.override("en"):
        return hashlib.sha256(obj.review_text().encode("utf-8")).hexdigest()


def spanish_text_fingerprint(obj):
    with translation.override(SPANISH):
        return hashlib.sha256(obj.review_text().encode("utf-8")).hexdigest()


def has_spanish(obj):
    """Spanish for every text the page needs: a name (or title) and its summary at the least."""
    first = "title" if hasattr(obj, "title") else "name"
    return bool(getattr(obj, f"{first}_{SPANISH}", None) and getattr(obj, f"summary_{SPANISH}", None))


def note_spanish_edit(obj):
    """After a save: if the Spanish changed, it was written from the English as it is now."""
    spanish = spanish_text_fingerprint(obj) if has_spanish(obj) else ""
    if spanish != obj.spanish_fingerprint:
        obj.spanish_fingerprint, obj.spanish_made_from = spanish, english_fingerprint(obj) if spanish else ""
        type(obj).objects.filter(pk=obj.pk).update(
            spanish_fingerprint=obj.spanish_fingerprint, spanish_made_from=obj.spanish_made_from
        )


def spanish_is_current(obj):
    return has_spanish(obj) and obj.spanish_made_from == english_fingerprint(obj)
