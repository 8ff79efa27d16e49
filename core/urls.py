from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
    path("media/renditions/<str:name>", views.rendition, name="rendition"),
    path("privacy/", TemplateView.as_view(template_name="core/privacy.html"), name="privacy"),
    path("accessibility/", TemplateView.as_view(template_name="core/accessibility.html"), name="accessibility"),
]
