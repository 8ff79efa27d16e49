from django.urls import path

from ..views import entries

app_name = "treatments"

urlpatterns = [
    path("treatments/", entries.TreatmentListView.as_view(), name="treatment_list"),
    path("treatments/<slug:slug>/", entries.TreatmentDetailView.as_view(), name="treatment"),
    path("conditions/", entries.ConditionListView.as_view(), name="condition_list"),
    path("conditions/<slug:slug>/", entries.ConditionDetailView.as_view(), name="condition"),
]
