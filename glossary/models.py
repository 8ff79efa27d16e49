from django.db import models
from django.urls import reverse


class GlossaryTerm(models.Model):
    """A plain-language definition, synced from content/glossary.yml."""

    term = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    forms = models.JSONField(default=list, blank=True)
    definition = models.TextField()
    definition_html = models.TextField()

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary:index") + f"#term-{self.slug}"

    @property
    def letter(self):
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"
