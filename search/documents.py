"""What each kind of page contributes to the index: title, other names, summary and plain body text."""

import datetime

from rendering.readability import prose_text

from .models import SearchDocument


def _text(*html_parts):
    return prose_text("\n".join(part for part in html_parts if part))


def _visible_from(item):
    return None if item.draft else item.published


def article_document(article):
    return SearchDocument(
        key=f"article:{article.slug}",
        kind=SearchDocument.ARTICLE,
        title=article.title,
        aliases=" ; ".join(tag.name for tag in article.tags.all()),
        summary=article.summary,
        body=article.body_text,
        url=article.get_absolute_url(),
        visible_from=_visible_from(article),
    )


def treatment_document(treatment):
    risks = [risk.description for risk in treatment.risks.all()]
    faqs = [f"{faq.question} {faq.answer}" for faq in treatment.faqs.all()]
    return SearchDocument(
        key=f"treatment:{treatment.slug}",
        kind=SearchDocument.TREATMENT,
        title=treatment.name,
        aliases=" ; ".join([treatment.plain_alias, *treatment.other_name_list]),
        summary=treatment.summary,
        body=_text(*treatment.rendered.values()) + "\n" + "\n".join(risks + faqs),
        url=treatment.get_absolute_url(),
        visible_from=_visible_from(treatment),
    )


def condition_document(condition):
    faqs = [f"{faq.question} {faq.answer}" for faq in condition.faqs.all()]
    return SearchDocument(
        key=f"condition:{condition.slug}",
        kind=SearchDocument.CONDITION,
        title=condition.name,
        aliases=" ; ".join(condition.other_name_list),
        summary=f"{condition.lead} {condition.summary}",
        body=_text(*condition.rendered.values()) + "\n" + "\n".join(faqs),
        url=condition.get_absolute_url(),
        visible_from=_visible_from(condition),
    )


def glossary_document(term):
    return SearchDocument(
        key=f"glossary:{term.slug}",
        kind=SearchDocument.GLOSSARY,
        title=term.term,
        aliases=" ; ".join(term.forms),
        summary=term.definition,
        body="",
        url=term.get_absolute_url(),
        visible_from=datetime.date.min,  # the glossary has no drafts
    )
