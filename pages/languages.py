"""The same page in the other language: where it is, and what to show when it is not written yet."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from articles.models import Article


def article_alternates(article):
    """{language: path}: an article and its translation. An English article with no Spanish yet points to the
    Spanish site's notice at its English slug, which says so and links back."""
    paths = {article.language: article.get_absolute_url()}
    if article.language == "en":
        spanish = Article.objects.published().filter(language="es", translation_of=article.slug).first()
        with translation.override("es"):
            paths["es"] = spanish.get_absolute_url() if spanish else reverse("articles:detail", kwargs={"slug": article.slug})
    elif article.translation_of:
        with translation.override("en"):
            paths["en"] = reverse("articles:detail", kwargs={"slug": article.translation_of})
    return {code: paths[code] for code, _ in settings.LANGUAGES if code in paths}


def untranslated(request, title, english_url):
    """A page not yet in Spanish: said in Spanish, with the way to the English page. Never a 404."""
    with translation.override("en"):
        alternates = {"en": english_url}
    context = {"english_title": title, "english_url": english_url, "alternates": {**alternates, "es": request.path}}
    return render(request, "pages/untranslated.html", context)
