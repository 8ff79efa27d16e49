"""export_reviews: write every clinical review to a YAML file staff can keep in git (default content/reviews.yml)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.commands import plain_database_errors
from reviews.transfer import export_text


class Command(BaseCommand):
    help = "Write every clinical review, with the text it approved, to a YAML file (default: CONTENT_DIR/reviews.yml)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write the file (default: reviews.yml in CONTENT_DIR).")

    def handle(self, *args, path=None, **options):
        target = Path(path) if path else Path(settings.CONTENT_DIR) / "reviews.yml"
        with plain_database_errors():
            text = export_text()
        target.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote the clinical reviews to {target}.")
