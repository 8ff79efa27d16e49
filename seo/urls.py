from django.urls import path

from . import views

app_name = "seo"

# One sitemap and one robots.txt for both languages; the sitemap names each page's other-language twin.
urlpatterns = [
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
