"""A transaction that rolls back after a save must not keep the next one from being re-indexed."""

import pytest
from django.db import transaction

from guides.models import Step
from search import selectors

pytestmark = pytest.mark.django_db


def test_a_save_after_a_rolled_back_one_is_still_reindexed(django_capture_on_commit_callbacks):
    step = Step.objects.filter(route__guide__slug="eds").first()
    with pytest.raises(RuntimeError), transaction.atomic():
        step.title_en = "Abandoned wording"
        step.save()
        raise RuntimeError("the editor's request failed")
    step.title_en = "Zanzibarian checkpoint"
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            step.save()
    hits = selectors.search("zanzibarian", "en").hits
    assert any(hit.url.endswith("/guides/eds/") for hit in hits)
