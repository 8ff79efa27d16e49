from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import TemplateView

from core.citations import Citation

from ..models import SitePage


class SitePageView(TemplateView):
    template_name = "pages/site_page.html"
    key = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = get_object_or_404(SitePage, key=self.key, language=get_language())
        context.update(page=page, citations=[Citation.from_json(source) for source in page.sources])
        return context
