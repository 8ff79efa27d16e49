"""Bring the database in line with the Markdown files.

Incremental (unchanged size and mtime, or unchanged hash, is skipped), atomic
(one transaction under a lock, so two syncs never interleave), and forgiving
(a broken file is reported and its last good version stays live).
"""

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import slugify

from core import datafiles
from core.models import SiteState
from core.problems import Problem
from pictures.renditions import sync_content_images

from . import discovery
from .models import Article, ArticleTopic, Redirect, SourceFile, Tag
from .parser import content_hash
from .review_text import review_text, text_fingerprint
from .workers import Job, parse_in_workers

# Sent inside the sync's transaction when articles change; receivers (search
# index) update in the same transaction. A large sync sends it for every 500
# articles saved, so the index is written while the workers parse on, then
# once at the end with the rest, the removed articles and the data files.
content_changed = Signal()  # kwargs: changed, removed (article slugs), data_files (paths such as glossary.yml)
ANNOUNCE_EVERY = 500  # saved articles; the search index writes, and analyzes, in batches of 500
# Sent inside the transaction at the end of every sync, changed or not.
content_synced = Signal()

_LOCK_KEY = 727_2024


@dataclass
class SyncReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    removed: list = field(default_factory=list)
    data_files: list = field(default_factory=list)  # glossary.yml and the like, when they changed
    failed: list = field(default_factory=list)  # Problem
    warnings: list = field(default_factory=list)  # Problem
    content_version: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated or self.removed or self.data_files)


