"""Care cards placed by slug (`[[card: SLUG]]`) become the cards themselves when a page is built."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from rendering.cards import PLACEMENT_HTML, place_cards
from treatments.models import CareCard

logger = logging.getLogger(__name__)


def placed_slugs(*fragments):
    return {slug for fragment in fragments for slug in PLACEMENT_HTML.findall(fragment or "")}


class CardPlacer:
    """Renders the cards a page places, fetched in one query; a card that is gone shows a plain safety line."""

    def __init__(self, *fragments):
        slugs = placed_slugs(*fragments)
        self.cards = {card.slug: card for card in CareCard.objects.filter(slug__in=slugs)} if slugs else {}

    def render(self, slug):
        card = self.cards.get(slug)
        if card is None:
            logger.warning("a page places the care card %r, which does not exist", slug)
            return render_to_string("includes/missing_card.html", {"EMERGENCY_NUMBER": settings.EMERGENCY_NUMBER})
        return render_to_string("includes/care_card.html", {"card": card})

    def place(self, html, annotate=str):
        """Rendered HTML with its placements swapped for cards; the prose between goes through `annotate`."""
        return mark_safe(place_cards(html, self.render, annotate))  # noqa: S308 (sanitized HTML and our own templates)
