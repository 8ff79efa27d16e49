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
        return reverse("core:glossary") + f"#term-{self.slug}"

    @property
    def letter(self):
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"


class ImageAsset(models.Model):
    """A picture the site shows: a file in content/images/ or an admin upload, with its renditions."""

    key = models.CharField(max_length=300, unique=True)  # "content:images/spine.jpg" or "upload:entries/x.png"
    content_hash = models.CharField(max_length=64)
    size = models.BigIntegerField(default=0)
    mtime_ns = models.BigIntegerField(default=0)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    def __str__(self):
        return self.key

    @property
    def usable(self):
        return not self.error and self.renditions.exists()


class Rendition(models.Model):
    asset = models.ForeignKey(ImageAsset, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=4)  # webp, jpg, png
    name = models.CharField(max_length=200, unique=True)  # storage path, named by content hash

    class Meta:
        ordering = ["width"]

    def __str__(self):
        return self.name
