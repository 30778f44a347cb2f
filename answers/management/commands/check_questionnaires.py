"""Check every questionnaire's tree and list its paths: ``manage.py check_questionnaires [-v 2]``.

Exit status 1 when a tree has problems (the same check as on load and on admin save)."""

from django.core.management.base import BaseCommand, CommandError

from answers.models import Questionnaire
from answers.tree import Tree, paths, problems


class Command(BaseCommand):
    help = "Check the questionnaires' trees; with -v 2, list every path and its outcome."

    def handle(self, *args, verbosity=1, **options):
        failed = False
        for questionnaire in Questionnaire.objects.order_by("order", "slug"):
            tree = Tree.of(questionnaire)
            found = problems(tree)
            every = paths(tree)
            reached = {outcome.key for _params, outcome in every}
            self.stdout.write(
                f"{questionnaire.slug}: {len(tree.questions)} questions, {len(tree.outcomes)} outcomes "
                f"({len(reached)} reached), {len(every)} paths"
            )
            for params, outcome in every if verbosity > 1 else ():
                self.stdout.write("  " + "&".join(f"{key}={value}" for key, value in params) + f" -> {outcome.key}")
            for problem in found:
                failed = True
                self.stdout.write(f"  PROBLEM: {problem}")
        if failed:
            raise CommandError("some questionnaires have problems")
