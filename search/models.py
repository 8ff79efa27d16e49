"""The search index lives in the database, so every app server shares it.

`SearchDocument` holds the text of each page; the full-text index over it
is an FTS5 table on SQLite and a tsvector column on PostgreSQL (created by
migration 0002 for whichever database is in use).
"""

from django.db import models


def document_key(kind, slug, language="en"):
    """English keys stay as they were ("treatment:nerve-blocks"); other languages say theirs first."""
    return f"{kind}:{slug}" if language == "en" else f"{language}/{kind}:{slug}"


class SearchDocument(models.Model):
    ARTICLE, TREATMENT, CONDITION, GLOSSARY = "article", "treatment", "condition", "glossary"
    KIND_CHOICES = [(TREATMENT, "Treatment"), (CONDITION, "Condition"), (ARTICLE, "Article"), (GLOSSARY, "Glossary")]

    key = models.CharField(max_length=100, unique=True)  # kind:slug, with "es/" in front for Spanish pages
    language = models.CharField(max_length=5, default="en")
    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    title = models.CharField(max_length=200)
    aliases = models.TextField(blank=True)  # plain alias, other names, glossary forms, tags
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    visible_from = models.DateField(null=True, blank=True)  # None: never public (a draft)

    class Meta:
        # Searches exclude the few hidden pages (drafts, later dates) by looking them up here.
        indexes = [models.Index(fields=["visible_from"], name="search_document_visible_from")]

    def __str__(self):
        return self.key


class Synonym(models.Model):
    """An everyday word or phrase and the terms it stands for, from content/synonyms.yml."""

    language = models.CharField(max_length=5, default="en")
    phrase = models.CharField(max_length=100)
    targets = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "phrase"], name="one_synonym_per_language")]

    def __str__(self):
        return self.phrase


class MissedSearch(models.Model):
    """A search that found nothing: the words and how often, never who searched (for the impact dashboard)."""

    language = models.CharField(max_length=5, default="en")
    query = models.CharField(max_length=200)
    count = models.PositiveIntegerField(default=0)
    last_seen = models.DateField(auto_now=True)

    class Meta:
        ordering = ["-count", "query"]
        constraints = [models.UniqueConstraint(fields=["language", "query"], name="one_missed_search_per_language")]

    def __str__(self):
        return f"{self.query} ({self.count})"

    @classmethod
    def record(cls, query, language="en"):
        query = " ".join(query.lower().split())[:200]
        if query:
            cls.objects.get_or_create(query=query, language=language)
            cls.objects.filter(query=query, language=language).update(count=models.F("count") + 1)
