"""Lossless export and import of all content, drafts included: the backup, and the way to move a
portal from SQLite to PostgreSQL.

The file is one JSON document: ``{"format": "azamat-content", "version": 1, "models": {label: [...]}}``
with every object of every content model in Django's serialised form (primary keys kept, objects
ordered by primary key, links sorted), written with sorted keys. So export → import into an empty
database → export gives the same bytes.
"""

import datetime
import functools
import json
import os
from collections import Counter

from django.conf import settings
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, DataError, IntegrityError, connection, transaction
from django.db.models import UniqueConstraint
from django.utils import timezone, translation

from core.content import bulk_change
from core.db import snapshot
from core.registry import content_models
from core.text import control_characters

FORMAT = "azamat-content"
VERSION = 2
# Models each version of the format added: a file of an earlier version may lack them (it was
# written before they existed); any other missing model makes the file incomplete.
ADDED_IN = {2: {"guides.guidechange", "essays.essaychange", "constitution.articlechange"}}
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
    """Write every content object to ``stream`` (text) as one JSON document, model by model, all read
    at one moment (``core.db.snapshot``): a save made meanwhile is either wholly in it or not at all.
    In the default language, whatever the process has active (``_as_written``)."""
    with snapshot(), _as_written():
        _write_export(stream)


def _as_written():
    """The language a backup is written and read in: the default one, as on the command line. The
    untranslated column of a translated field (django-modeltranslation) reads and writes as the active
    language, so a process with another language active (after a request in Russian, in a shell) would
    write that language's text there, and a restore would put it back in the wrong place."""
    return translation.override(settings.LANGUAGE_CODE)


def _write_export(stream):
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


