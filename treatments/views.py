from django.views.generic import DetailView, ListView

from articles.models import ArticleTopic
from core.jsonld import condition_page, treatment_page
from core.preview import StaffPreviewMixin

from . import relations
from .illustrations import ILLUSTRATIONS
from .models import Condition, Risk, Treatment


class TreatmentListView(ListView):
    template_name = "treatments/treatment_list.html"
    context_object_name = "treatments"

    def get_queryset(self):
        return Treatment.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["comparison"] = relations.comparison_rows(context["treatments"])
        return context


class TreatmentDetailView(StaffPreviewMixin, DetailView):
    model = Treatment
    template_name = "treatments/treatment_detail.html"
    context_object_name = "treatment"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("risks", "faqs", "care_cards")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        treatment = self.object
        risks = list(treatment.risks.all())
        context.update(
            common_risks=[risk for risk in risks if risk.kind == Risk.COMMON],
            serious_risks=[risk for risk in risks if risk.kind == Risk.SERIOUS],
            conditions=relations.conditions_for_treatment(treatment),
            other_treatments=relations.other_treatments(treatment),
            articles=relations.related_articles(ArticleTopic.TREATMENT, treatment.slug),
            structured_data=treatment_page(treatment, self.request),
            illustration=ILLUSTRATIONS.get(treatment.slug),
        )
        return context


class ConditionListView(ListView):
    template_name = "treatments/condition_list.html"
    context_object_name = "conditions"

    def get_queryset(self):
        return Condition.objects.published()


class ConditionDetailView(StaffPreviewMixin, DetailView):
    model = Condition
    template_name = "treatments/condition_detail.html"
    context_object_name = "condition"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("faqs", "care_cards")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        condition = self.object
        treatments = relations.treatments_for_condition(condition)
        context.update(
            treatments=treatments,
            articles=relations.related_articles(ArticleTopic.CONDITION, condition.slug),
            structured_data=condition_page(condition, treatments, self.request),
        )
        return context
