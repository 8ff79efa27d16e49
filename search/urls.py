from django.urls import path

from . import views
from .opensearch import opensearch

app_name = "search"

urlpatterns = [
    path("", views.SearchView.as_view(), name="results"),
    path("opensearch.xml", opensearch, name="opensearch"),
]
