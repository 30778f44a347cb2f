"""Database helpers the kernel shares."""

from contextlib import contextmanager

from django.db import connections, transaction


@contextmanager
def snapshot(using="default"):
    """Read the database as it was at one moment, whatever is written meanwhile (the backup's export).

    PostgreSQL: a read-only transaction at the repeatable-read level. SQLite: a deferred read
    transaction, which in WAL mode sees one snapshot and lets writers go on. Inside a transaction that
    is already open (a test, a caller's own), that transaction is the snapshot.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"  # a reader, not a writer
        try:
            with transaction.atomic(using=using):
                connection.transaction_mode = mode
                yield
        finally:
            connection.transaction_mode = mode
        return
    with transaction.atomic(using=using):
        yield
