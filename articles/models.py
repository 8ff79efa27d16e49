"""Articles as the database indexes them. The Markdown files are the source of truth."""

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from core.citations import Citation
from core.visibility import PublishedQuerySet, is_public

from .review_text import text_fingerprint


class TagQuerySet(models.QuerySet):
    def with_published_articles(self):
        today = timezone.localdate()
        return self.filter(articles__draft=False, articles__published__lte=today).distinct()


class ArticleQuerySet(PublishedQuerySet):
    CARD_FIELDS = ("slug", "title", "summary", "published", "reading_minutes")

    def cards(self):
        """Only what a list or card shows: the large HTML columns stay in the database."""
        return self.only(*self.CARD_FIELDS, "language")

    def in_language(self, language=None):
        """The articles written in `language` (the active language when not given)."""
        return self.filter(language=language or translation.get_language() or "en")


class Tag(models.Model):
    name = models.CharField(max_length=40, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(models.Model):
    language = models.CharField(max_length=5, default="en", db_index=True)
    slug = models.SlugField(max_length=80)
    # Spanish files name the English article they translate, and the sync notes which English text
    # (its review fingerprint) the Spanish was written from, to say when the translation falls behind.
    translation_of = models.SlugField(max_length=80, blank=True)
    made_from = models.CharField(max_length=64, blank=True)
    title = models.CharField(max_length=90)
    summary = models.CharField(max_length=160)
    published = models.DateField(db_index=True)
    updated = models.DateField(null=True, blank=True)
    # What a clinical reviewer approves: every part of the file that reaches the page (articles/review_text.py).
    review_text = models.TextField(blank=True)
    treatment_slugs = models.JSONField(default=list, blank=True)
    condition_slugs = models.JSONField(default=list, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    draft = models.BooleanField(default=False)
    image = models.CharField(max_length=200, blank=True)
    # None means no alt text was given; "" means the author marked the image decorative.
    image_alt = models.CharField(max_length=300, null=True, blank=True)  # noqa: DJ001
    sources = models.JSONField(default=list, blank=True)
    body_html = models.TextField()
    toc_html = models.TextField(blank=True)
    body_text = models.TextField(blank=True)  # plain prose, for the search index
    image_refs = models.JSONField(default=list, blank=True)  # pictures under images/ that the body shows
    card_slugs = models.JSONField(default=list, blank=True)  # care cards the body places with [[card: SLUG]]
    word_count = models.PositiveIntegerField(default=0)
    reading_minutes = models.PositiveIntegerField(default=1)
    reading_grade = models.FloatField(default=0)
    reading_ease = models.FloatField(default=0)  # Spanish pages: Szigriszt-Pazos on the INFLESZ scale
    source_path = models.CharField(max_length=500, unique=True)
    content_hash = models.CharField(max_length=64)
    last_sync_error = models.TextField(blank=True)
    synced_at = models.DateTimeField(default=timezone.now)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        # In the order pages list articles, so the feed and any list page read their rows straight off the
        # index (drafts skipped as they come) instead of sorting every article: 150 ms at 10,000.
        indexes = [models.Index(fields=["-published", "title"], name="article_public_order_idx")]
        constraints = [models.UniqueConstraint(fields=["language", "slug"], name="one_article_per_language_and_slug")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return is_public(self)

    @property
    def meta_description(self):
        return self.summary

    @property
    def last_changed(self):
        return max(filter(None, [self.published, self.updated]))

    @property
    def translation_behind(self):
        """A Spanish article whose English has changed since the Spanish was written from it."""
        source = self.english_source
        return bool(source and self.made_from != text_fingerprint(source.review_text))

    @cached_property
    def english_source(self):
        if self.language == "en" or not self.translation_of:
            return None
        return Article.objects.filter(language="en", slug=self.translation_of).first()

    @property
    def citations(self):
        return [Citation.from_json(source) for source in self.sources]


class Redirect(models.Model):
    """An old article slug that answers 301 to the article that replaced it."""

    old_slug = models.SlugField(max_length=80, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"


class SourceFile(models.Model):
    """What the last sync saw of one file, so unchanged files are skipped."""

    path = models.CharField(max_length=500, unique=True)
    size = models.BigIntegerField()
    mtime_ns = models.BigIntegerField()
    content_hash = models.CharField(max_length=64)
    error = models.TextField(blank=True)

    def __str__(self):
        return self.path


class ArticleTopic(models.Model):
    """An article's `treatments:` and `conditions:` slugs as rows, so pages can find their related articles."""

    TREATMENT = "treatment"
    CONDITION = "condition"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topics")
    kind = models.CharField(max_length=10, choices=[(TREATMENT, "Treatment"), (CONDITION, "Condition")])
    slug = models.SlugField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["kind", "slug"])]

    def __str__(self):
        return f"{self.article.slug}: {self.kind} {self.slug}"
