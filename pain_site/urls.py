from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from core.seo import ArticleFeed, robots_txt, sitemap_xml

urlpatterns = [
    path("", include("core.urls")),
    path("articles/", include("articles.urls")),
    path("", include("treatments.urls")),
    path("search/", include("search.urls")),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("feed/", ArticleFeed(), name="feed"),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
