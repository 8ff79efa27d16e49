"""Glossary terms in the database, and the first-use definitions on pages."""

from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from rendering.annotate import Term

from .models import GlossaryTerm


def save_glossary(glossary, language="en"):
    """Replace the stored terms of one language with a parsed, valid glossary (inside the sync's transaction)."""
    GlossaryTerm.objects.filter(language=language).delete()
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            language=language,
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
        '<a href="{}" class="glossary-link">{}<span class="visually-hidden"> ({})</span></a>',
        url,
        mark_safe(text),  # noqa: S308
        gettext("see definition"),
    )


def terms_in(language):
    return GlossaryTerm.objects.filter(language=language)


def glossary_terms():
    """Terms to define on a page in the reader's language."""
    terms = []
    for entry in terms_in(translation.get_language() or "en"):
        url = entry.get_absolute_url()
        terms.extend(Term(phrase=phrase, key=url, render=_definition_link(url)) for phrase in [entry.term, *entry.forms])
    return terms
