"""Translations to update: Spanish text written from an English text that has changed since, or missing."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.review_text import text_fingerprint
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


def article_tasks():
    """Spanish article files behind their English article, and English articles with no Spanish file yet."""
    english = {article.slug: article for article in Article.objects.filter(language="en")}
    translated = set()
    for spanish in Article.objects.filter(language="es").exclude(translation_of="").order_by("slug"):
        source = english.get(spanish.translation_of)
        translated.add(spanish.translation_of)
        if source and spanish.made_from != text_fingerprint(source.review_text):
            changed = timezone.localdate(source.synced_at)
            yield TranslationTask("article", f"{spanish.title} ({spanish.source_path})", "", changed, "behind")
    for slug, article in sorted(english.items()):
        if slug not in translated:
            yield TranslationTask(
                "article", f"{article.title} ({article.source_path})", "", timezone.localdate(article.synced_at), "missing"
            )


def translation_tasks():
    """Every Spanish page or card to write or bring up to date, the most recently changed English first."""
    tasks = list(entry_tasks()) + list(article_tasks())
    return sorted(tasks, key=lambda task: (task.state != "behind", -task.english_changed_on.toordinal(), task.title))
