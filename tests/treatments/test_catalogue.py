"""The clinic's real range: every treatment and condition can be found from wherever a patient starts."""

import re

import pytest

from search.service import search
from tests.treatments.conftest import NEW_IN_THIS_RELEASE
from treatments.models import Condition, Treatment

# The shorter names pages use for an entry. Each is that entry's name, never another's: "SI joint
# injections" is not the joint injections page, though the words are inside it.
ALSO_CALLED = {
    "/treatments/sacroiliac-joint-injections/": ["si joint injections", "si joint injection"],
    "/treatments/facet-joint-injections/": ["facet joint injections", "facet joint injection"],
}
NEW_PAGES = [f"/{kind}s/{slug}/" for kind, slugs in NEW_IN_THIS_RELEASE.items() for slug in slugs]

# What patients type, and the page that must be among the first three results.
PATIENT_PHRASES = [
    ("epidural", "/treatments/epidural-steroid-injections/"),
    ("ESI", "/treatments/epidural-steroid-injections/"),
    ("shot in my back", "/treatments/epidural-steroid-injections/"),
    ("kyphoplasty", "/treatments/vertebral-augmentation/"),
    ("pain pump", "/treatments/intrathecal-drug-delivery/"),
    ("stimulator in my leg", "/treatments/peripheral-nerve-stimulation/"),
    ("medial branch block", "/treatments/facet-joint-injections/"),
    ("gel shot in my knee", "/treatments/joint-injections/"),
    ("SI joint injection", "/treatments/sacroiliac-joint-injections/"),
    ("knot in my muscle", "/treatments/trigger-point-injections/"),
    ("DRG stimulator", "/treatments/peripheral-nerve-stimulation/"),
    ("narrowing of the spine", "/conditions/spinal-stenosis/"),
    ("occipital neuralgia", "/conditions/headache-and-occipital-neuralgia/"),
    ("failed back surgery", "/conditions/pain-after-spine-surgery/"),
]


def main_of(client, path):
    html = client.get(path).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def links_in(html):
    return set(re.findall(r'href="([^"#?]+)', html))


def prose_of(main):
    """What a page says in its own words: care cards (the same on every page), headings and sources left out."""
    main = re.sub(r'<section class="care-card.*?</section>', " ", main, flags=re.S)
    main = re.sub(r"<h[1-6][^>]*>.*?</h[1-6]>", " ", main, flags=re.S)
    main = re.sub(r'<(ol|ul) class="sources.*?</\1>', " ", main, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split()).lower()


@pytest.mark.parametrize(("typed", "expected"), PATIENT_PHRASES, ids=[typed for typed, _ in PATIENT_PHRASES])
def test_the_words_patients_use_find_the_new_pages(shipped_site, typed, expected):
    top = [result.url for result in search(typed, language_code="en").results[:3]]
    assert expected in top, top


@pytest.mark.parametrize("path", NEW_PAGES)
def test_each_new_page_is_found_by_its_own_name(shipped_site, path):
    entry = Treatment.objects.filter(slug=path.split("/")[2]).first() or Condition.objects.get(slug=path.split("/")[2])
    assert search(entry.name, language_code="en").results[0].url == path


def test_the_home_page_and_the_lists_link_every_new_page(client, shipped_site):
    home = links_in(main_of(client, "/"))
    treatments, conditions = links_in(main_of(client, "/treatments/")), links_in(main_of(client, "/conditions/"))
    for path in NEW_PAGES:
        assert path in home, path
        assert path in (treatments if path.startswith("/treatments/") else conditions), path


def test_the_comparison_has_a_column_for_every_treatment(client, shipped_site):
    for page in ("/", "/treatments/"):
        table = main_of(client, page)
        table = table[table.index("<table") : table.index("</table>")]
        for treatment in Treatment.objects.published():
            assert f'<a href="{treatment.get_absolute_url()}">{treatment.name}</a></th>' in table, (page, treatment.slug)


def test_the_nerve_blocks_overview_links_each_kind_of_injection(client, shipped_site):
    overview = links_in(main_of(client, "/treatments/nerve-blocks/"))
    for slug in ("epidural-steroid-injections", "facet-joint-injections", "sacroiliac-joint-injections", "joint-injections"):
        assert f"/treatments/{slug}/" in overview, slug


def names_of(entries):
    """Every name a page may use for an entry, longest first, so a long name is read before the short one inside it."""
    named = [(entry.name.lower(), entry.get_absolute_url(), entry.name) for entry in entries]
    named += [
        (alias, entry.get_absolute_url(), entry.name)
        for entry in entries
        for alias in ALSO_CALLED.get(entry.get_absolute_url(), [])
    ]
    return sorted(named, key=lambda name: -len(name[0]))


def test_every_page_that_names_a_treatment_or_condition_links_to_it(client, shipped_site):
    from articles.models import Article

    entries = [*Treatment.objects.published(), *Condition.objects.published()]
    pages = [entry.get_absolute_url() for entry in entries]
    pages += [article.get_absolute_url() for article in Article.objects.published().filter(language="en")]
    missing = []
    for page in pages:
        main = main_of(client, page)
        prose, linked = prose_of(main), links_in(main)
        for name, url, entry_name in names_of(entries):
            if re.search(rf"\b{re.escape(name)}\b", prose):
                prose = re.sub(rf"\b{re.escape(name)}\b", " ", prose)
                if url != page and url not in linked:
                    missing.append((page, entry_name))
    assert missing == []
