"""Titles, descriptions, canonical URLs, social tags, sitemap, robots.txt and the feed."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.sync import sync_content

pytestmark = pytest.mark.django_db

PAGES = ["/", "/articles/", "/articles/one/", "/treatments/", "/treatments/nerve-blocks/", "/conditions/",
         "/conditions/sciatica-and-radiculopathy/", "/glossary/", "/privacy/", "/accessibility/"]  # fmt: skip


@pytest.fixture
def site(content):
    content.write("one", title="First article", summary="About the first thing.", updated="2024-03-01")
    content.write("draft", title="Draft", draft="true")
    sync_content()


def _head(html, pattern):
    match = re.search(pattern, html)
    assert match, pattern
    return match.group(1)


def test_every_page_has_a_unique_title_and_description(client, site):
    titles, descriptions = set(), set()
    for path in PAGES:
        html = client.get(path).content.decode()
        assert '<html lang="en">' in html
        titles.add(_head(html, r"<title>([^<]+)</title>"))
        descriptions.add(_head(html, r'<meta name="description" content="([^"]+)">'))
        assert _head(html, r'<link rel="canonical" href="([^"]+)">') == "http://127.0.0.1:8000" + path
        assert _head(html, r'<meta property="og:url" content="([^"]+)">') == "http://127.0.0.1:8000" + path
        assert re.search(r'<meta property="og:title" content="[^"]+">', html)
        assert '<meta name="twitter:card" content="summary">' in html
    assert len(titles) == len(PAGES) and len(descriptions) == len(PAGES)


def test_sitemap_lists_public_pages_with_lastmod(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {url.find("s:loc", ns).text: url.find("s:lastmod", ns) for url in root.findall("s:url", ns)}
    assert "http://testserver/articles/one/" in locations
    assert "http://testserver/articles/draft/" not in locations
    assert "http://testserver/treatments/nerve-blocks/" in locations
    assert "http://testserver/conditions/sacroiliac-joint-pain/" in locations
    assert "http://testserver/glossary/" in locations
    assert locations["http://testserver/articles/one/"].text == "2024-03-01"


def test_sitemap_dates_treatments_by_their_last_edit_and_leaves_out_drafts(client, site):
    from treatments.models import Treatment

    Treatment.objects.filter(slug="nerve-blocks").update(draft=True)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {url.find("s:loc", ns).text: url.find("s:lastmod", ns).text for url in root.findall("s:url", ns)}
    radiofrequency = Treatment.objects.get(slug="radiofrequency-ablation")
    assert (
        locations["http://testserver/treatments/radiofrequency-ablation/"]
        == timezone.localdate(radiofrequency.updated_at).isoformat()
    )
    assert "http://testserver/treatments/nerve-blocks/" not in locations
    assert locations["http://testserver/"] == "2024-01-15"  # the newest article's publication day


def test_sitemap_queries_do_not_grow_with_the_number_of_articles(client, content):
    def queries_for_sitemap():
        sync_content()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml", {"fresh": len(queries_seen)}).status_code == 200
        queries_seen.append(len(queries))

    queries_seen = []
    content.write("only", title="Only one")
    queries_for_sitemap()
    for number in range(30):
        content.write(f"more-{number}", title=f"More number {number}")
    queries_for_sitemap()
    assert queries_seen[0] == queries_seen[1]


def test_robots_points_at_the_sitemap_and_keeps_admin_out(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


def test_feed_is_atom_with_public_articles_only(client, site):
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.find("{http://www.w3.org/2005/Atom}title").text for entry in root.iter("{http://www.w3.org/2005/Atom}entry")]
    assert titles == ["First article"]


def test_opensearch_description_points_at_search(client):
    text = client.get("/search/opensearch.xml").content.decode()
    assert 'template="http://127.0.0.1:8000/search/?q={searchTerms}"' in text
