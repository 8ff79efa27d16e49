"""What each kind of page contributes to the index: title, other names, summary and plain body text, per language."""

import datetime

from django.utils import translation

from rendering.readability import prose_text

from .models import SearchDocument, document_key


def _text(*html_parts):
    return prose_text("\n".join(part for part in html_parts if part))


def _visible_from(item):
    return None if item.draft else item.published


# What article_document reads: a sync indexes articles just saved, and need not read back their HTML.
ARTICLE_FIELDS = ["slug", "language", "title", "summary", "body_text", "draft", "published"]


def article_document(article):
    return SearchDocument(
        key=document_key("article", article.slug, article.language),
        language=article.language,
        kind=SearchDocument.ARTICLE,
        title=article.title,
        aliases=" ; ".join(tag.name for tag in article.tags.all()),
        summary=article.summary,
        body=article.body_text,
        url=article.get_absolute_url(),
        visible_from=_visible_from(article),
    )


def _questions(entry):
    return [f"{faq.question or ''} {faq.answer or ''}" for faq in entry.faqs.all()]


def _entry_document(entry, kind, language, *, aliases, summary, more_text):
    """A treatment's or condition's page in one language (call it with that language active)."""
    return SearchDocument(
        key=document_key(kind, entry.slug, language),
        language=language,
        kind=kind,
        title=entry.name,
        aliases=" ; ".join(aliases),
        summary=summary,
        body=_text(*(entry.rendered or {}).values()) + "\n" + "\n".join(more_text),
        url=entry.get_absolute_url(),
        visible_from=_visible_from(entry),
    )


def treatment_document(treatment, language="en"):
    with translation.override(language):
        risks = [risk.description or "" for risk in treatment.risks.all()]
        return _entry_document(
            treatment,
            SearchDocument.TREATMENT,
            language,
            aliases=[treatment.plain_alias or "", *treatment.other_name_list],
            summary=treatment.summary,
            more_text=risks + _questions(treatment),
        )


def condition_document(condition, language="en"):
    with translation.override(language):
        return _entry_document(
            condition,
            SearchDocument.CONDITION,
            language,
            aliases=condition.other_name_list,
            summary=f"{condition.lead} {condition.summary}",
            more_text=_questions(condition),
        )


def glossary_document(term):
    return SearchDocument(
        key=document_key("glossary", term.slug, term.language),
        language=term.language,
        kind=SearchDocument.GLOSSARY,
        title=term.term,
        aliases=" ; ".join(term.forms),
        summary=term.definition,
        body="",
        url=term.get_absolute_url(),
        visible_from=datetime.date.min,  # the glossary has no drafts
    )
