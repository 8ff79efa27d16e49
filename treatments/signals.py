"""An admin save changes what pages show: bump the content version, in the same transaction,
so every cached page is fresh at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core.models import SiteState

from .models import (
    CareCard,
    Condition,
    ConditionCareCard,
    ConditionQuestion,
    Risk,
    Treatment,
    TreatmentCareCard,
    TreatmentQuestion,
)

WATCHED = (Treatment, Condition, CareCard, Risk, TreatmentQuestion, ConditionQuestion, TreatmentCareCard, ConditionCareCard)


def bump_content_version():
    SiteState.bump()


@receiver(post_save)
@receiver(post_delete)
def entry_changed(sender, raw=False, **kwargs):
    if sender in WATCHED and not raw:
        bump_content_version()


@receiver(m2m_changed, sender=Treatment.conditions.through)
def links_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_content_version()
