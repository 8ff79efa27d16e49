"""'Was this page helpful?': what readers said, and nothing about who they are (no address, no cookie)."""

from django.db import models

COMMENT_MAX = 500


class Feedback(models.Model):
    page = models.CharField(max_length=300, help_text="The page's address on this site.")
    language = models.CharField(max_length=5, default="en")
    helpful = models.BooleanField(help_text="Did the reader find the page helpful?")
    comment = models.TextField(blank=True, max_length=COMMENT_MAX, help_text="What the reader was looking for, if they said.")
    created = models.DateTimeField(auto_now_add=True)
    done = models.BooleanField(default=False, help_text="Tick when the clinic has read it and acted on it.")

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "feedback"
        indexes = [models.Index(fields=["page", "helpful"], name="feedback_page_idx")]

    def __str__(self):
        return f"{self.page}: {'helpful' if self.helpful else 'not helpful'}"
