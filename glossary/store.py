"""Glossary terms in the database, and the first-use definitions on pages."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from rendering.annotate import Term

from .models import GlossaryTerm


def save_glossary(glossary):
    """Replace the stored terms with a parsed, valid glossary (inside the sync's transaction)."""
    GlossaryTerm.objects.all().delete()
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=entry.term,
            slug=entry.slug,
            forms=entry.forms,
            definition=entry.definition,
            definition_html=entry.definition_html,
        )
        for entry in glossary.entries
    )


def _definition_link(url):
    # The matched text comes from sanitized HTML and is already escaped.
    return lambda text: format_html(
        '<a href="{}" class="glossary-link">{}<span class="visually-hidden"> (see definition)</span></a>',
        url,
        mark_safe(text),  # noqa: S308
    )


def glossary_terms():
    terms = []
    for entry in GlossaryTerm.objects.all():
        url = entry.get_absolute_url()
        terms.extend(Term(phrase=phrase, key=url, render=_definition_link(url)) for phrase in [entry.term, *entry.forms])
    return terms
