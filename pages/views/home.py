"""The home page: both ways in ("what do you have?", "what could help?") and the newest articles."""

from django.views.generic import TemplateView

from articles.models import Article
from treatments.models import Condition, Treatment

from ..relations import comparison_rows


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        treatments = Treatment.objects.published()
        context.update(
            latest_articles=Article.objects.published().in_language().cards()[:4],
            conditions=Condition.objects.published(),
            treatments=treatments,
            comparison=comparison_rows(treatments),
        )
        return context
