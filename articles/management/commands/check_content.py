"""Report every problem in CONTENT_DIR as PATH:LINE: error|warning: MESSAGE. Changes nothing."""

from django.core.management.base import BaseCommand, CommandError

from articles.checks import check_content
from articles.discovery import ContentDirError
from articles.reporting import format_problem
from core.commands import plain_database_errors


class Command(BaseCommand):
    help = "Check the content files and print one line per problem; exit 1 when there is any error."

    def handle(self, *args, **options):
        try:
            with plain_database_errors():
                report = check_content()
        except ContentDirError as exc:
            raise CommandError(str(exc)) from None
        for problem in report.problems:
            self.stdout.write(format_problem(problem))
        for path, day in report.scheduled:
            # Not a problem, but the first question when a page "is missing": its date has not come yet.
            self.stdout.write(f"{path}: scheduled: it will appear on {day:%d %B %Y}, its published date")
        errors, warnings = len(report.errors), len(report.warnings)
        self.stderr.write(f"{errors} error(s), {warnings} warning(s).")
        if errors:
            raise SystemExit(1)
