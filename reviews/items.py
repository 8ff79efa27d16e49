"""What a clinician can review, and the exact text a review of it is bound to.

A page's text is everything that reaches it: its own fields (see
`Article.review_text` and `ReviewedEntry.review_text`) and the text of every
care card it shows, so an edit to a card puts every page that shows it back
in the review queue.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation

from articles.models import Article, Redirect
from treatments.models import CareCard, Condition, Treatment
from treatments.translations import SPANISH, has_spanish

from .models import ARTICLE, CARD, CONDITION, TREATMENT

ENGLISH = "en"


def fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ReviewItem:
    kind: str
    key: str
    title: str
    url: str
    text: str
    changed_at: datetime.datetime
    language: str = "en"
    old_keys: list = field(default_factory=list)  # earlier slugs (redirect_from): their reviews still count

    @property
    def fingerprint(self):
        return fingerprint(self.text)

    @property
    def keys(self):
        return [self.key, *self.old_keys]

    @property
    def admin_url(self):
        return reverse("admin:reviews_item", kwargs={"kind": self.kind, "language": self.language, "key": self.key})


def _with_cards(own_text, changed_at, cards):
    texts = [own_text]
    for card in cards:
        texts.append(card.review_text())
        changed_at = max(changed_at, card.updated_at)
    return "\n\n".join(texts), changed_at


def article_item(article, cards_by_slug):
    cards = [cards_by_slug[slug] for slug in article.card_slugs if slug in cards_by_slug]
    with translation.override(article.language):
        text, changed_at = _with_cards(article.review_text, article.synced_at, cards)
    old = [redirect.old_slug for redirect in article.redirects.all()]
    url = article.get_absolute_url()
    return ReviewItem(ARTICLE, article.slug, article.title, url, text, changed_at, article.language, old_keys=old)


def entry_item(kind, entry, language=ENGLISH):
    """The entry as readers of `language` see it: its text in that language, with its cards in that language."""
    with translation.override(language):
        text, changed_at = _with_cards(entry.review_text(), entry.updated_at, entry.sorted_care_cards)
        return ReviewItem(kind, entry.slug, entry.name, entry.get_absolute_url(), text, changed_at, language)


def card_item(card, language=ENGLISH):
    with translation.override(language):
        url = reverse("admin:treatments_carecard_change", args=[card.pk])
        return ReviewItem(CARD, card.slug, f"Care card: {card}", url, card.review_text(), card.updated_at, language)


ENTRY_PARTS = ("risks", "faqs", "sources", "care_cards")


def all_items():
    """Every page and care card a clinician may review, drafts included."""
    cards = {card.slug: card for card in CareCard.objects.all()}
    for article in Article.objects.prefetch_related("redirects").order_by("title"):
        yield article_item(article, cards)
    for kind, entries in ((TREATMENT, Treatment.objects.prefetch_related(*ENTRY_PARTS)),
                          (CONDITION, Condition.objects.prefetch_related(*ENTRY_PARTS[1:]))):  # fmt: skip
        for entry in entries.order_by("slug"):
            yield from (entry_item(kind, entry, language) for language in languages_of(entry))
    for card in cards.values():
        yield from (card_item(card, language) for language in languages_of(card))


def languages_of(obj):
    """English always; Spanish once there is Spanish text to review."""
    return [ENGLISH, SPANISH] if has_spanish(obj) else [ENGLISH]


def item_for(kind, key, language=ENGLISH):
    """The ReviewItem for one page or card in a language, or None when there is no such thing."""
    if kind == ARTICLE:
        article = Article.objects.filter(slug=key, language=language).prefetch_related("redirects").first()
        if article is None:
            redirect = Redirect.objects.filter(old_slug=key, article__language=language).select_related("article").first()
            article = redirect.article if redirect else None
        return (
            article_item(article, {c.slug: c for c in CareCard.objects.filter(slug__in=article.card_slugs)}) if article else None
        )
    if kind in (TREATMENT, CONDITION):
        model = Treatment if kind == TREATMENT else Condition
        entry = model.objects.filter(slug=key).first()
        return entry_item(kind, entry, language) if entry and language in languages_of(entry) else None
    if kind == CARD:
        card = CareCard.objects.filter(slug=key).first()
        return card_item(card, language) if card and language in languages_of(card) else None
    return None
