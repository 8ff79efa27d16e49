from django.urls import path
from django.views.generic import TemplateView

from ..views.home import HomeView
from ..views.site_pages import SitePageView

app_name = "pages"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("about/how-we-write/", SitePageView.as_view(slug="how-we-write"), name="policy"),
]
