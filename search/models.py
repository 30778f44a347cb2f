"""The search index: documents, the words (stems) they contain, and where each word occurs.

One ``Document`` per published object and language (an article, a guide, an essay), split into the
fields ranking weighs differently (title, keywords, summary, body). ``Term`` is a stem of one
language, ``Posting`` says how often a term occurs in each field of a document. Plain tables with
plain indexes, so the index and its ranking are the same on SQLite and PostgreSQL.
"""

from django.db import models


class Document(models.Model):
    """One object in one language, as search sees it."""

    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=60, help_text="Identifies the object within its kind.")
    language = models.CharField(max_length=5)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="The one-sentence answer shown on the best-answer card.")
    text = models.TextField(help_text="The text snippets are taken from.")
    boost = models.FloatField(default=1.0)
    length_title = models.PositiveIntegerField(default=0)
    length_keywords = models.PositiveIntegerField(default=0)
    length_summary = models.PositiveIntegerField(default=0)
    length_body = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key", "language"], name="unique_search_document")]
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return f"{self.kind} {self.key} ({self.language})"


class Term(models.Model):
    """A stem in one language; ``surface`` holds the commonest words it came from ("|" between them),
    for "Did you mean …?": the one nearest to what was typed is offered."""

    language = models.CharField(max_length=5)
    text = models.CharField(max_length=100)
    surface = models.CharField(max_length=300)
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "text"], name="unique_search_term")]

    def __str__(self):
        return f"{self.text} ({self.language})"


class Posting(models.Model):
    """How often a term occurs in each field of a document."""

    # The term's own index is the covering one below (it starts with the term).
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="postings", db_index=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="postings")
    in_title = models.PositiveSmallIntegerField(default=0)
    in_keywords = models.PositiveSmallIntegerField(default=0)
    in_summary = models.PositiveSmallIntegerField(default=0)
    in_body = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "document"], name="unique_search_posting")]
        # A query reads every posting of its terms (``search.ranking``): with all the columns it reads in
        # the index, neither database visits the table (a third of the time at 12,000 documents).
        indexes = [
            models.Index(
                fields=["term", "document", "in_title", "in_keywords", "in_summary", "in_body"],
                name="search_posting_covering",
            )
        ]

    def __str__(self):
        return f"{self.term_id} in {self.document_id}"


class IndexState(models.Model):
    """One row whose value changes (at random, never repeating) on every change of the index, so each
    process knows when its copy of the vocabulary and of the collection statistics is stale."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    version = models.CharField(max_length=32, default="", help_text="A new random value on every change.")

    def __str__(self):
        return str(self.version)
