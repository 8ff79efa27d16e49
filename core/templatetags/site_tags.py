from django import template
from django.urls import reverse

from core import jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, name="", description=""):
    """The page's JSON-LD: what the view prepared, or a plain MedicalWebPage."""
    data = context.get("structured_data") or jsonld.web_page(context["request"], name, description)
    return jsonld.to_script(data)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(current, *trail):
    """`{% breadcrumbs page_title "Treatments" "treatments:treatment_list" %}`: label and URL name pairs."""
    crumbs = [(trail[index], reverse(trail[index + 1])) for index in range(0, len(trail) - 1, 2)]
    return {"crumbs": crumbs, "current": current}
