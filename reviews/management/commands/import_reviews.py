"""import_reviews: read clinical reviews back from a file written by export_reviews. Safe to run twice."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.commands import plain_database_errors
from reviews.transfer import import_text


class Command(BaseCommand):
    help = "Read clinical reviews from a YAML file written by export_reviews (default: CONTENT_DIR/reviews.yml)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="The file to read (default: reviews.yml in CONTENT_DIR).")

    def handle(self, *args, path=None, **options):
        source = Path(path) if path else Path(settings.CONTENT_DIR) / "reviews.yml"
        if not source.is_file():
            raise CommandError(f"there is no reviews file at {source}; write one with `manage.py export_reviews`")
        with plain_database_errors():
            added, present, problems = import_text(source.read_bytes(), str(source))
        for problem in problems:
            self.stderr.write(problem)
        self.stdout.write(f"Reviews: {added} added, {present} already here, {len(problems)} refused.")
        if problems:
            raise SystemExit(1)
