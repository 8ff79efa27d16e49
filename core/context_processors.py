from django.conf import settings


def site(request):
    """Values every template may print: the site's name and the clinic's contact."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CLINIC_PHONE": settings.CLINIC_PHONE,
        "EMERGENCY_NUMBER": settings.EMERGENCY_NUMBER,
        "canonical_url": settings.SITE_URL + request.path,
    }
