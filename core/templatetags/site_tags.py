import base64
import functools
import hashlib

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from core import jsonld
from core.models import ImageAsset
from core.pictures import assets_for, picture_html, with_pictures
from core.renditions import content_key

MAIN_SIZES = "(min-width: 62rem) 60rem, calc(100vw - 2rem)"

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


@register.filter
def pictures(html):
    """Body HTML with content pictures as responsive <picture> elements."""
    return with_pictures(html)


@register.simple_tag
def main_picture(path, alt):
    """The page's main picture: loaded first, never lazily."""
    if not path:
        return ""
    return picture_html(assets_for([path]).get(content_key(path)), alt or "", main=True, sizes=MAIN_SIZES)


@register.simple_tag
def entry_picture(entry):
    """A treatment's or condition's uploaded picture, or nothing when there is none or it cannot be shown."""
    if not entry.image:
        return ""
    asset = ImageAsset.objects.filter(key=entry.image_key).prefetch_related("renditions").first()
    return picture_html(asset, entry.image_alt, main=True, sizes=MAIN_SIZES)


@register.simple_tag
def script(path):
    """A deferred script from our own static files, with Subresource Integrity."""
    return format_html('<script src="{}" integrity="{}" defer></script>', static(path), subresource_integrity(path))


@functools.lru_cache(maxsize=32)
def subresource_integrity(path):
    with open(finders.find(path), "rb") as handle:
        return "sha384-" + base64.b64encode(hashlib.sha384(handle.read()).digest()).decode()
