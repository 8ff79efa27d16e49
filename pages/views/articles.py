"""Article pages: the list, with its tag filter, and one article with its pictures, links and topics."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from articles.models import Article, Redirect, Tag
from core.preview import StaffPreviewMixin
from pictures.markup import main_picture, with_pictures
from reviews.items import article_item
from reviews.status import status_of
from seo import jsonld

from ..cards import CardPlacer
from ..languages import article_alternates, untranslated
from ..linking import page_annotator
from ..relations import topics_of_article


class ArticleListView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        articles = Article.objects.published().in_language().cards()
        self.tag = None
        tag_slug = self.request.GET.get("tag", "")
        if tag_slug:
            self.tag = get_object_or_404(Tag, slug=tag_slug[:60])
            articles = articles.filter(tags=self.tag)
        return articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tag"] = self.tag
        context["all_tags"] = Tag.objects.with_published_articles()
        return context


class ArticleDetailView(StaffPreviewMixin, DetailView):
    model = Article
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            target = self._moved_to(kwargs["slug"])
            if target is not None:
                return redirect(target, permanent=True)
            english = self._english_original(kwargs["slug"])
            if english is None:
                raise
            return untranslated(request, english.title, english.get_absolute_url())

    def get_queryset(self):
        return super().get_queryset().in_language().prefetch_related("tags", "redirects")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        topics = topics_of_article(article)
        annotator = page_annotator()
        placer = CardPlacer(article.body_html)
        review = status_of(article_item(article, placer.cards))
        context.update(
            body_html=with_pictures(placer.place(article.body_html, annotator.section)),
            main_picture=main_picture(article.image, article.image_alt),
            topics=topics,
            review=review,
            structured_data=jsonld.article_page(article, topics, self.request, review),
            alternates=article_alternates(article),
        )
        return context

    def _english_original(self, slug):
        """On the Spanish site, an English article that has no Spanish yet: the reader is told, never sent a 404."""
        if get_language() == "en":
            return None
        return Article.objects.published().in_language("en").filter(slug=slug.lower()).first()

    def _moved_to(self, slug):
        """Where an old or miscapitalised slug now lives, if anywhere the reader may see."""
        visible = self.get_queryset()
        old = Redirect.objects.filter(old_slug=slug.lower(), article__in=visible).select_related("article").first()
        if old:
            return old.article
        if slug != slug.lower():
            return visible.filter(slug=slug.lower()).first()
        return None
