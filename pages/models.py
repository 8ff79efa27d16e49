"""Site pages written in Markdown by staff, such as how the library writes and reviews its pages."""

from django.db import models


class SitePage(models.Model):
    """One file under CONTENT_DIR/pages/, synced like an article (see pages/site_pages.py)."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=90)
    summary = models.CharField(max_length=160)
    updated = models.DateField(null=True, blank=True)
    body_html = models.TextField()
    toc_html = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True)

    def __str__(self):
        return self.title
