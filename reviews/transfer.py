"""Reviews as a file staff can keep in git: written by export_reviews, read back by import_reviews.

A rebuilt database gets its reviews back, each still bound to its fingerprint:
a page whose text is unchanged shows its review again, one that changed says so.
"""

import datetime

import yaml
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.safe_yaml import ContentError, decode, parse_yaml

from .models import KIND_CHOICES, Review

FIELDS = (
    "kind",
    "key",
    "language",
    "fingerprint",
    "reviewer",
    "reviewer_name",
    "reviewer_credentials",
    "reviewed_at",
    "note",
    "text",
)
KINDS = {kind for kind, _ in KIND_CHOICES}


class _Literal(str):
    pass


def _literal(dumper, value):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")


yaml.SafeDumper.add_representer(_Literal, _literal)


def export_text():
    records = []
    for review in Review.objects.select_related("reviewer").order_by("reviewed_at", "id"):
        records.append(
            {
                "kind": review.kind,
                "key": review.key,
                "language": review.language,
                "fingerprint": review.fingerprint,
                "reviewer": review.reviewer.get_username() if review.reviewer else "",
                "reviewer_name": review.reviewer_name,
                "reviewer_credentials": review.reviewer_credentials,
                "reviewed_at": review.reviewed_at.isoformat(),
                "note": review.note,
                "text": _Literal(review.text if review.text.endswith("\n") else review.text + "\n"),
            }
        )
    header = "# Clinical reviews, written by `manage.py export_reviews`; read back with `manage.py import_reviews`.\n"
    return header + yaml.safe_dump({"reviews": records}, allow_unicode=True, sort_keys=False, width=120)


def _record_problem(record):
    if not isinstance(record, dict):
        return "each review must be a mapping of its fields"
    missing = [name for name in FIELDS if name not in record and name != "note"]
    if missing:
        return f"a review is missing {', '.join(missing)}"
    if record["kind"] not in KINDS:
        return f"'{record['kind']}' is not a kind of page ({', '.join(sorted(KINDS))})"
    try:
        datetime.datetime.fromisoformat(str(record["reviewed_at"]))
    except ValueError:
        return f"'{record['reviewed_at']}' is not a date and time"
    return None


def import_text(raw, path="reviews.yml"):
    """(added, already there, [problems as 'PATH:LINE: error: ...']) for the file's bytes."""
    try:
        data, key_lines = parse_yaml(
            decode(raw), first_line=1, what="the reviews file", empty_message="the reviews file is empty"
        )
    except ContentError as exc:
        return 0, 0, [f"{path}:{exc.line}: error: {exc.message}"]
    records = data.get("reviews")
    if not isinstance(records, list):
        return 0, 0, [f"{path}:{key_lines.get('reviews', 1)}: error: the file must hold a list under 'reviews:'"]
    users = {user.get_username(): user for user in get_user_model().objects.all()}
    added = present = 0
    problems = []
    for number, record in enumerate(records, start=1):
        problem = _record_problem(record)
        if problem:
            problems.append(f"{path}:{key_lines.get('reviews', 1)}: error: review {number}: {problem}")
            continue
        reviewed_at = datetime.datetime.fromisoformat(str(record["reviewed_at"]))
        if timezone.is_naive(reviewed_at):
            reviewed_at = timezone.make_aware(reviewed_at)
        _, created = Review.objects.get_or_create(
            kind=record["kind"], key=str(record["key"]), language=str(record["language"]), fingerprint=str(record["fingerprint"]),
            reviewed_at=reviewed_at,
            defaults={
                "text": str(record["text"]), "reviewer": users.get(str(record["reviewer"])),
                "reviewer_name": str(record["reviewer_name"]), "reviewer_credentials": str(record["reviewer_credentials"]),
                "note": str(record.get("note") or ""),
            },
        )  # fmt: skip
        added, present = added + created, present + (not created)
    return added, present, problems
