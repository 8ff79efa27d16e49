"""The full-text index holds one entry per page, as last saved, however the pages arrive."""

import datetime

import pytest
from django.db import connection

from search import fts_sqlite, indexer
from search.backends import backend
from search.models import SearchDocument
from search.service import search
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def _document(key, title, **fields):
    return SearchDocument(key=key, kind="article", title=title, url=f"/articles/{key}/", visible_from=datetime.date.min, **fields)


def _full_text_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid, title FROM search_fts ORDER BY rowid")
        return cursor.fetchall()


sqlite_only = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="the FTS5 table is SQLite's")


@sqlite_only
def test_a_new_entry_is_indexed_once():
    Treatment.objects.all().delete()
    SearchDocument.objects.all().delete()
    backend().clear()
    Treatment.objects.create(slug="okapi-therapy", name="Okapi therapy", summary="A gentle therapy.")
    ids = list(SearchDocument.objects.values_list("id", flat=True))
    assert [rowid for rowid, _ in _full_text_rows()] == ids


@sqlite_only
def test_a_page_written_twice_in_one_batch_is_indexed_as_last_written():
    document = _document("okapi", "Okapi walks")
    document.save()
    again = _document("okapi", "Zebra runs")
    again.pk = document.pk
    backend().write([document, again])
    assert [title for rowid, title in _full_text_rows() if rowid == document.pk] == ["Zebra runs"]


@sqlite_only
def test_removing_more_pages_than_one_statement_holds_removes_them_all(monkeypatch):
    monkeypatch.setattr(fts_sqlite, "DELETE_BATCH", 2)
    documents = [_document(f"story-{number}", f"Okapi {number}") for number in range(5)]
    for document in documents:
        document.save()
    backend().write(documents)
    indexer.remove([document.key for document in documents[:4]])
    assert [title for _, title in _full_text_rows() if title.startswith("Okapi")] == ["Okapi 4"]
    assert [result.title for result in search("okapi").results] == ["Okapi 4"]


def test_a_spanish_word_is_found_in_any_of_its_forms_when_checking_for_hits():
    """The spelling check asks whether a typed word is on any page before it suggests another."""
    document = _document("es/article:descanso", "Descanso", language="es", body="El descanso ayuda a la espalda.")
    document.save()
    backend().write([document])
    today = datetime.date.today()
    assert backend().has_hits("ayudan", today, "es")
    assert not backend().has_hits("ayudan", today, "en")


def _index_bytes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(length(block)) FROM search_fts_data")
        return cursor.fetchone()[0]


@sqlite_only
def test_an_index_cleared_and_written_again_is_no_larger_than_the_first_time():
    """A rebuild clears the index and writes every page again; what was cleared must not linger and slow searches."""
    backend().clear()
    documents = [_document(f"story-{number}", f"Okapi {number}") for number in range(200)]
    for number, document in enumerate(documents):
        document.body = f"walks gently through the forest in the morning, story {number} " * 20
        document.save()
    backend().write(documents)
    first = _index_bytes()
    backend().clear()
    assert _full_text_rows() == []
    backend().write(documents)
    assert _index_bytes() <= first * 1.05
    assert len(search("okapi forest").results) == 10
