"""<picture> markup for stored renditions: WebP first, a JPEG or PNG fallback, sizes that avoid layout shift."""

import html as html_module
import re

from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from rendering.markup import CONTENT_IMAGE

from .models import ImageAsset
from .renditions import content_key

# A body picture is never wider than the text column (40rem, about 720 px at 18 px text).
BODY_SIZES = "(min-width: 46rem) 45rem, calc(100vw - 2rem)"
# A page's main picture spans the wider page column.
MAIN_SIZES = "(min-width: 62rem) 60rem, calc(100vw - 2rem)"


def _srcset(renditions):
    return ", ".join(f"{default_storage.url(r.name)} {r.width}w" for r in renditions)


def picture_html(asset, alt, *, main=False, sizes=BODY_SIZES):
    """Markup for a usable asset, or "" so the page shows without a broken picture."""
    renditions = list(asset.renditions.all()) if asset and not asset.error else []
    if not renditions:
        return ""
    by_format = {}
    for rendition in renditions:
        by_format.setdefault(rendition.format, []).append(rendition)
    fallback = by_format.get("jpg") or by_format.get("png") or []
    default = min(fallback, key=lambda r: abs(r.width - 960))
    loading = mark_safe(' fetchpriority="high"' if main else ' loading="lazy" decoding="async"')  # noqa: S308 (constant)
    sources = format_html_join(
        "", '<source type="image/{}" srcset="{}" sizes="{}">', [("webp", _srcset(by_format.get("webp", [])), sizes)]
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}></picture>',
        sources,
        default_storage.url(default.name),
        _srcset(fallback),
        sizes,
        default.width,
        default.height,
        alt,
        loading,
    )


def assets_for(paths):
    keys = [content_key(path) for path in paths]
    return {asset.key: asset for asset in ImageAsset.objects.filter(key__in=keys).prefetch_related("renditions")}


def with_pictures(html):
    """Swap each `<img src="images/...">` in sanitized HTML for its <picture>; drop pictures that cannot be shown."""
    paths = [match.group(2) for match in CONTENT_IMAGE.finditer(html)]
    if not paths:
        return mark_safe(html)  # noqa: S308 (sanitized HTML)
    assets = assets_for(paths)

    def replace(match):
        alt = _attribute(match.group(1) + " " + match.group(3), "alt")
        return picture_html(assets.get(content_key(match.group(2))), alt)

    return mark_safe(CONTENT_IMAGE.sub(replace, html))  # noqa: S308 (sanitized HTML; pictures built with format_html)


def main_picture(path, alt):
    """A content picture (under images/) as the page's main picture: loaded first, never lazily."""
    if not path:
        return ""
    return picture_html(assets_for([path]).get(content_key(path)), alt or "", main=True, sizes=MAIN_SIZES)


def uploaded_picture(key, alt):
    """An admin-uploaded picture as the page's main picture, or "" when there is none or it cannot be shown."""
    if not key:
        return ""
    asset = ImageAsset.objects.filter(key=key).prefetch_related("renditions").first()
    return picture_html(asset, alt, main=True, sizes=MAIN_SIZES)


def _attribute(attributes, name):
    match = re.search(rf'{name}="([^"]*)"', attributes)
    return html_module.unescape(match.group(1)) if match else ""
