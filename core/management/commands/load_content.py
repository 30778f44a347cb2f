"""Load the bundled content of every app that has some (idempotent; keeps editors' changes)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from core import registry
from core.content import bulk_change, last_updated, touch
from core.loading import LoadReport, read_once


class Command(BaseCommand):
    help = "Load bundled content. Safe to run again: it never overwrites what an editor changed."

    def handle(self, *args, **options):
        report = LoadReport()
        with transaction.atomic(), bulk_change() as bulk, read_once():
            for load in registry.loaders():
                load(report, stdout=self.stdout)
            if report.changed or last_updated() is None:
                touch()
            bulk.changed = report.changed
        for note in bulk.notes:
            self.stdout.write(note)
        if report.changed:
            # A first entry in each object's history, so an editor's first change can be undone too.
            call_command("createinitialrevisions", comment="Bundled content", verbosity=0)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write("content changed" if report.changed else "content already up to date")
