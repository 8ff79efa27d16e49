"""First mentions on a page become links: the treatments and conditions it names, and glossary terms.

The vocabulary is built in the view from what the database holds now, so a
sync or an admin save shows at once; pages are cached whole, so this runs
once per page and content version, not once per visitor.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from glossary.store import glossary_terms
from rendering.annotate import PageAnnotator, Term, Vocabulary
from treatments.models import Condition, Treatment


def _link(url):
    # The matched text comes from sanitized HTML and is already escaped.
    return lambda text: format_html('<a href="{}" class="topic-link">{}</a>', url, mark_safe(text))  # noqa: S308


def topic_terms():
    """One Term per name and other name of every published treatment and condition."""
    terms = []
    for model in (Treatment, Condition):
        for entry in model.objects.published().only("slug", "name", "other_names"):
            url = entry.get_absolute_url()
            terms += [
                Term(phrase=phrase, key=url, render=_link(url))
                for phrase in [entry.name, *entry.other_name_list]
                if len(phrase) >= 3
            ]
    return terms


def page_annotator(this_page=None):
    """Links to the treatments and conditions a page names, and definitions of glossary terms.

    `this_page` is the address of the page itself, which never links to itself.
    """
    return PageAnnotator(Vocabulary(topic_terms() + glossary_terms()), already_linked=[this_page] if this_page else [])


def annotated_sections(entry, annotator, placer):
    """{field name: the entry's rendered HTML with cards placed and first mentions marked}, in page order."""
    return {name: placer.place(entry.html(name), annotator.section) for name in entry.MARKDOWN_FIELDS}
