"""The site's addresses. Each app's pages keep their own namespace (`articles:detail`, `treatments:treatment`)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("pages.urls.site")),
    path("", include("core.urls")),
    path("", include("seo.urls")),
    path("articles/", include("pages.urls.articles")),
    path("", include("pages.urls.treatments")),
    path("glossary/", include("pages.urls.glossary")),
    path("search/", include("search.urls")),
    path("feedback/", include("feedback.urls")),
    path("media/", include("pictures.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
