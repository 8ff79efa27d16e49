from django.utils import translation
from django.views.generic import TemplateView

from glossary.store import terms_in
from search.query import fold

SPANISH_ALPHABET = "ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


class GlossaryView(TemplateView):
    template_name = "glossary/glossary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letters"] = glossary_by_letter(terms_in(translation.get_language()), translation.get_language())
        return context


def _alphabetical(term):
    """Accents do not move a word ('ácido' sits with the A's); Ñ comes after N."""
    return [(fold(char), char.lower() == "ñ") for char in term.term]


def glossary_by_letter(terms, language="en"):
    """[(letter, [terms])] for every letter of the alphabet (empty letters included, for the jump list)."""
    alphabet = SPANISH_ALPHABET if language == "es" else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    groups = {letter: [] for letter in alphabet}
    for term in sorted(terms, key=_alphabetical):
        groups.setdefault(term.letter, []).append(term)
    return list(groups.items())
