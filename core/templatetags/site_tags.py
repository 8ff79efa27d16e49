from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(current, *trail):
    """`{% breadcrumbs page_title "Treatments" "treatments:treatment_list" %}`: label and URL name pairs."""
    crumbs = [(trail[index], reverse(trail[index + 1])) for index in range(0, len(trail) - 1, 2)]
    return {"crumbs": crumbs, "current": current}
