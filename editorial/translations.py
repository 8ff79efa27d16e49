"""Translations to update: Spanish text written from an English text that has changed since, or missing."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from treatments.models import CareCard, Condition, Treatment
from treatments.translations import has_spanish, spanish_is_current


@dataclass
class TranslationTask:
    kind: str
    title: str
    admin_url: str
    english_changed_on: object  # date
    state: str  # "behind" or "missing"


def _admin_url(obj):
    return reverse(f"admin:treatments_{obj._meta.model_name}_change", args=[obj.pk])


def entry_tasks():
    for model, kind in ((Treatment, "treatment"), (Condition, "condition"), (CareCard, "care card")):
        for obj in model.objects.order_by("slug"):
            label = obj.name_en if hasattr(obj, "name_en") else obj.title_en
            if not has_spanish(obj):
                yield TranslationTask(kind, label, _admin_url(obj), timezone.localdate(obj.updated_at), "missing")
            elif not spanish_is_current(obj):
                yield TranslationTask(kind, label, _admin_url(obj), timezone.localdate(obj.updated_at), "behind")


def translation_tasks():
    """Every Spanish page or card to write or bring up to date, the most recently changed English first."""
    tasks = list(entry_tasks())
    return sorted(tasks, key=lambda task: (task.state != "behind", -task.english_changed_on.toordinal(), task.title))
