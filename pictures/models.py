"""Pictures the site shows, and the renditions made of each."""

from django.db import models


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
