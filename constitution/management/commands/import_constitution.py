"""Import an official text of the Constitution (Markdown or JSON) in one language."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from constitution.importer import StructureMismatch, import_file
from constitution.models import Constitution


class Command(BaseCommand):
    help = (
        "Import the official text of an edition in one language from a Markdown file "
        "('## Раздел I. …', '### Статья 5') or a shared/data JSON file. Refuses, and changes "
        "nothing, when the sections or articles differ from the edition's."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--edition", type=int, required=True, help="year of the edition, e.g. 2026")
        parser.add_argument("--lang", required=True, choices=[code for code, _ in settings.LANGUAGES])

    def handle(self, file, edition, lang, **options):
        if not Constitution.objects.filter(year=edition).exists():
            raise CommandError(f"there is no {edition} edition (run load_content first)")
        try:
            report = import_file(file, edition, lang)
        except FileNotFoundError as exc:
            raise CommandError(f"no such file: {file}") from exc
        except (StructureMismatch, ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: {exc}. Nothing was changed.") from exc
        self.stdout.write(report.summary())
        if report.articles_changed:
            self.stdout.write("articles: " + ", ".join(report.articles_changed))
