"""Load the bundled content of every content app (idempotent; keeps editors' changes)."""

from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.content import CONTENT_APPS, last_updated, touch
from portal.loading import LoadReport
from search import index as search
from search.models import Document


class Command(BaseCommand):
    help = "Load bundled content. Safe to run again: it never overwrites what an editor changed."

    def handle(self, *args, **options):
        report = LoadReport()
        with transaction.atomic(), search.paused():
            for label in CONTENT_APPS:
                try:
                    loader = import_module(f"{label}.loader")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{label}.loader":
                        raise
                    continue
                loader.load(report, stdout=self.stdout)
            if report.changed or last_updated() is None:
                touch()
        if report.changed or not Document.objects.exists():
            self.stdout.write(f"search index: {search.rebuild()} documents")
        if report.changed:
            # A first entry in each object's history, so an editor's first change can be undone too.
            call_command("createinitialrevisions", comment="Bundled content", verbosity=0)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write("content changed" if report.changed else "content already up to date")
