"""load_starter: add the starter treatments, conditions and care cards a release ships, keeping every admin edit.

New entries are added; entries nobody has edited get the newest starter text;
an entry an admin edited or deleted is left exactly as it is. Safe to run at
every deploy, and again: a second run changes nothing.
"""

from django.core.management.base import BaseCommand

from core.commands import plain_database_errors
from treatments import starter
from treatments.loading import load_starter


class Command(BaseCommand):
    help = "Add new starter entries and update unedited ones; never touches what an admin edited or deleted."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Change nothing: print every problem in the starter files and each page's grade."
        )

    def handle(self, *args, check=False, **options):
        if check:
            return self.check_files()
        with plain_database_errors():
            report = load_starter()
        for label, why in report.kept:
            if options["verbosity"] > 1:
                self.stdout.write(f"kept {label}: {why}")
        if options["verbosity"]:
            self.stdout.write(
                f"Starter entries: {len(report.created)} added, {len(report.updated)} updated, "
                f"{len(report.unchanged)} unchanged, {len(report.kept)} kept as an admin left them."
            )

    def check_files(self):
        data = starter.read()
        problems = starter.validate(data)
        for problem in problems:
            self.stdout.write(f"problem: {problem}")
        for (kind, slug), grade in sorted(starter.grades(data).items()):
            self.stdout.write(f"{kind:<10} {slug:<40} grade {grade}")
        if problems:
            raise SystemExit(1)
