"""Lossless export and import of all content, drafts included: the backup, and the way to move a
portal from SQLite to PostgreSQL.

The file is one JSON document: ``{"format": "azamat-content", "version": 1, "models": {label: [...]}}``
with every object of every content model in Django's serialised form (primary keys kept, objects
ordered by primary key, links sorted), written with sorted keys. So export → import into an empty
database → export gives the same bytes.
"""

import datetime
import json

from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction

from portal import search
from portal.content import content_models

FORMAT = "azamat-content"
VERSION = 1
CHUNK = 500


class LosslessEncoder(DjangoJSONEncoder):
    """Like Django's encoder, but datetimes keep their microseconds (Django's drops all but the
    milliseconds, so a value like 12:00:00.000456 would come back as 12:00:00)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat(timespec="microseconds")
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class ImportRefused(Exception):
    """The file cannot be imported; nothing was changed."""


def ordered_models():
    """Content models, each after the models it points to."""
    return serializers.sort_dependencies([(model._meta.app_config, [model]) for model in content_models()])


def _serialised(model):
    queryset = model._default_manager.order_by("pk")
    batch = []
    for obj in queryset.iterator(chunk_size=CHUNK):
        batch.append(obj)
        if len(batch) == CHUNK:
            yield from serializers.serialize("python", batch)
            batch = []
    yield from serializers.serialize("python", batch)


def write_export(stream):
    """Write every content object to ``stream`` (text) as one JSON document, model by model."""
    stream.write('{\n "format": ' + json.dumps(FORMAT) + ',\n "models": {')
    for index, model in enumerate(ordered_models()):
        m2m = [f.name for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]
        stream.write(("," if index else "") + "\n  " + json.dumps(model._meta.label_lower) + ": [")
        for position, item in enumerate(_serialised(model)):
            for name in m2m:
                item["fields"][name] = sorted(item["fields"][name])
            text = json.dumps(item, cls=LosslessEncoder, ensure_ascii=False, sort_keys=True)
            stream.write(("," if position else "") + "\n   " + text)
        stream.write("\n  ]")
    stream.write('\n },\n "version": ' + str(VERSION) + "\n}\n")


def read_document(text):
    """Parse and check the outer shape of an export; raise ImportRefused with the reason."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"not JSON: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(f'not an Azamat content export (the "format" must be "{FORMAT}")')
    if document.get("version") != VERSION:
        raise ImportRefused(f"export format version {document.get('version')!r} is not supported (expected {VERSION})")
    known = {model._meta.label_lower for model in content_models()}
    models = document.get("models")
    if not isinstance(models, dict):
        raise ImportRefused('"models" must be an object of lists')
    unknown = sorted(set(models) - known)
    if unknown:
        raise ImportRefused(f"unknown models: {', '.join(unknown)}")
    return models


def content_is_empty():
    return not any(model._default_manager.exists() for model in content_models())


def import_document(text, replace=False):
    """Import an export into this database, all or nothing.

    The whole file is parsed, every object deserialised, saved and validated inside one
    transaction; the first problem found rolls everything back. Existing content is refused
    unless ``replace`` is true, in which case it is deleted first (in the same transaction).
    Returns the number of objects imported per model label.
    """
    models = read_document(text)
    counts = {}
    with transaction.atomic(), search.paused():  # one rebuild at the end, not one per object
        if not content_is_empty():
            if not replace:
                raise ImportRefused("the database already has content; import into an empty one, or use --replace")
            for model in reversed(ordered_models()):
                model._default_manager.all().delete()
        saved = []
        for model in ordered_models():
            label = model._meta.label_lower
            items = models.get(label, [])
            if not isinstance(items, list):
                raise ImportRefused(f"{label}: expected a list of objects")
            for item in items:
                if not isinstance(item, dict) or item.get("model") != label:
                    raise ImportRefused(f"{label}: an object of another model or shape: {str(item)[:80]}")
            try:
                for deserialised in serializers.deserialize("python", items, ignorenonexistent=False):
                    deserialised.save()
                    saved.append(deserialised.object)
            except (DeserializationError, ValueError, TypeError, DatabaseError) as exc:
                raise ImportRefused(f"{label}: {exc}") from exc
            counts[label] = len(items)
        problems = []
        for obj in saved:
            try:
                obj.full_clean(validate_unique=False)
            except ValidationError as exc:
                problems.append(f"{obj._meta.label_lower} {obj.pk}: {exc.message_dict}")
        if problems:
            raise ImportRefused(f"{len(problems)} invalid object(s), first: " + "; ".join(problems[:5]))
        _reset_sequences()
        search.rebuild()
    return counts


def _reset_sequences():
    """After inserting explicit primary keys, let the database hand out the next ones (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), content_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
