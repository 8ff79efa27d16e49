"""load_starter: add the starter treatments, conditions and care cards a release ships, keeping every admin edit.

New entries are added; entries nobody has edited get the newest starter text;
an entry an admin edited or deleted is left exactly as it is. Safe to run at
every deploy, and again: a second run changes nothing.
"""

from django.core.management.base import BaseCommand

from core.commands import plain_database_errors
from treatments.loading import load_starter


class Command(BaseCommand):
    help = "Add new starter entries and update unedited ones; never touches what an admin edited or deleted."

    def handle(self, *args, **options):
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
