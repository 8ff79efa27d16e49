"""Index updates ride on the change that causes them, in the same transaction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.sync import content_changed, content_synced
from treatments.models import Condition, ConditionQuestion, Risk, Treatment, TreatmentQuestion

from . import indexer
from .models import document_key


@receiver(content_changed)
def articles_changed(sender, changed, removed, data_files=(), **kwargs):
    indexer.index_articles(changed)
    indexer.remove([document_key("article", slug, language) for slug in removed for language in ("en", "es")])
    if any(path.endswith("glossary.yml") for path in data_files):
        indexer.index_glossary()


@receiver(content_synced)
def sync_finished(sender, **kwargs):
    indexer.index_missing_entries()


@receiver(post_save, sender=Treatment)
@receiver(post_save, sender=Condition)
def entry_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexer.index_entry(instance)


@receiver(post_save, sender=Risk)
@receiver(post_save, sender=TreatmentQuestion)
@receiver(post_delete, sender=Risk)
@receiver(post_delete, sender=TreatmentQuestion)
def treatment_part_changed(sender, instance, raw=False, **kwargs):
    if not raw and Treatment.objects.filter(pk=instance.treatment_id).exists():
        indexer.index_entry(instance.treatment)


@receiver(post_save, sender=ConditionQuestion)
@receiver(post_delete, sender=ConditionQuestion)
def condition_part_changed(sender, instance, raw=False, **kwargs):
    if not raw and Condition.objects.filter(pk=instance.condition_id).exists():
        indexer.index_entry(instance.condition)


@receiver(post_delete, sender=Treatment)
@receiver(post_delete, sender=Condition)
def entry_deleted(sender, instance, **kwargs):
    indexer.remove([document_key(sender._meta.model_name, instance.slug, language) for language in ("en", "es")])
