"""The treatments and conditions admin, written for clinic editors, not programmers."""

from django import forms
from django.contrib import admin
from django.db import models, transaction
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from core import previews
from core.visibility import publication_status

from .models import (
    CareCard,
    Condition,
    ConditionCareCard,
    ConditionQuestion,
    ConditionSource,
    Risk,
    StarterRecord,
    Treatment,
    TreatmentCareCard,
    TreatmentQuestion,
    TreatmentSource,
)
from .translations import note_spanish_edit


class KeepsAdminEditsAdmin(TranslationAdmin, VersionAdmin):
    """English and Spanish fields side by side (django-modeltranslation); every change kept in the history
    (django-reversion: who, when, and a way back to any earlier version).

    A change or deletion made here is the admin's: `load_starter` never overwrites it or brings it back.
    An edit to the Spanish records which English it was written from (treatments/translations.py).
    """

    PREVIEW = "_preview"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if self.PREVIEW not in request.POST:
            note_spanish_edit(form.instance)

    def log_change(self, request, obj, message):
        StarterRecord.mark_edited(obj)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            StarterRecord.mark_edited(obj)
        return super().log_deletions(request, queryset)


class AtLeastOneFormSet(forms.BaseInlineFormSet):
    """Every page needs at least one 'when to get help' card."""

    def clean(self):
        super().clean()
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if not kept:
            raise forms.ValidationError("Add at least one 'When to get help' care card.")


class TreatmentCareCardInline(admin.TabularInline):
    model = TreatmentCareCard
    formset = AtLeastOneFormSet
    extra = 0
    min_num = 1
    verbose_name = "When to get help card"
    verbose_name_plural = "When to get help (at least one card)"


class ConditionCareCardInline(TreatmentCareCardInline):
    model = ConditionCareCard


class RiskInline(TranslationStackedInline):
    model = Risk
    extra = 0
    fields = (("description", "important"), ("band", "frequency", "course"), "order")
    verbose_name_plural = "Risks (the page groups and labels them by how often they happen)"


class TreatmentSourceInline(admin.TabularInline):
    model = TreatmentSource
    extra = 0
    fields = ("title", "publisher", "url", "checked", "order")
    verbose_name_plural = "Sources: the reputable pages the facts rest on"
    # An address typed without its scheme ("www.nhs.uk/...") is read as https://, as every source here is.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ConditionSourceInline(TreatmentSourceInline):
    model = ConditionSource


class TreatmentQuestionInline(TranslationStackedInline):
    model = TreatmentQuestion
    extra = 0
    verbose_name = "Frequently asked question"


class ConditionQuestionInline(TreatmentQuestionInline):
    model = ConditionQuestion


class PreviewBeforeSavingAdmin(KeepsAdminEditsAdmin):
    """A "Preview" button beside Save shows the page as patients will see it with the unsaved changes.

    The change is saved inside the admin's transaction, the public page is rendered from it, and the
    transaction is rolled back: nothing is kept, logged or shown to anyone else.
    """

    change_form_template = "admin/preview_change_form.html"

    def _previewing(self, request):
        return request.method == "POST" and self.PREVIEW in request.POST

    # A preview records no revision in the history: nothing is being saved (VersionAdmin wraps these two).
    def add_view(self, request, form_url="", extra_context=None):
        if self._previewing(request):
            return admin.ModelAdmin.add_view(self, request, form_url, extra_context)
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self._previewing(request):
            return admin.ModelAdmin.change_view(self, request, object_id, form_url, extra_context)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if self.PREVIEW in request.POST and "image" in form.changed_data:
            obj.image = form.initial.get("image") or ""  # a new picture is shown once it is saved and checked
        super().save_model(request, obj, form, change)

    def log_change(self, request, obj, message):
        if self.PREVIEW in request.POST:
            return None
        return super().log_change(request, obj, message)

    def log_addition(self, request, obj, message):
        if self.PREVIEW in request.POST:
            return None
        return super().log_addition(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        return self._preview(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._preview(request, obj) or super().response_change(request, obj)

    def _preview(self, request, obj):
        render = previews.renderer_for(type(obj))
        if self.PREVIEW not in request.POST or render is None:
            return None
        response = render(request, obj)
        transaction.set_rollback(True)
        return response


class ReviewedEntryAdmin(PreviewBeforeSavingAdmin):
    list_display = ("name", "status", "published", "updated_at")
    list_filter = ("draft", "published")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name", "summary", "slug")
    picture_fieldset = ("Picture", {"fields": ("image", "image_alt")})
    publish_fieldset = ("Publishing", {"fields": ("published", "draft")})

    @admin.display(description="Status")
    def status(self, entry):
        return publication_status(entry)


@admin.register(Treatment)
class TreatmentAdmin(ReviewedEntryAdmin):
    search_fields = ("name", "plain_alias", "summary", "slug")
    filter_horizontal = ("conditions",)
    inlines = [TreatmentCareCardInline, RiskInline, TreatmentQuestionInline, TreatmentSourceInline]
    fieldsets = [
        ("Name", {"fields": ("name", "slug", "plain_alias", "other_names", "summary")}),
        ("Key points", {"fields": ("key_points",)}),
        ("At a glance", {"fields": Treatment.GLANCE_FIELDS + ("invasiveness",)}),
        ("What it is and who it is for", {"fields": ("overview", "why_done", "who_should_not", "alternatives")}),
        ("Preparing, the day itself, and after", {"fields": ("preparation", "before", "during", "after")}),
        ("Results and recovery", {"fields": ("results", "recovery", "questions_to_ask")}),
        ("Related conditions", {"fields": ("conditions",)}),
        ReviewedEntryAdmin.picture_fieldset,
        ReviewedEntryAdmin.publish_fieldset,
    ]


@admin.register(Condition)
class ConditionAdmin(ReviewedEntryAdmin):
    search_fields = ("name", "other_names", "summary", "slug")
    inlines = [ConditionCareCardInline, ConditionQuestionInline, ConditionSourceInline]
    fieldsets = [
        ("Name", {"fields": ("name", "slug", "lead", "other_names", "summary")}),
        ("Key points", {"fields": ("key_points",)}),
        ("Check if you have it", {"fields": ("symptoms", "duration")}),
        ("What you can do yourself", {"fields": ("self_care_do", "self_care_dont")}),
        ("Causes, tests and treatments", {"fields": ("causes", "tests", "treatment_steps")}),
        ("Living with it", {"fields": ("living_with", "questions_to_ask")}),
        ReviewedEntryAdmin.picture_fieldset,
        ReviewedEntryAdmin.publish_fieldset,
    ]


@admin.register(CareCard)
class CareCardAdmin(KeepsAdminEditsAdmin):
    list_display = ("title", "urgency", "slug")
    list_filter = ("urgency",)
    search_fields = ("title", "slug", "summary", "body")
    fields = ("urgency", "title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
