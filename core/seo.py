"""sitemap.xml, robots.txt and the Atom feed of articles."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from articles.models import Article
from treatments.models import Condition, Treatment


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.published().only("slug", "published", "updated", "reviewed")

    def lastmod(self, article):
        return article.last_changed


class EntrySitemap(Sitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().only("slug", "updated_at")

    def lastmod(self, entry):
        return entry.updated_at


class StaticSitemap(Sitemap):
    def items(self):
        return ["core:home", "treatments:treatment_list", "treatments:condition_list", "articles:list", "core:glossary"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        newest = Article.objects.published().order_by("-published").values_list("published", flat=True).first()
        return newest


SITEMAPS = {
    "pages": StaticSitemap(),
    "treatments": EntrySitemap(Treatment),
    "conditions": EntrySitemap(Condition),
    "articles": ArticleSitemap(),
}


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", f"Disallow: /{settings.ADMIN_URL}", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    title = settings.SITE_NAME
    subtitle = "New plain-language articles about pain and its treatments."

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