def read_document(data):
    """Parse and check the shape of an export (``bytes`` or ``str``); raise ImportRefused with the reason.

    Everything that can be checked before touching the database is checked here: the encoding, the
    JSON, the format and version, that every model the export writes is there (a file missing one
    would make ``--replace`` delete that content), the shape of each object, and that no primary key
    or unique value appears twice (a second object with the same key would silently overwrite the
    first).
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"not UTF-8 text (byte {exc.start})") from exc
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"not JSON: {exc}") from exc
    except RecursionError as exc:
        raise ImportRefused("not an export: the JSON is nested too deeply") from exc
    except ValueError as exc:  # a number of thousands of digits (Python refuses to read it)
        raise ImportRefused(f"not an export: {_first_line(exc)}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(f'not an Azamat content export (the "format" must be "{FORMAT}")')
    version = document.get("version")
    if version not in range(1, VERSION + 1) or isinstance(version, bool):
        raise ImportRefused(f"export format version {version!r} is not supported (1 to {VERSION})")
    models = document.get("models")
    if not isinstance(models, dict):
        raise ImportRefused('"models" must be an object of lists')
    known = {model._meta.label_lower: model for model in content_models()}
    if unknown := sorted(set(models) - set(known)):
        raise ImportRefused(f"unknown models: {', '.join(unknown)}")
    newer = set().union(*(labels for added, labels in ADDED_IN.items() if added > version))
    if missing := sorted(set(known) - set(models) - newer):
        raise ImportRefused(f"the file lacks models an export always has: {', '.join(missing)}")
    for label, items in models.items():
        _check_objects(known[label], label, items)
    return models


def check_content(models):
    """Refuse (ImportRefused) what ``read_document`` returned when the file itself shows an object would
    be refused: text holding control characters, a link to an object the file lacks. Found before the
    database is touched, so such a file costs no backup and deletes nothing first (the database checks
    the links again before the import ends)."""
    known = {model._meta.label_lower: model for model in content_models()}
    problems = [*_text_problems_in(models), *_links_missing(models, known)]
    if problems:
        raise ImportRefused(f"{len(problems)} invalid object(s), first: " + "; ".join(problems[:5]))


def _text_problems_in(models):
    """Text holding control characters, which no editor can save and no document can hold."""
    for label, items in models.items():
        for item in items:
            for name, value in item["fields"].items():
                if isinstance(value, str) and (codes := control_characters(value)):
                    yield f"{label} {item['pk']}: {name} contains control characters ({', '.join(codes)})"


def _links_missing(models, known):
    """Links (foreign keys and many-to-many) to a content object the file does not have. The database
    checks every link again before the import ends (``check_constraints``)."""
    keys = {label: {item["pk"] for item in models.get(label, [])} for label in known}
    for label, items in models.items():
        model = known[label]
        for field in [*model._meta.concrete_fields, *model._meta.local_many_to_many]:
            target = field.remote_field.model._meta.label_lower if field.is_relation else None
            if target not in keys or not _to_primary_key(field):
                continue
            for item in items:
                value = item["fields"].get(field.name)
                for key in value if field.many_to_many and isinstance(value, list) else [value]:
                    number = _whole_number(key)
                    if number is not None and number not in keys[target]:
                        yield f"{label} {item['pk']}: {field.name} points to {target} {key!r}, which the file lacks"


def _to_primary_key(field):
    """Whether the link points to the target's primary key (a many-to-many link through its own table
    always does; one through a model of the project's is that model's objects, exported on their own)."""
    if field.many_to_many:
        return field.remote_field.through._meta.auto_created
    return field.remote_field.field_name == field.remote_field.model._meta.pk.name


def _whole_number(value):
    """``value`` as the whole number a key stands for (7, "7", 7.0), or None (empty, or another kind)."""
    try:
        return _primary_key("", value)
    except ImportRefused:
        return None


def _check_objects(model, label, items):
    if not isinstance(items, list):
        raise ImportRefused(f"{label}: expected a list of objects")
    for item in items:
        if (
            not isinstance(item, dict)
            or item.get("model") != label
            or not isinstance(item.get("fields"), dict)
            or "pk" not in item
        ):
            raise ImportRefused(f"{label}: an object of another model or shape: {str(item)[:80]}")
        item["pk"] = _primary_key(label, item["pk"])
    counted = Counter(item["pk"] for item in items)
    if duplicates := sorted(key for key, times in counted.items() if times > 1)[:5]:
        raise ImportRefused(f"{label}: the same primary key appears twice: {', '.join(map(str, duplicates))}")
    for fields in _unique_field_sets(model):
        seen = {}
        for item in items:
            values = tuple(_hashable(item["fields"].get(name)) for name in fields)
            if any(value is None for value in values):
                continue
            if values in seen:
                shown = ", ".join(f"{name}={value!r}" for name, value in zip(fields, values, strict=True))
                raise ImportRefused(f"{label}: objects {seen[values]} and {item['pk']} share {shown}")
            seen[values] = item["pk"]


BIGGEST_KEY = 2**63 - 1


def _primary_key(label, value):
    """The primary key as the number it stands for: ``7``, ``"7"``, ``"007"`` and ``7.0`` are all 7 (so two
    spellings of one key are found as a duplicate); anything but a whole number from 1 up is refused."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
    else:
        raise ImportRefused(f"{label}: a primary key must be a whole number from 1 up, not {str(value)[:40]!r}")
    if not 1 <= number <= BIGGEST_KEY:
        raise ImportRefused(f"{label}: a primary key must be a whole number from 1 up, not {str(value)[:40]!r}")
    return number


def _hashable(value):
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


def _unique_field_sets(model):
    """Each set of fields whose values must be unique together (without the primary key)."""
    sets = [
        (f.attname if f.is_relation else f.name,) for f in model._meta.concrete_fields if f.unique and not f.primary_key
    ]
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and constraint.fields and constraint.condition is None:
            sets.append(tuple(_field_key(model, name) for name in constraint.fields))
    for together in model._meta.unique_together:
        sets.append(tuple(_field_key(model, name) for name in together))
    return sets


def _field_key(model, name):
    """The key a serialised object uses for a field: its name (foreign keys too, as Django writes them)."""
    return model._meta.get_field(name).name


def content_is_empty():
    return not any(model._default_manager.exists() for model in content_models())


def deletions(models):
    """What importing ``models`` (as ``read_document`` returns them) with ``replace`` would delete: the
    objects in the database whose primary keys the file does not have, ``{label: [object, …]}``."""
    found = {}
    for model in content_models():
        label = model._meta.label_lower
        kept = {item["pk"] for item in models.get(label, [])}
        gone = [obj for obj in model._default_manager.order_by("pk") if obj.pk not in kept]
        if gone:
            found[label] = gone
    return found


def describe_deletions(found, shown=5):
    """Lines for the administrator: how many objects of each model would go, and for each kind of page the
    first few by name."""
    lines = []
    for label, objects in found.items():
        lines.append(f"{len(objects):6d} {label}")
        pages = [obj for obj in objects if hasattr(obj, "get_absolute_url")]
        lines += [f"         - {obj}" for obj in pages[:shown]]
        if len(pages) > shown:
            lines.append(f"         … and {len(pages) - shown} more")
    return lines


