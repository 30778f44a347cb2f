"""Loading bundled content without overwriting editors' work.

Every bundled object remembers a fingerprint of the bundled values it was last
loaded with (``bundle_hash``). On the next load:

- an object that does not exist yet is created;
- an object whose current values still match that fingerprint (no editor has
  touched it) is updated to the new bundled values, if they changed;
- an object an editor has changed is left alone and reported as "kept".

So running the loader twice changes nothing, and an editor's change survives a
new release of the bundled content.
"""

import hashlib
import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import yaml
from django.conf import settings
from django.db import models


def fingerprint(values):
    """A stable hash of a dict of field values."""
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@dataclass
class LoadReport:
    """Counts of what a load did, per model."""

    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    kept: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)

    def count(self, bucket, model):
        counts = getattr(self, bucket)
        name = model._meta.label
        counts[name] = counts.get(name, 0) + 1

    @property
    def changed(self):
        return bool(self.created or self.updated)

    def lines(self):
        for bucket in ("created", "updated", "kept", "unchanged"):
            for name, number in sorted(getattr(self, bucket).items()):
                yield f"{bucket:>9}: {number:5d} {name}"


def sync(model, lookup, values, report, hash_field="bundle_hash", fill_empty=False):
    """Create or update one bundled object per the rules above.

    Returns ``(obj, status)`` with status one of created, updated, kept, unchanged.

    ``values`` holds plain field values (foreign keys as ``<name>_id``), so that
    the fingerprint of what is stored can be compared with what is bundled.
    ``hash_field`` names the field that keeps the fingerprint: a model can keep
    separate fingerprints for separate groups of bundled fields (the official
    text of an article apart from our explanation of it). With ``fill_empty``
    an object whose fields are all still empty counts as untouched, so content
    that a first install lacked (or a hash from before a field joined the group)
    is filled in.
    """
    wanted = fingerprint(values)
    obj = _find(model, lookup)
    if obj is None:
        obj = model._default_manager.create(**lookup, **values, **{hash_field: wanted})
        _remember(model, obj)
        report.count("created", model)
        return obj, "created"
    stored = {name: getattr(obj, name) for name in values}
    current = fingerprint(stored)
    untouched = current == getattr(obj, hash_field) or (fill_empty and not any(stored.values()))
    if current == wanted:
        if getattr(obj, hash_field) != wanted:
            model._default_manager.filter(pk=obj.pk).update(**{hash_field: wanted})
            setattr(obj, hash_field, wanted)
        status = "unchanged"
    elif untouched:
        for name, value in values.items():
            setattr(obj, name, value)
        setattr(obj, hash_field, wanted)
        obj.save()
        status = "updated"
    else:
        status = "kept"
    report.count(status, model)
    return obj, status


# During a load (``read_once``): {model: (its objects, {lookup fields: {lookup values: object}})}. Each model's
# objects are read once and every index of it holds the same instances, so what one ``sync`` saves the next sees.
_read = ContextVar("read_once", default=None)


@contextmanager
def read_once():
    """Within the block, ``sync`` reads each model's objects once, at its first object, instead of asking
    the database for each object (a load of the bundled content asked about 1,900 times). The block holds
    objects as read and saved through ``sync``: a loader that changes them otherwise does it outside."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def _lookup_fields(model, lookup):
    """The fields ``lookup`` names (``pk``, a field or a foreign key), or None for a lookup across a relation."""
    try:
        fields = tuple(model._meta.pk if name == "pk" else model._meta.get_field(name) for name in lookup)
    except models.FieldDoesNotExist:
        return None
    return None if any(field.many_to_many or field.one_to_many for field in fields) else fields


def _key(fields, values):
    """Lookup values as the database compares them (an object by its key)."""
    return tuple(
        field.get_prep_value(value.pk if isinstance(value, models.Model) else value)
        for field, value in zip(fields, values, strict=True)
    )


def _key_of(fields, obj):
    """``_key`` of what ``obj`` holds in ``fields``."""
    return _key(fields, [getattr(obj, field.attname) for field in fields])


def _index(model, fields):
    """``{lookup values: object}`` of every object of ``model`` by ``fields``, within ``read_once``."""
    read = _read.get()
    if read is None or fields is None:
        return None
    if model not in read:
        read[model] = (list(model._default_manager.order_by("pk")), {})
    objects, indexes = read[model]
    if fields not in indexes:
        index = indexes[fields] = {}
        for obj in objects:  # the first by key wins, as filter().first() would give it
            index.setdefault(_key_of(fields, obj), obj)
    return indexes[fields]


def _find(model, lookup):
    """The object ``lookup`` finds (the first by key), or None."""
    fields = _lookup_fields(model, lookup)
    index = _index(model, fields)
    if index is not None and (obj := index.get(_key(fields, lookup.values()))) is not None:
        return obj
    return model._default_manager.filter(**lookup).first()  # outside a load, or what it did not read


def _remember(model, obj):
    """A created object joins every index of its model."""
    read = _read.get()
    if read is None or model not in read:
        return
    objects, indexes = read[model]
    objects.append(obj)
    for fields, index in indexes.items():
        index.setdefault(_key_of(fields, obj), obj)


# PyYAML's safe loader in C (libyaml) where the wheel has it: the bundled content loads in a tenth of the time.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path):
    """A bundled YAML file."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def translated_fields(item, *names):
    """``translated_values`` for several fields of one bundled item: ``{"title_kk": …, "summary_kk": …}``."""
    values = {}
    for name in names:
        values.update(translated_values(name, item.get(name)))
    return values


def translated_values(prefix, values):
    """``{"kk": …, "ru": …}`` from bundled data as ``{"<prefix>_kk": …, "<prefix>_ru": …, "<prefix>_en": ""}``;
    a plain string is taken as the same text in every language (names, numbers)."""
    if isinstance(values, str):
        values = {code: values for code, _name in settings.LANGUAGES}
    values = values or {}
    return {f"{prefix}_{code}": str(values.get(code) or "").strip() for code, _name in settings.LANGUAGES}
