"""Keep the index in line with the content, inside the same transaction as the change."""

from articles.models import Article
from glossary.models import GlossaryTerm
from treatments.models import Condition, Treatment
from treatments.translations import has_spanish

from . import documents
from .backends import backend
from .models import SearchDocument, document_key

ANALYZE_AFTER = 500  # documents written at once


def _save(new_documents):
    """Replace documents by key and refresh their full-text entries."""
    if not new_documents:
        return
    existing = dict(SearchDocument.objects.filter(key__in=[doc.key for doc in new_documents]).values_list("key", "id"))
    for doc in new_documents:
        doc.pk = existing.get(doc.key)
    fields = ["language", "kind", "title", "aliases", "summary", "body", "url", "visible_from"]
    known = [doc for doc in new_documents if doc.pk]
    SearchDocument.objects.bulk_update(known, fields, batch_size=500)
    created = SearchDocument.objects.bulk_create([doc for doc in new_documents if not doc.pk], batch_size=500)
    saved = known + created
    if any(doc.pk is None for doc in saved):
        saved = list(SearchDocument.objects.filter(key__in=[doc.key for doc in new_documents]))
    backend().write(saved)
    if len(saved) >= ANALYZE_AFTER:
        backend().analyze()


def remove(keys):
    ids = list(SearchDocument.objects.filter(key__in=keys).values_list("id", flat=True))
    backend().delete(ids)
    SearchDocument.objects.filter(id__in=ids).delete()


BATCH = 500  # documents built and written at a time, so a cold sync of 10,000 articles stays small in memory


def _article_documents(articles):
    """Search documents for a batch of articles, reading only the fields a document uses (not their HTML)."""
    return [documents.article_document(article) for article in articles.only(*documents.ARTICLE_FIELDS).prefetch_related("tags")]


def index_articles(slugs):
    slugs = list(slugs)
    for start in range(0, len(slugs), BATCH):
        _save(_article_documents(Article.objects.filter(slug__in=slugs[start : start + BATCH])))


def _entry_languages(entry):
    """English always; Spanish once the entry has Spanish text."""
    return ["en", "es"] if has_spanish(entry) else ["en"]


def entry_documents(entry):
    builder = documents.treatment_document if type(entry) is Treatment else documents.condition_document
    return [builder(entry, language) for language in _entry_languages(entry)]


def _entry_keys(entry):
    return [document_key(entry._meta.model_name, entry.slug, language) for language in _entry_languages(entry)]


def index_entry(entry):
    """(Re)index one treatment or condition, and drop documents of its kind that no longer have a page."""
    model = type(entry)
    kind = model._meta.model_name
    _save(entry_documents(entry))
    live = {key for other in model.objects.all() for key in _entry_keys(other)}
    stale = SearchDocument.objects.filter(kind=kind).exclude(key__in=live).values_list("key", flat=True)
    remove(list(stale))


def index_missing_entries():
    """Index treatments, conditions and glossary terms that have no document yet (such as starter data)."""
    keys = set(SearchDocument.objects.exclude(kind=SearchDocument.ARTICLE).values_list("key", flat=True))
    for model in (Treatment, Condition):
        for entry in model.objects.all():
            if any(key not in keys for key in _entry_keys(entry)):
                index_entry(entry)
    if GlossaryTerm.objects.count() != sum("glossary:" in key for key in keys):
        index_glossary()


def index_glossary():
    remove(list(SearchDocument.objects.filter(kind=SearchDocument.GLOSSARY).values_list("key", flat=True)))
    _save([documents.glossary_document(term) for term in GlossaryTerm.objects.all()])


def rebuild():
    """Drop and rebuild the whole index from the database; returns the number of documents."""
    backend().clear()
    SearchDocument.objects.all().delete()
    _save([doc for t in Treatment.objects.prefetch_related("risks", "faqs") for doc in entry_documents(t)])
    _save([doc for c in Condition.objects.prefetch_related("faqs") for doc in entry_documents(c)])
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        _save(_article_documents(Article.objects.filter(pk__in=ids[start : start + BATCH]).order_by("pk")))
    index_glossary()
    return SearchDocument.objects.count()
