from django.shortcuts import render
from django.utils.translation import get_language
from django.views import View

from treatments.models import Condition, Treatment

from .models import MissedSearch
from .query import QueryRejected
from .service import search


def _page_number(value):
    try:
        return min(max(1, int(value)), 1000)
    except (TypeError, ValueError):
        return 1


class SearchView(View):
    template_name = "search/results.html"

    def get(self, request):
        raw = request.GET.get("q", "")
        try:
            page = search(raw, _page_number(request.GET.get("page")))
        except QueryRejected as exc:
            context = {"error": str(exc), "search_query": ""}
            return render(request, self.template_name, context, status=400)
        context = {"search": page, "search_query": page.query}
        if not page.results:
            context.update(conditions=Condition.objects.published(), treatments=Treatment.objects.published())
        response = render(request, self.template_name, context)
        if page.query and not page.total:
            MissedSearch.record(page.query, get_language())
            # Counted every time: this answer is never kept by the page cache or a proxy.
            response["Cache-Control"] = "private, no-cache"
        return response
