from django.views.generic import TemplateView

from glossary.models import GlossaryTerm


class GlossaryView(TemplateView):
    template_name = "glossary/glossary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letters"] = glossary_by_letter(GlossaryTerm.objects.all())
        return context


def glossary_by_letter(terms):
    """[(letter, [terms])] for every letter A to Z (empty letters included, for the jump list)."""
    groups = {chr(code): [] for code in range(ord("A"), ord("Z") + 1)}
    for term in terms:
        groups.setdefault(term.letter, []).append(term)
    return list(groups.items())
