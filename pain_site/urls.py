from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("core.urls")),
    path("articles/", include("articles.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
