from django.conf import settings

NAV_SECTIONS = ("treatments", "conditions", "articles", "glossary")


def site(request):
    """Values every template may print: the site's name, the clinic's contact, the current section."""
    first = request.path.strip("/").split("/", 1)[0]
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CLINIC_PHONE": settings.CLINIC_PHONE,
        "EMERGENCY_NUMBER": settings.EMERGENCY_NUMBER,
        "canonical_url": settings.SITE_URL + request.path,
        "nav_section": first if first in NAV_SECTIONS else "",
    }
