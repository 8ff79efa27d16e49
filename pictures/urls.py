from django.urls import path

from . import views

app_name = "pictures"

urlpatterns = [
    path("renditions/<str:name>", views.rendition, name="rendition"),
]
