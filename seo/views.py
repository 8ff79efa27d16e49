"""sitemap.xml, robots.txt and the Atom feed of articles."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from articles.models import Article
from treatments.models import Condition, Treatment

LANGUAGES = [code for code, _ in settings.LANGUAGES]
STATIC_PAGES = ("pages:home", "treatments:treatment_list", "treatments:condition_list", "articles:list", "glossary:index")
SITEMAP_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _day(value):
    return timezone.localdate(value) if isinstance(value, datetime.datetime) else value


def _paths(route, slugs, language):
    """Each slug's path from one reverse(): a sitemap of 10,000 pages must not resolve 10,000 URLs."""
    with translation.override(language):
        pattern = reverse(route, kwargs={"slug": "SLUG"})
    return [pattern.replace("SLUG", slug) for slug in slugs]


def _static_pages(newest):
    for name in STATIC_PAGES:
        paths = {}
        for code in LANGUAGES:
            with translation.override(code):
                paths[code] = reverse(name)
        yield paths, newest


def _entries():
    for model, route in ((Treatment, "treatments:treatment"), (Condition, "treatments:condition")):
        rows = list(model.objects.published().values_list("slug", "updated_at", "name_es", "summary_es"))
        english = _paths(route, [row[0] for row in rows], "en")
        spanish = _paths(route, [row[0] for row in rows], "es")
        for (_slug, updated, name_es, summary_es), en_path, es_path in zip(rows, english, spanish, strict=True):
            paths = {"en": en_path, **({"es": es_path} if name_es and summary_es else {})}
            yield paths, _day(updated)


def _articles():
    """Each article once, as (its language, its path and its twin's, day last changed)."""
    rows = list(Article.objects.published().values_list("language", "slug", "translation_of", "published", "updated"))
    spanish_of = {translation_of: slug for language, slug, translation_of, *_ in rows if language == "es" and translation_of}
    english_slugs = {slug for language, slug, *_ in rows if language == "en"}
    patterns = {code: _paths("articles:detail", ["SLUG"], code)[0] for code in LANGUAGES}
    for language, slug, translation_of, published, updated in rows:
        english = slug if language == "en" else (translation_of if translation_of in english_slugs else None)
        spanish = slug if language == "es" else spanish_of.get(slug)
        paths = {code: patterns[code].replace("SLUG", found) for code, found in (("en", english), ("es", spanish)) if found}
        yield language, paths, max(filter(None, [published, updated]))


def sitemap_entries():
    """(language, paths by language, day last changed) for every public page in every language it exists in."""
    articles = list(_articles())
    newest = Article.objects.published().aggregate(newest=Max("published"))["newest"]  # the lists and home change then
    for paths, day in [*_static_pages(newest), *_entries()]:
        for language in paths:
            yield language, paths, day
    yield from articles


@require_GET
def sitemap_xml(request):
    base = f"{request.scheme}://{request.get_host()}"
    urls = []
    for language, paths, day in sitemap_entries():
        alternates = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(base + path)}"/>' for code, path in paths.items()
        )
        lastmod = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
        urls.append(f"<url><loc>{escape(base + paths[language])}</loc>{lastmod}{alternates}</url>")
    response = HttpResponse(SITEMAP_HEAD + "".join(urls) + "\n</urlset>\n", content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", f"Disallow: /{settings.ADMIN_URL}", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    title = settings.SITE_NAME
    subtitle = _("New plain-language articles about pain and its treatments.")

    def link(self):
        return reverse("articles:list")

    def items(self):
        return Article.objects.published().in_language()[:30]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return _as_datetime(article.published)

    def item_updateddate(self, article):
        return _as_datetime(article.last_changed)


def _as_datetime(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
