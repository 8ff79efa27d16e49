from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from seo.views import ArticleFeed

from ..views.home import HomeView
from ..views.site_pages import SitePageView

app_name = "pages"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path(_("privacy/"), TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path(_("accessibility/"), TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path(_("about/how-we-write/"), SitePageView.as_view(key="policy"), name="policy"),
    path("feed/", ArticleFeed(), name="feed"),
]
