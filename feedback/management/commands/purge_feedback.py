from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.services import purge


class Command(BaseCommand):
    help = "Delete what readers wrote in reports older than FEEDBACK_RETENTION_DAYS (the yes/no counts stay)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override FEEDBACK_RETENTION_DAYS")

    def handle(self, *args, days=None, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        if days < 0:
            self.stderr.write("nothing deleted: --days must be 0 or more")
            raise SystemExit(1)
        count = purge(days)
        self.stdout.write(f"texts deleted from {count} report(s) older than {days} days")
