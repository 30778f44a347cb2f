"""List the translated fields whose languages carry different figures (``core.drift``)."""

from django.core.management.base import BaseCommand, CommandError

from core.drift import drift_in_content


class Command(BaseCommand):
    help = "List translations whose figures (numbers, amounts, dates, article references) differ; fail if any."

    def handle(self, *args, **options):
        found = drift_in_content()
        for item in found:
            self.stdout.write(f"{item.model._meta.label} {item.obj.pk} «{item.obj}» {item.field}: {item.summary()}")
        if found:
            raise CommandError(f"{len(found)} translated field(s) with different figures")
        self.stdout.write("every translation carries the same figures")
