"""Clinical reviews, each bound to the exact text the clinician read.

A review stores a fingerprint of what the reviewer saw (every field that
reaches the page, and every care card it shows) and a copy of that text. A
page is "reviewed" only while its text still has that fingerprint.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

ARTICLE, TREATMENT, CONDITION, CARD = "article", "treatment", "condition", "card"
KIND_CHOICES = [(ARTICLE, "Article"), (TREATMENT, "Treatment"), (CONDITION, "Condition"), (CARD, "Care card")]
REVIEWERS_GROUP = "Clinical reviewers"


class ReviewerProfile(models.Model):
    """How a clinical reviewer is named on the pages they approve."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile")
    name = models.CharField(max_length=120, help_text="Your name as patients will read it, for example 'Dr. Jane Doe'.")
    credentials = models.CharField(
        max_length=160, help_text="Your qualifications, for example 'MD, board-certified in pain medicine'."
    )

    def __str__(self):
        return f"{self.name}, {self.credentials}"


class Review(models.Model):
    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    key = models.CharField(max_length=80, help_text="The page's slug (a care card's slug).")
    language = models.CharField(max_length=5, default="en")
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of exactly the text the reviewer approved.")
    text = models.TextField(help_text="A copy of the text the reviewer approved.")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reviewer_name = models.CharField(max_length=120)
    reviewer_credentials = models.CharField(max_length=160)
    reviewed_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True, help_text="Optional: what the reviewer checked or asked to change.")

    class Meta:
        ordering = ["-reviewed_at", "-id"]
        indexes = [models.Index(fields=["kind", "key", "language", "-reviewed_at"], name="review_latest_idx")]
        permissions = [("approve_page", "Can approve a page as clinically reviewed")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "language", "fingerprint", "reviewed_at"], name="one_review_per_moment"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key} ({self.language}) reviewed by {self.reviewer_name} on {self.reviewed_on}"

    @property
    def reviewed_on(self):
        return timezone.localdate(self.reviewed_at)
