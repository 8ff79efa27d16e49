"""Link the first mention of a treatment or condition in an article to its page."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import SiteState
from core.annotate import PageAnnotator, Term, Vocabulary
from core.glossary_store import glossary_terms

from .models import Condition, Treatment


def _link(url, title):
    # The matched text comes from sanitized HTML and is already escaped.
    return lambda text: format_html('<a href="{}" class="topic-link">{}</a>', url, mark_safe(text))  # noqa: S308


def topic_terms():
    """One Term per name and other name of every published treatment and condition."""
    terms = []
    for model in (Treatment, Condition):
        for entry in model.objects.published().only("slug", "name", "other_names"):
            url = entry.get_absolute_url()
            for phrase in [entry.name, *entry.other_name_list]:
                if len(phrase) >= 3:
                    terms.append(Term(phrase=phrase, key=url, render=_link(url, entry.name)))
    return terms


_vocabularies = {}


def page_annotator(kind):
    """Articles link treatments and conditions and define glossary terms; entry pages define terms only.

    The vocabulary is built once per content version and process: every sync or admin save raises it.
    """
    version = SiteState.version()
    if (kind, version) not in _vocabularies:
        if len(_vocabularies) > 8:
            _vocabularies.clear()
        terms = topic_terms() if kind == "article" else []
        _vocabularies[(kind, version)] = Vocabulary(terms + glossary_terms())
    return PageAnnotator(_vocabularies[(kind, version)])
