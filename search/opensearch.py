from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext


def opensearch(request):
    """OpenSearch description, so browsers can offer the site's search."""
    template = settings.SITE_URL + reverse("search:results") + "?q={searchTerms}"
    description = gettext("Search %(site)s") % {"site": settings.SITE_NAME}
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">'
        f"<ShortName>{escape(settings.SITE_NAME[:16])}</ShortName>"
        f"<Description>{escape(description)}</Description>"
        "<InputEncoding>UTF-8</InputEncoding>"
        f'<Url type="text/html" method="get" template="{escape(template)}"/>'
        "</OpenSearchDescription>"
    )
    return HttpResponse(body, content_type="application/opensearchdescription+xml")