def import_models(models, replace=False):
    """Import an export into this database, all or nothing: ``models`` as ``read_document`` returns them,
    which ``check_content`` has passed (the file is parsed and checked once, before anything else).

    Every object is deserialised, saved and validated inside one transaction, and the database's own
    constraints are checked before it ends; the first problem found rolls everything back and is
    reported as ImportRefused, never as a traceback. Existing content is refused unless ``replace`` is
    true, in which case it is deleted first (in the same transaction). Returns the number of objects
    imported per model label.
    """
    try:
        with _as_written():
            return _import(models, replace)
    except ImportRefused:
        raise
    except (IntegrityError, DataError) as exc:
        raise ImportRefused(f"the database refused the content: {_first_line(exc)}") from exc
    except (DatabaseError, OverflowError, ValueError, TypeError, AttributeError, LookupError) as exc:
        raise ImportRefused(f"{type(exc).__name__}: {_first_line(exc)}") from exc


def _first_line(exc):
    return (str(exc).strip().splitlines() or [""])[0][:300]


def _import(models, replace):
    counts = {}
    with transaction.atomic(), bulk_change() as bulk:  # services (search) catch up once, at the end
        if not content_is_empty():
            if not replace:
                raise ImportRefused("the database already has content; import into an empty one, or use --replace")
            for model in reversed(ordered_models()):
                model._default_manager.all().delete()
        saved = []
        for model in ordered_models():
            label = model._meta.label_lower
            items = models.get(label, [])
            try:
                links = {}
                for deserialised in serializers.deserialize("python", items, ignorenonexistent=False):
                    for name, targets in (deserialised.m2m_data or {}).items():  # save() empties m2m_data
                        links.setdefault(name, []).extend((deserialised.object.pk, target) for target in targets)
                    deserialised.save(save_m2m=False, force_insert=True)  # the tables are empty: no UPDATE first
                    saved.append(deserialised.object)
                _insert_links(model, links)
            except (DeserializationError, FieldDoesNotExist, ValueError, TypeError, OverflowError) as exc:
                raise ImportRefused(f"{label}: {_first_line(exc)}") from exc
            except DatabaseError as exc:
                raise ImportRefused(f"{label}: the database refused an object: {_first_line(exc)}") from exc
            counts[label] = len(items)
        problems = []
        for obj in saved:
            try:
                # Not the links, one query per object and link: check_content has found each in the file
                # and the database checks them below; nor the constraints (unique, check): the database
                # checked them as each object went in.
                obj.full_clean(exclude=_links(type(obj)), validate_unique=False, validate_constraints=False)
            except ValidationError as exc:
                problems.append(f"{obj._meta.label_lower} {obj.pk}: {exc.message_dict}")
            if hasattr(obj, "import_problems"):
                problems.extend(obj.import_problems())
        if problems:
            raise ImportRefused(f"{len(problems)} invalid object(s), first: " + "; ".join(problems[:5]))
        try:
            connection.check_constraints()  # foreign keys pointing nowhere (deferred until commit otherwise)
        except IntegrityError as exc:
            raise ImportRefused(f"a link points to an object the file does not have: {_first_line(exc)}") from exc
        _reset_sequences()
        bulk.changed = True
    return counts


def _insert_links(model, links):
    """The many-to-many links of the model's objects, ``{field name: [(object key, target key), …]}``: a
    few inserts for all of them, where setting them object by object reads each object's links first."""
    for name, pairs in links.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through._default_manager.bulk_create(
            [through(**{source: key, target: other}) for key, other in pairs], batch_size=CHUNK
        )


@functools.cache
def _links(model):
    """The names of the model's foreign keys (one-to-one included)."""
    return tuple(field.name for field in model._meta.concrete_fields if field.many_to_one or field.one_to_one)


def write_backup(directory):
    """Write the current content to a new file in ``directory``; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    path = directory / f"content-before-replace-{stamp}.json"
    write_file(path)
    return path


def write_file(path):
    """Write the export to ``path`` whole or not at all: into a temporary file beside it, renamed when
    complete (a full disk or a failure half-way leaves no half-written backup)."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
            write_export(stream)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _reset_sequences():
    """After inserting explicit primary keys, let the database hand out the next ones (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), content_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
