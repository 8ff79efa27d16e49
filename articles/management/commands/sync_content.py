"""Bring the database in line with CONTENT_DIR (run at every deploy and by `make run`)."""

from django.core.management.base import BaseCommand, CommandError

from articles.discovery import ContentDirError
from articles.reporting import format_problem
from articles.sync import sync_content
from core.commands import plain_database_errors


class Command(BaseCommand):
    help = "Sync the Markdown files in CONTENT_DIR into the database. Broken files are reported and keep their last good version."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Parse every file again, even unchanged ones.")

    def handle(self, *args, force=False, **options):
        try:
            with plain_database_errors():
                report = sync_content(force=force)
        except ContentDirError as exc:
            raise CommandError(f"{exc}. Nothing was changed; the site still shows the last synced content.") from None
        for problem in report.failed:
            self.stderr.write(format_problem(problem))
        for problem in report.warnings:
            self.stderr.write(format_problem(problem))
        self.stdout.write(
            f"Synced content version {report.content_version}: {len(report.created)} created, "
            f"{len(report.updated)} updated, {report.unchanged} unchanged, {len(report.removed)} removed, "
            f"{len(report.failed)} failed."
        )
