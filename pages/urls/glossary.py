from django.urls import path

from ..views.glossary import GlossaryView

app_name = "glossary"

urlpatterns = [
    path("", GlossaryView.as_view(), name="index"),
]
