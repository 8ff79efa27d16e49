"""Spanish beside English for every text a treatment, condition, care card, risk or question shows
(django-modeltranslation adds a `_en` and an `_es` column for each field named here)."""

from modeltranslation.translator import TranslationOptions, register

from .models import CareCard, Condition, ConditionQuestion, Risk, Treatment, TreatmentQuestion

ENTRY_TEXT = ("name", "summary", "other_names", "key_points", "questions_to_ask", "image_alt", "rendered")


@register(CareCard)
class CareCardText(TranslationOptions):
    fields = ("title", "summary", "body", "body_html")


@register(Condition)
class ConditionText(TranslationOptions):
    fields = (*ENTRY_TEXT, *Condition.MARKDOWN_FIELDS, "lead", "self_care_do", "self_care_dont")


@register(Treatment)
class TreatmentText(TranslationOptions):
    fields = (*ENTRY_TEXT, *Treatment.MARKDOWN_FIELDS, "plain_alias", *Treatment.GLANCE_FIELDS)


@register(Risk)
class RiskText(TranslationOptions):
    fields = ("description", "frequency")


@register(TreatmentQuestion)
class TreatmentQuestionText(TranslationOptions):
    fields = ("question", "answer", "answer_html")


@register(ConditionQuestion)
class ConditionQuestionText(TranslationOptions):
    fields = ("question", "answer", "answer_html")
