"""Each treatment's drawing: shown with a full text description, and safe to serve from our origin."""

import re
import xml.dom.minidom

import pytest

from tests.conftest import PROJECT
from treatments.illustrations import ILLUSTRATIONS

SLUGS = [
    "nerve-blocks",
    "spinal-cord-stimulation",
    "radiofrequency-ablation",
    "epidural-steroid-injections",
    "facet-joint-injections",
    "joint-injections",
    "sacroiliac-joint-injections",
    "vertebral-augmentation",
    "trigger-point-injections",
    "peripheral-nerve-stimulation",
    "intrathecal-drug-delivery",
]


def test_every_treatment_has_an_illustration_with_alt_and_description():
    assert set(ILLUSTRATIONS) == set(SLUGS)
    for entry in ILLUSTRATIONS.values():
        assert 10 < len(entry["alt"]) <= 125
        assert len(entry["description"].split()) >= 25


@pytest.mark.parametrize("slug", SLUGS)
def test_drawing_is_well_formed_and_inert(slug):
    path = PROJECT / "static" / ILLUSTRATIONS[slug]["file"]
    text = path.read_text(encoding="utf-8")
    document = xml.dom.minidom.parseString(text)
    root = document.documentElement
    assert root.tagName == "svg" and root.getAttribute("role") == "img"
    assert document.getElementsByTagName("title") and document.getElementsByTagName("desc")
    for forbidden in ("<script", "foreignObject", "<style", "style=", "<image", "<!DOCTYPE", "<!ENTITY", "http://w"):
        assert forbidden not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"\son[a-z]+\s*=", text)
    assert path.stat().st_size < 12_000


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_treatment_page_shows_its_drawing_and_description(client, slug):
    html = client.get(f"/treatments/{slug}/").content.decode()
    figure = html[html.index('<figure class="illustration">') :]
    assert f'src="/static/{ILLUSTRATIONS[slug]["file"]}"' in figure
    assert 'width="640" height="400"' in figure and 'loading="lazy"' in figure
    assert ILLUSTRATIONS[slug]["description"][:40] in figure
