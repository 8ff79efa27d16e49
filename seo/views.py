"""sitemap.xml, robots.txt and the Atom feed of articles."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from articles.models import Article
from treatments.models import Condition, Treatment

STATIC_PAGES = ("pages:home", "treatments:treatment_list", "treatments:condition_list", "articles:list", "glossary:index")
SITEMAP_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _day(value):
    return timezone.localdate(value) if isinstance(value, datetime.datetime) else value


def _paths(route, slugs):
    """Each slug's path from one reverse(): a sitemap of 10,000 pages must not resolve 10,000 URLs."""
    pattern = reverse(route, kwargs={"slug": "SLUG"})
    return (pattern.replace("SLUG", slug) for slug in slugs)


def sitemap_entries():
    """(path, day last changed) for every public page: a few queries in all, whatever the number of pages."""
    articles = list(Article.objects.published().values_list("slug", "published", "updated"))
    newest = max((published for _, published, _ in articles), default=None)
    entries = [(reverse(name), newest) for name in STATIC_PAGES]
    for model, route in ((Treatment, "treatments:treatment"), (Condition, "treatments:condition")):
        rows = list(model.objects.published().values_list("slug", "updated_at"))
        entries += zip(_paths(route, [slug for slug, _ in rows]), [_day(updated) for _, updated in rows], strict=True)
    changed = [max(filter(None, dates)) for _, *dates in articles]
    entries += zip(_paths("articles:detail", [slug for slug, *_ in articles]), changed, strict=True)
    return entries


@require_GET
def sitemap_xml(request):
    base = f"{request.scheme}://{request.get_host()}"
    urls = (
        f"<url><loc>{escape(base + path)}</loc>" + (f"<lastmod>{day.isoformat()}</lastmod>" if day else "") + "</url>"
        for path, day in sitemap_entries()
    )
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
        return Article.objects.published()[:30]

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
