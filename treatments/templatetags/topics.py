"""Template helpers that cross-link articles with treatments and conditions."""

from django import template
from django.utils.safestring import mark_safe

from core import jsonld
from treatments import linking
from treatments.relations import topics_of_article

register = template.Library()


@register.simple_tag
def page_annotator(kind):
    """`{% page_annotator "article" as annotator %}`: first mentions on this page become links."""
    return linking.page_annotator(kind)


@register.filter
def annotate(html, annotator):
    """Sanitized HTML with first mentions of topics and glossary terms linked."""
    return mark_safe(annotator.section(html))  # noqa: S308 (input is sanitized HTML; links are built with format_html)


@register.inclusion_tag("includes/article_topics.html")
def article_topics(article):
    return topics_of_article(article)


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    return jsonld.to_script(jsonld.article_page(article, topics_of_article(article), context["request"]))
