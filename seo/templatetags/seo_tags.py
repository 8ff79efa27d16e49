from django import template

from seo import jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, name="", description=""):
    """The page's JSON-LD: what the view prepared, or a plain MedicalWebPage."""
    data = context.get("structured_data") or jsonld.web_page(context["request"], name, description)
    return jsonld.to_script(data)
