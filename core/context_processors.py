from django.conf import settings
from django.urls import translate_url

# The navigation's sections, by the namespace and name of the page's address.
SECTIONS = {
    ("treatments", "treatment_list"): "treatments",
    ("treatments", "treatment"): "treatments",
    ("treatments", "condition_list"): "conditions",
    ("treatments", "condition"): "conditions",
    ("articles", "list"): "articles",
    ("articles", "detail"): "articles",
    ("glossary", "index"): "glossary",
}


def alternates_for(path):
    """{language: path} for the same page in every language (a view may know better, as articles do)."""
    return {code: translate_url(path, code) for code, _ in settings.LANGUAGES}


def site(request):
    """Values every template may print: the site's name, the clinic's contact, the section, the other languages."""
    match = getattr(request, "resolver_match", None)
    section = SECTIONS.get((match.namespace, match.url_name), "") if match else ""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "CLINIC_PHONE": settings.CLINIC_PHONE,
        "EMERGENCY_NUMBER": settings.EMERGENCY_NUMBER,
        "canonical_url": settings.SITE_URL + request.path,
        "nav_section": section,
        "alternates": alternates_for(request.path),
    }
