import unicodedata

from django.db import models
from django.urls import reverse
from django.utils import translation


class GlossaryTerm(models.Model):
    """A plain-language definition, synced from content/glossary.yml."""

    language = models.CharField(max_length=5, default="en")
    term = models.CharField(max_length=60)
    slug = models.SlugField(max_length=80)
    forms = models.JSONField(default=list, blank=True)
    definition = models.TextField()
    definition_html = models.TextField()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="one_glossary_term_per_language"),
            models.UniqueConstraint(fields=["language", "slug"], name="one_glossary_slug_per_language"),
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("glossary:index") + f"#term-{self.slug}"

    @property
    def letter(self):
        """The term's first letter for the A to Z list: accents dropped (Á is A), but Ñ is its own letter."""
        first = self.term[:1].upper()
        if first != "Ñ":
            first = unicodedata.normalize("NFKD", first)[:1]
        return first if first.isalpha() else "#"
