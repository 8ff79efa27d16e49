"""The page shell every page shares, and error pages that work even when the database is down."""

import pytest
from django.db import connections
from django.db.utils import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_shell_has_skip_link_landmarks_navigation_search_and_footer(client):
    html = client.get("/").content.decode()
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert '<main id="main"' in html
    assert '<nav aria-label="Main">' in html
    for label in ("Treatments", "Conditions", "Articles", "Glossary"):
        assert f">{label}</a>" in html
    assert '<label for="site-search">Search the library</label>' in html
    assert 'role="search" action="/search/"' in html
    assert "it does not diagnose" in html and "In an emergency, call 911" in html
    assert 'href="/privacy/"' in html and 'href="/accessibility/"' in html


def test_home_offers_both_ways_in_and_the_comparison(client):
    html = client.get("/").content.decode()
    assert "What do you have?" in html and "What could help?" in html
    assert 'href="/conditions/sciatica-and-radiculopathy/"' in html and 'href="/treatments/spinal-cord-stimulation/"' in html
    assert "Compare the treatments" in html


def test_breadcrumbs_lead_home(client):
    html = client.get("/treatments/nerve-blocks/").content.decode()
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    assert crumbs.index('href="/"') < crumbs.index('href="/treatments/"') < crumbs.index('aria-current="page">Nerve blocks')


def test_current_section_is_marked_in_the_navigation(client):
    assert 'href="/conditions/" aria-current="page"' in client.get("/conditions/").content.decode()


def test_print_button_is_hidden_until_script_runs(client):
    html = client.get("/treatments/nerve-blocks/").content.decode()
    assert "data-print-button hidden" in html
    assert '<script src="/static/js/site.js" defer></script>' in html
    assert "Printed from http://127.0.0.1:8000/treatments/nerve-blocks/" in html


def test_settings_drive_site_name_phone_and_emergency_number(client, settings):
    settings.SITE_NAME, settings.CLINIC_PHONE, settings.EMERGENCY_NUMBER = "Valley Pain Clinic", "555-0199", "112"
    html = client.get("/").content.decode()
    assert "Valley Pain Clinic" in html and "555-0199" in html and "call 112" in html


def _break_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    for connection in connections.all():
        monkeypatch.setattr(connection, "ensure_connection", refuse)
        monkeypatch.setattr(connection, "cursor", refuse)


def test_404_page_renders_when_the_database_is_down(monkeypatch):
    _break_database(monkeypatch)
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_500_page_renders_without_the_database(monkeypatch):
    from core.views import server_error

    _break_database(monkeypatch)
    from django.test import RequestFactory

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
