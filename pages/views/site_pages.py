from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from core.citations import Citation

from ..models import SitePage


class SitePageView(TemplateView):
    template_name = "pages/site_page.html"
    slug = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = get_object_or_404(SitePage, slug=self.slug)
        context.update(page=page, citations=[Citation.from_json(source) for source in page.sources])
        return context
