"""Approving a page: only a clinical reviewer, only the exact text they were shown."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.models import SiteState

from .models import Review, ReviewerProfile

APPROVE_PERMISSION = "reviews.approve_page"


def can_approve(user):
    return user.is_active and user.has_perm(APPROVE_PERMISSION)


def approve(item, user, seen_fingerprint, note=""):
    """Record that `user` approved `item` as it was shown to them. Raises PermissionDenied or ValidationError."""
    if not can_approve(user):
        raise PermissionDenied("Only clinical reviewers can approve a page.")
    profile = ReviewerProfile.objects.filter(user=user).first()
    if profile is None or not profile.name.strip() or not profile.credentials.strip():
        raise ValidationError("Add your name and credentials to your reviewer profile first: the page shows them.")
    if seen_fingerprint != item.fingerprint:
        raise ValidationError("The page changed while you were reading it. Read the new text, then approve it.")
    with transaction.atomic():
        review = Review.objects.create(
            kind=item.kind, key=item.key, language=item.language, fingerprint=item.fingerprint, text=item.text,
            reviewer=user, reviewer_name=profile.name.strip(), reviewer_credentials=profile.credentials.strip(),
            note=note.strip()[:2000],
        )  # fmt: skip
        SiteState.bump()  # the pages that show this review must not come from the cache
    return review
