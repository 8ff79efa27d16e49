"""Every public page in English and in Spanish: its language, its twin, and what a reader sees when the twin is missing."""

import json
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from articles.models import Article
from articles.sync import sync_content
from core.models import SiteState
from treatments.models import CareCard, Treatment

# (English path, Spanish path) of every kind of public page.
PAGE_PAIRS = [
    ("/", "/es/"),
    ("/treatments/", "/es/tratamientos/"),
    ("/treatments/nerve-blocks/", "/es/tratamientos/nerve-blocks/"),
    ("/treatments/intrathecal-drug-delivery/", "/es/tratamientos/intrathecal-drug-delivery/"),
    ("/conditions/", "/es/afecciones/"),
    ("/conditions/sciatica-and-radiculopathy/", "/es/afecciones/sciatica-and-radiculopathy/"),
    ("/articles/", "/es/articulos/"),
    ("/articles/nerve-blocks/", "/es/articulos/bloqueos-nerviosos/"),
    ("/articles/your-procedure-day/", "/es/articulos/el-dia-de-su-procedimiento/"),
    ("/glossary/", "/es/glosario/"),
    ("/privacy/", "/es/privacidad/"),
    ("/accessibility/", "/es/accesibilidad/"),
    ("/about/how-we-write/", "/es/acerca-de/como-escribimos/"),
]
SITE = "http://testserver"


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html))


def language_link(html):
    found = re.search(r'<p class="language-link"><a href="([^"]+)" hreflang="([a-z]+)" lang="[a-z]+">([^<]+)</a>', html)
    return found.groups() if found else None


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.mark.parametrize(("english", "spanish"), PAGE_PAIRS, ids=[pair[0] for pair in PAGE_PAIRS])
def test_each_page_names_its_language_and_its_twin_both_ways(client, shipped_site, site_url, english, spanish):
    english_html, spanish_html = html_of(client, english), html_of(client, spanish)
    assert '<html lang="en"' in english_html and '<html lang="es"' in spanish_html
    expected = {"en": SITE + english, "es": SITE + spanish, "x-default": SITE + english}
    assert alternates(english_html) == expected and alternates(spanish_html) == expected
    assert language_link(english_html) == (spanish, "es", "Leer en español")
    assert language_link(spanish_html) == (english, "en", "Read in English")


def test_search_pages_in_both_languages_keep_the_query_in_their_twin(client, shipped_site):
    spanish_html = html_of(client, "/es/buscar/?q=ciatica")
    assert '<html lang="es"' in spanish_html and "Buscar" in spanish_html
    english_html = html_of(client, "/search/?q=sciatica")
    assert '<html lang="en"' in english_html


def test_spanish_chrome_is_spanish(client, shipped_site):
    html = html_of(client, "/es/")
    nav = html[html.index("<nav") : html.index("</nav>")]
    assert "Tratamientos" in nav and "Afecciones" in nav and "Treatments" not in nav
    assert "911" in html


