from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..views import entries

app_name = "treatments"

urlpatterns = [
    path(_("treatments/"), entries.TreatmentListView.as_view(), name="treatment_list"),
    path(_("treatments/<slug:slug>/"), entries.TreatmentDetailView.as_view(), name="treatment"),
    path(_("conditions/"), entries.ConditionListView.as_view(), name="condition_list"),
    path(_("conditions/<slug:slug>/"), entries.ConditionDetailView.as_view(), name="condition"),
]
