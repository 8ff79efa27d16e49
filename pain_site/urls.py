"""The site's addresses. English at today's paths, Spanish under /es/ with Spanish words (locale/es).

Each app's pages keep their own namespace (`articles:detail`, `treatments:treatment`); `reverse` gives
the address in the language that is active, so one template serves both languages.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

urlpatterns = [
    path("", include("core.urls")),
    path("", include("seo.urls")),
    path("media/", include("pictures.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("pages.urls.site")),
    path(_("articles/"), include("pages.urls.articles")),
    path("", include("pages.urls.treatments")),
    path(_("glossary/"), include("pages.urls.glossary")),
    path(_("search/"), include("search.urls")),
    path("feedback/", include("feedback.urls")),
    prefix_default_language=False,
)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
