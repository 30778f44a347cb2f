from django.conf import settings
from django.core.management.base import BaseCommand

from feedback import searches
from feedback.services import purge


class Command(BaseCommand):
    help = (
        "Delete what readers wrote in reports older than FEEDBACK_RETENTION_DAYS (the yes/no counts stay) "
        "and the search counts older than SEARCH_COUNTS_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override FEEDBACK_RETENTION_DAYS")
        parser.add_argument("--search-days", type=int, default=None, help="override SEARCH_COUNTS_RETENTION_DAYS")

    def handle(self, *args, days=None, search_days=None, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        search_days = settings.SEARCH_COUNTS_RETENTION_DAYS if search_days is None else search_days
        if days < 0 or search_days < 0:
            self.stderr.write("nothing deleted: --days and --search-days must be 0 or more")
            raise SystemExit(1)
        count = purge(days)
        self.stdout.write(f"texts deleted from {count} report(s) older than {days} days")
        count = searches.purge(search_days)
        self.stdout.write(f"{count} search count(s) older than {search_days} days deleted")
