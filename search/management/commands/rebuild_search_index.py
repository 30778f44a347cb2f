"""Rebuild the search index from the published content (it is kept current on every edit)."""

from django.core.management.base import BaseCommand

from search import index as search


class Command(BaseCommand):
    help = "Rebuild the search index from scratch."

    def handle(self, *args, **options):
        self.stdout.write(f"search index: {search.rebuild()} documents")
