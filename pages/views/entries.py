"""Treatment and condition pages, and their lists with the at-a-glance comparison."""

from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from articles.models import ArticleTopic
from core.preview import StaffPreviewMixin
from pictures.markup import uploaded_picture
from reviews import models as reviews
from reviews.items import entry_item
from reviews.status import status_of
from seo.jsonld import condition_page, treatment_page
from treatments.illustrations import ILLUSTRATIONS
from treatments.models import Condition, Treatment
from treatments.translations import has_spanish, spanish_is_current

from .. import relations
from ..cards import CardPlacer
from ..languages import untranslated
from ..linking import annotated_sections, page_annotator


class TreatmentListView(ListView):
    template_name = "treatments/treatment_list.html"
    context_object_name = "treatments"

    def get_queryset(self):
        return Treatment.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["comparison"] = relations.comparison_rows(context["treatments"])
        return context


class EntryDetailView(StaffPreviewMixin, DetailView):
    """What a treatment and a condition page share: sections with terms defined, the picture, related articles."""

    topic_kind = ""
    review_kind = ""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if get_language() != "en" and not has_spanish(self.object):
            with translation.override("en"):
                return untranslated(request, self.object.name, self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        placer = CardPlacer(*(entry.html(name) for name in entry.MARKDOWN_FIELDS))
        context.update(
            sections=annotated_sections(entry, page_annotator(this_page=entry.get_absolute_url()), placer),
            picture=uploaded_picture(entry.image_key, entry.image_alt),
            articles=relations.related_articles(self.topic_kind, entry.slug),
            review=status_of(entry_item(self.review_kind, entry, get_language())),
            translation_behind=get_language() != "en" and not spanish_is_current(entry),
        )
        return context


class TreatmentDetailView(EntryDetailView):
    model = Treatment
    template_name = "treatments/treatment_detail.html"
    context_object_name = "treatment"
    topic_kind = ArticleTopic.TREATMENT
    review_kind = reviews.TREATMENT

    def get_queryset(self):
        return super().get_queryset().prefetch_related("risks", "faqs", "care_cards", "sources")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        treatment = self.object
        context.update(
            conditions=relations.conditions_for_treatment(treatment),
            other_treatments=relations.other_treatments(treatment),
            structured_data=treatment_page(treatment, self.request, context["review"]),
            illustration=ILLUSTRATIONS.get(treatment.slug),
        )
        return context


class ConditionListView(ListView):
    template_name = "treatments/condition_list.html"
    context_object_name = "conditions"

    def get_queryset(self):
        return Condition.objects.published()


class ConditionDetailView(EntryDetailView):
    model = Condition
    template_name = "treatments/condition_detail.html"
    context_object_name = "condition"
    topic_kind = ArticleTopic.CONDITION
    review_kind = reviews.CONDITION

    def get_queryset(self):
        return super().get_queryset().prefetch_related("faqs", "care_cards", "sources")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        condition = self.object
        treatments = relations.treatments_for_condition(condition)
        structured_data = condition_page(condition, treatments, self.request, context["review"])
        context.update(treatments=treatments, structured_data=structured_data)
        return context
