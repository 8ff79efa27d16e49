"""Site pages written in Markdown by staff, such as how the library writes and reviews its pages."""

from django.db import models


class SitePage(models.Model):
    """One file under CONTENT_DIR/pages/, synced like an article (see pages/site_pages.py)."""

    key = models.SlugField(max_length=40, help_text="Which page this is, the same in every language (e.g. 'policy').")
    language = models.CharField(max_length=5, default="en")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=90)
    summary = models.CharField(max_length=160)
    updated = models.DateField(null=True, blank=True)
    body_html = models.TextField()
    toc_html = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="one_site_page_per_language")]

    def __str__(self):
        return self.title
