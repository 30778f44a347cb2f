"""The Editors group follows the content models on every migrate."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from core import registry
from editors.roles import EDITORS, sync_editors_group

pytestmark = pytest.mark.django_db


def _codenames():
    return set(Group.objects.get(name=EDITORS).permissions.values_list("content_type__app_label", "codename"))


def test_the_group_has_every_content_model_and_view_only_where_an_app_says_so():
    granted = _codenames()
    for model in registry.content_models():
        label, name = model._meta.app_label, model._meta.model_name
        assert (label, f"view_{name}") in granted
        changes = (label, f"change_{name}") in granted
        assert changes == ((label, name) not in registry.editor_view_only()), (label, name)
    assert not any(label in ("auth", "axes", "admin") for label, _codename in granted)


def test_a_permission_lost_or_a_model_added_is_put_right_by_migrate():
    group = Group.objects.get(name=EDITORS)
    change_note = Permission.objects.get(content_type__app_label="guides", codename="change_guidechange")
    group.permissions.remove(change_note)  # as after an upgrade that added the model
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    assert ("guides", "change_guidechange") in _codenames()


def test_the_group_is_created_on_a_database_that_lacks_it():
    Group.objects.filter(name=EDITORS).delete()
    sync_editors_group()
    assert ("essays", "add_essay") in _codenames()
