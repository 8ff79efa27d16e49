"""schema.org JSON-LD for every page: a MedicalWebPage about a procedure, a condition or a topic."""

import json

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from rendering.readability import prose_text

PROCEDURE_TYPES = {"injection": "PercutaneousProcedure", "needle": "PercutaneousProcedure", "implant": "SurgicalProcedure"}
# The same escapes as Django's json_script: nothing in the data can close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def to_script(data):
    """A <script type="application/ld+json"> element whose content cannot break out."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def _url(request, path):
    return settings.SITE_URL + path


def web_page(request, name, description, *, about=None, review=None, extra=None):
    """A MedicalWebPage for patients; `review` (a current clinical review's status) adds who reviewed it and when."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": name,
        "description": description,
        "url": _url(request, request.path),
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "publisher": {"@type": "MedicalOrganization", "name": settings.SITE_NAME},
    }
    if about:
        data["about"] = about
    if review is not None and review.is_current:
        data["lastReviewed"] = review.reviewed_on.isoformat()
        data["reviewedBy"] = {"@type": "Person", "name": review.reviewer_name, "jobTitle": review.reviewer_credentials}
    data.update(extra or {})
    return data


def procedure(treatment, request):
    return {
        "@type": "MedicalProcedure",
        "name": treatment.name,
        "alternateName": treatment.other_name_list,
        "description": treatment.summary,
        "url": _url(request, treatment.get_absolute_url()),
        "procedureType": PROCEDURE_TYPES.get(treatment.invasiveness, "PercutaneousProcedure"),
    }


def treatment_page(treatment, request, review=None):
    about = procedure(treatment, request)
    about["howPerformed"] = strip_tags(treatment.html("during")).strip()
    about["preparation"] = strip_tags(treatment.html("preparation")).strip()
    return web_page(request, f"{treatment.name}: {treatment.plain_alias}", treatment.summary, about=about, review=review)


def condition_page(condition, treatments, request, review=None):
    symptoms = [line.rstrip(".") for line in prose_text(condition.html("symptoms")).splitlines()]
    about = {
        "@type": "MedicalCondition",
        "name": condition.name,
        "alternateName": condition.other_name_list,
        "description": condition.lead,
        "url": _url(request, condition.get_absolute_url()),
        "possibleTreatment": [procedure(treatment, request) for treatment in treatments],
        "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": symptom} for symptom in symptoms if symptom],
    }
    return web_page(request, condition.name, condition.summary, about=about, review=review)


def _reference(schema_type, entry, request):
    return {"@type": schema_type, "name": entry.name, "url": _url(request, entry.get_absolute_url())}


def article_page(article, topics, request, review=None):
    about = [_reference("MedicalProcedure", treatment, request) for treatment in topics["treatments"]]
    about += [_reference("MedicalCondition", condition, request) for condition in topics["conditions"]]
    extra = {"datePublished": article.published.isoformat()}
    if article.updated:
        extra["dateModified"] = article.updated.isoformat()
    return web_page(request, article.title, article.summary, about=about or None, review=review, extra=extra)