def test_spanish_not_found_page_is_in_spanish(client, db):
    response = client.get("/es/no-existe/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="es"' in html and "No pudimos encontrar esa página" in html


def test_english_not_found_page_stays_english(client, db):
    html = client.get("/no-such-page/").content.decode()
    assert '<html lang="en"' in html and "We could not find that page" in html


def test_an_article_not_yet_in_spanish_says_so_in_spanish_and_links_the_english(client, db, content):
    content.write("okapi", title="Okapi facts")
    sync_content()
    response = client.get("/es/articulos/okapi/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Esta página todavía no está en español" in html
    assert '<a href="/articles/okapi/" hreflang="en" lang="en">Okapi facts</a>' in html
    assert '<meta name="robots" content="noindex">' in html
    english = client.get("/articles/okapi/").content.decode()
    assert language_link(english) == ("/es/articulos/okapi/", "es", "Leer en español")


def test_an_entry_not_yet_in_spanish_says_so_in_spanish(client, db):
    from tests.treatments.conftest import make_treatment

    make_treatment(slug="cryo-test", name="Cryoneurolysis test")
    html = client.get("/es/tratamientos/cryo-test/").content.decode()
    assert "Esta página todavía no está en español" in html
    assert 'href="/treatments/cryo-test/"' in html


def test_a_missing_page_is_still_a_404_in_spanish(client, db):
    assert client.get("/es/articulos/no-such-article/").status_code == 404
    assert client.get("/es/tratamientos/no-such-treatment/").status_code == 404


def test_english_change_flags_the_spanish_article_and_lists_it_for_staff(client, db, content, admin_client):
    content.write("okapi", title="Okapi facts", updated="2025-03-01")
    (content.root / "es" / "articles").mkdir(parents=True)
    spanish = content.root / "es" / "articles" / "okapis.md"
    spanish.write_text(
        '---\ntitle: "Datos del okapi"\nsummary: "Un resumen corto."\npublished: 2024-01-15\ntranslation_of: okapi\n---\n'
        "## Hola\n\nEl médico pone una aguja fina cerca del nervio. Casi todos vuelven a casa el mismo día.\n",
        encoding="utf-8",
    )
    sync_content()
    assert "translation-note" not in client.get("/es/articulos/okapis/").content.decode()
    content.write("okapi", title="Okapi facts", updated="2025-03-01", body="## Hello\n\nNew advice about the okapi.")
    sync_content()
    html = client.get("/es/articulos/okapis/").content.decode()
    assert 'class="translation-note"' in html and "La página en inglés se actualizó el" in html
    with translation.override("es"):
        changed = date_format(
            timezone.localtime(Article.objects.get(slug="okapi", language="en").synced_at), "j \\d\\e F \\d\\e Y"
        )
    assert f">{changed}</time>" in html and " de " in changed
    listing = admin_client.get("/admin/translations/").content.decode()
    assert "Datos del okapi" in listing


def test_spanish_care_cards_are_placed_by_slug_in_spanish(client, shipped_site):
    card = CareCard.objects.get(slug="emergency-after-procedure")
    for path in ("/es/tratamientos/nerve-blocks/", "/es/articulos/estimulacion-de-la-medula-espinal/"):
        html = client.get(path).content.decode()
        assert card.title_es and card.title_es in html, path
        assert card.title_en not in html, path


def test_spanish_entry_lags_when_its_english_changes(client, shipped_site):
    treatment = Treatment.objects.get(slug="nerve-blocks")
    assert "translation-note" not in client.get("/es/tratamientos/nerve-blocks/").content.decode()
    treatment.summary_en = treatment.summary_en + " A new English sentence."
    treatment.save()
    SiteState.bump()
    html = client.get("/es/tratamientos/nerve-blocks/").content.decode()
    assert 'class="translation-note"' in html


def test_structured_data_names_the_page_language(client, shipped_site):
    for path, language in (("/articles/nerve-blocks/", "en"), ("/es/articulos/bloqueos-nerviosos/", "es")):
        html = client.get(path).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        graph = [json.loads(block) for block in blocks]
        assert any(f'"inLanguage": "{language}"' in json.dumps(item) for item in graph), path


def test_each_language_has_its_feed(client, shipped_site):
    english = client.get("/feed/").content.decode()
    spanish = client.get("/es/feed/").content.decode()
    assert 'xml:lang="en' in english and "/articles/nerve-blocks/" in english
    assert 'xml:lang="es' in spanish and "/es/articulos/bloqueos-nerviosos/" in spanish
    assert "/es/articulos/" not in english and "/articles/nerve-blocks/" not in spanish


def test_sitemap_lists_spanish_pages_with_their_english_twins(client, shipped_site):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/es/articulos/bloqueos-nerviosos/</loc>" in xml
    assert 'hreflang="en" href="http://testserver/articles/nerve-blocks/"' in xml
    assert 'hreflang="es" href="http://testserver/es/tratamientos/nerve-blocks/"' in xml


def test_robots_lets_spanish_pages_be_found(client, db):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /es/" not in robots and "Sitemap:" in robots
