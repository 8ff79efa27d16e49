"""Cross-links between treatments, conditions and articles, each a plain query."""

from articles.models import Article, ArticleTopic
from treatments.models import Condition, Treatment


def related_articles(kind, slug, limit=6):
    return Article.objects.published().filter(topics__kind=kind, topics__slug=slug).distinct()[:limit]


def treatments_for_condition(condition):
    return condition.treatments.published()


def conditions_for_treatment(treatment):
    return treatment.conditions.published()


def other_treatments(treatment):
    return Treatment.objects.published().exclude(pk=treatment.pk)


def topics_of_article(article):
    """The published treatments and conditions an article's front matter names, in its order."""
    treatments = {t.slug: t for t in Treatment.objects.published().filter(slug__in=article.treatment_slugs)}
    conditions = {c.slug: c for c in Condition.objects.published().filter(slug__in=article.condition_slugs)}
    return {
        "treatments": [treatments[slug] for slug in article.treatment_slugs if slug in treatments],
        "conditions": [conditions[slug] for slug in article.condition_slugs if slug in conditions],
    }


KINDS = {Treatment: ArticleTopic.TREATMENT, Condition: ArticleTopic.CONDITION}


def comparison_rows(treatments):
    """The at-a-glance facts as table rows: one row per fact, one value per treatment."""
    treatments = list(treatments)
    if not treatments:
        return []
    labels = [label for label, _ in treatments[0].at_a_glance]
    columns = [(treatment.name, dict(treatment.at_a_glance)) for treatment in treatments]
    return [{"label": label, "values": [{"name": name, "text": facts[label]} for name, facts in columns]} for label in labels]