def _lock():
    """Hold a lock until the transaction ends. SQLite's IMMEDIATE transactions already serialise writers."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])


def _read(candidate, max_bytes):
    with open(candidate.absolute, "rb") as handle:
        return handle.read(max_bytes + 1)


def _plan(scan, known, force, max_bytes, report):
    """Split candidates into jobs to parse; touch the stat of files whose bytes did not change."""
    jobs = []
    for candidate in scan.candidates:
        record = known.get(candidate.path)
        if record and not force and (record.size, record.mtime_ns) == (candidate.size, candidate.mtime_ns):
            report.unchanged += 1
            continue
        try:
            raw = _read(candidate, max_bytes)
        except OSError as exc:
            report.failed.append(Problem(candidate.path, 1, "error", f"the file cannot be read: {exc.strerror}", "unreadable"))
            continue
        digest = content_hash(raw)
        if record and not force and record.content_hash == digest:
            SourceFile.objects.filter(pk=record.pk).update(size=candidate.size, mtime_ns=candidate.mtime_ns)
            report.unchanged += 1
            continue
        jobs.append((candidate, Job(candidate.path, candidate.slug, raw, digest)))
    return jobs


class _TagCache:
    """Tags by slug, loaded once per sync instead of one query per tag per article."""

    def __init__(self):
        self._by_slug = None

    def get(self, names):
        if self._by_slug is None:
            self._by_slug = {tag.slug: tag for tag in Tag.objects.all()}
        tags = {}
        for name in names:
            slug = slugify(name)[:60] or "tag"
            if slug not in self._by_slug:
                self._by_slug[slug] = Tag.objects.create(slug=slug, name=name)
            tags[slug] = self._by_slug[slug]
        return list(tags.values())


def _save_redirects(article, old_slugs, created):
    if created and not old_slugs:
        return
    article.redirects.exclude(old_slug__in=old_slugs).delete()
    if not old_slugs:
        return
    taken = set(Redirect.objects.filter(old_slug__in=old_slugs).values_list("old_slug", flat=True))
    live = set(Article.objects.filter(slug__in=old_slugs).values_list("slug", flat=True))
    Redirect.objects.bulk_create(
        [Redirect(old_slug=old, article=article) for old in old_slugs if old not in taken | live | {article.slug}]
    )


def _article_values(parsed, now):
    meta = parsed.meta
    return {
        "slug": parsed.slug,
        "title": meta.title,
        "summary": meta.summary,
        "published": meta.published,
        "updated": meta.updated,
        "review_text": review_text(meta, parsed.body),
        "treatment_slugs": meta.treatments,
        "condition_slugs": meta.conditions,
        "draft": meta.draft,
        "image": meta.image,
        "image_alt": meta.image_alt,
        "sources": [citation.as_json() for citation in meta.sources],
        "body_html": parsed.html,
        "toc_html": parsed.toc_html if parsed.heading_count >= 3 else "",
        "body_text": parsed.prose,
        "image_refs": parsed.image_refs,
        "card_slugs": parsed.card_slugs,
        "word_count": parsed.word_count,
        "reading_minutes": parsed.reading_minutes,
        "reading_grade": parsed.reading_grade,
        "reading_ease": parsed.reading_ease,
        "language": parsed.language,
        "translation_of": parsed.meta.translation_of,
        "content_hash": parsed.content_hash,
        "last_sync_error": "",
        "synced_at": now,
    }


class _ArticleWriter:
    """Saves parsed articles a batch at a time.

    New articles, their tags and their topics go in with one bulk insert
    each per batch instead of three or more queries per article (a cold
    sync's database time). Changed articles are saved one by one: a sync
    changes few, and a row update with every column is one query either way.
    """

    BATCH = 50  # small enough that the workers are never kept waiting long while a batch is written

    def __init__(self, existing, now):
        self.existing = existing
        self.now = now
        self.tags = _TagCache()
        self.waiting = []
        self.saved = []  # slugs saved and not yet announced with content_changed

    def add(self, parsed):
        self.waiting.append(parsed)
        if len(self.waiting) >= self.BATCH:
            self.flush()

    def flush(self):
        batch, self.waiting = self.waiting, []
        new = [parsed for parsed in batch if parsed.path not in self.existing]
        created = Article.objects.bulk_create(
            [Article(source_path=parsed.path, **_article_values(parsed, self.now)) for parsed in new]
        )
        changed = [(parsed, self._update(parsed)) for parsed in batch if parsed.path in self.existing]
        saved = list(zip(new, created, strict=True)) + changed
        changed_ids = [article.pk for _, article in changed]
        if changed_ids:
            Article.tags.through.objects.filter(article_id__in=changed_ids).delete()
            ArticleTopic.objects.filter(article_id__in=changed_ids).delete()
        Article.tags.through.objects.bulk_create(
            [
                Article.tags.through(article_id=article.pk, tag_id=tag.pk)
                for parsed, article in saved
                for tag in self.tags.get(parsed.meta.tags)
            ]
        )
        ArticleTopic.objects.bulk_create([topic for parsed, article in saved for topic in _topics(article, parsed.meta)])
        for parsed, article in saved:
            _save_redirects(article, parsed.meta.redirect_from, created=parsed.path not in self.existing)
        self.saved.extend(parsed.slug for parsed in batch)

    def _update(self, parsed):
        article = self.existing[parsed.path]
        for name, value in _article_values(parsed, self.now).items():
            setattr(article, name, value)
        article.save()
        return article


def _topics(article, meta):
    return [ArticleTopic(article=article, kind=ArticleTopic.TREATMENT, slug=slug) for slug in meta.treatments] + [
        ArticleTopic(article=article, kind=ArticleTopic.CONDITION, slug=slug) for slug in meta.conditions
    ]


class _SourceRecords:
    """What this sync saw of each parsed file, written in two bulk queries at the end."""

    FIELDS = ["size", "mtime_ns", "content_hash", "error"]

    def __init__(self, known):
        self.known = known
        self.new, self.changed = [], []

    def add(self, candidate, parsed, error=""):
        values = {"size": candidate.size, "mtime_ns": candidate.mtime_ns, "content_hash": parsed.content_hash, "error": error}
        record = self.known.get(candidate.path)
        if record is None:
            self.new.append(SourceFile(path=candidate.path, **values))
        else:
            for name, value in values.items():
                setattr(record, name, value)
            self.changed.append(record)

    def save(self):
        SourceFile.objects.bulk_create(self.new, batch_size=500)
        SourceFile.objects.bulk_update(self.changed, self.FIELDS, batch_size=500)


def _apply(jobs, report, now, known):
    """Parse and save every job; return the slugs saved but not yet announced with content_changed."""
    candidates = {job.path: candidate for candidate, job in jobs}
    existing = {article.source_path: article for article in Article.objects.filter(source_path__in=list(candidates))}
    writer = _ArticleWriter(existing, now)
    records = _SourceRecords(known)
    results = parse_in_workers(
        [job for _, job in jobs],
        workers=settings.CONTENT_SYNC_WORKERS,
        timeout=settings.CONTENT_RENDER_TIMEOUT,
        max_bytes=settings.CONTENT_MAX_FILE_BYTES,
    )
    with contextlib.closing(results):  # a failed save stops the workers at once
        for parsed in results:
            candidate = candidates[parsed.path]
            report.warnings.extend(p for p in parsed.problems if not p.is_error)
            if not parsed.ok:
                error = parsed.first_error()
                report.failed.append(error)
                records.add(candidate, parsed, error.format())
                Article.objects.filter(source_path=parsed.path).update(last_sync_error=error.format())
                continue
            writer.add(parsed)
            (report.updated if parsed.path in existing else report.created).append(parsed.slug)
            records.add(candidate, parsed)
            if len(writer.saved) >= ANNOUNCE_EVERY:
                content_changed.send(sender=Article, changed=writer.saved, removed=[], data_files=[])
                writer.saved = []
    writer.flush()
    records.save()
    return writer.saved


def _remove_missing(scan, known, report):
    present = {candidate.path for candidate in scan.candidates} | {data_file.path for data_file in datafiles.registered()}
    gone = [path for path in known if path not in present]
    if gone:
        report.removed.extend(Article.objects.filter(source_path__in=gone).values_list("slug", flat=True))
        Article.objects.filter(source_path__in=gone).delete()
        SourceFile.objects.filter(path__in=gone).delete()


def _sync_data_files(content_dir, force, report):
    """Apply every changed data file."""
    for data_file in datafiles.registered():
        raw, stat = datafiles.read(data_file, content_dir)
        if raw is None:
            continue
        record = SourceFile.objects.filter(path=data_file.path).first()
        digest = content_hash(raw)
        if record and not force and record.content_hash == digest:
            SourceFile.objects.filter(pk=record.pk).update(size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            report.unchanged += 1
            continue
        parsed, problems = datafiles.parse(data_file, raw)
        errors = [problem for problem in problems if problem.is_error]
        report.warnings.extend(problem for problem in problems if not problem.is_error)
        if errors:
            report.failed.append(errors[0])
        else:
            data_file.apply(parsed, data_file.language)
            report.data_files.append(data_file.path)
        SourceFile.objects.update_or_create(
            path=data_file.path,
            defaults={
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
                "content_hash": digest,
                "error": errors[0].format() if errors else "",
            },
        )


def _sync_images(content_dir, report):
    """Renditions for every picture an article uses; a refused picture is a warning and the page shows without it."""
    referenced = {}
    # Only articles with a picture: reading every article's list would decode 10,000 empty JSON lists.
    with_pictures = Article.objects.exclude(image="", image_refs=[]).order_by()
    for path, image, refs in with_pictures.values_list("source_path", "image", "image_refs"):
        for relative in ([image] if image else []) + list(refs):
            referenced.setdefault(relative, []).append(path)
    problems = []
    sync_content_images(content_dir, referenced, problems)
    report.warnings.extend(Problem(path, 1, "warning", message, "image") for path, message in problems)


def sync_content(content_dir=None, *, force=False):
    """Sync CONTENT_DIR into the database and return what happened.

    Raises discovery.ContentDirError, changing nothing, when the folder is missing.
    """
    content_dir = content_dir or settings.CONTENT_DIR
    report = SyncReport()
    scan = discovery.scan(content_dir)
    report.failed.extend(p for p in scan.problems if p.is_error)
    report.warnings.extend(p for p in scan.problems if not p.is_error)
    now = timezone.now()
    with transaction.atomic():
        _lock()
        known = {record.path: record for record in SourceFile.objects.all()}
        jobs = _plan(scan, known, force, settings.CONTENT_MAX_FILE_BYTES, report)
        # Removed files first: a file renamed in this sync may claim its old slug in redirect_from.
        _remove_missing(scan, known, report)
        unannounced = _apply(jobs, report, now, known)
        _note_what_translations_were_made_from(now)
        _sync_data_files(content_dir, force, report)
        _sync_images(content_dir, report)
        state = SiteState.current()
        if report.changed:
            state.content_version += 1
            content_changed.send(sender=Article, changed=unannounced, removed=report.removed, data_files=report.data_files)
        content_synced.send(sender=Article)
        state.synced_at = now
        state.save()
        report.content_version = state.content_version
    return report


def _note_what_translations_were_made_from(now):
    """A Spanish file saved in this sync was written from its English article as it is now."""
    saved = list(Article.objects.filter(language="es", synced_at=now).exclude(translation_of=""))
    english = {a.slug: a for a in Article.objects.filter(language="en", slug__in=[s.translation_of for s in saved])}
    for spanish in saved:
        source = english.get(spanish.translation_of)
        made_from = text_fingerprint(source.review_text) if source else ""
        if spanish.made_from != made_from:
            Article.objects.filter(pk=spanish.pk).update(made_from=made_from)


def needs_sync(content_dir=None):
    """Cheap check, without a write lock: does any file's size or mtime differ from the last sync?"""
    scan = discovery.scan(content_dir or settings.CONTENT_DIR)
    known = dict(SourceFile.objects.values_list("path", "mtime_ns"))
    seen = {candidate.path: candidate.mtime_ns for candidate in scan.candidates}
    for data_file in datafiles.registered():
        path = Path(content_dir or settings.CONTENT_DIR) / data_file.path
        if path.is_file():
            seen[data_file.path] = path.stat().st_mtime_ns
    return seen != known
