"""The read-only Article admin and its sync button."""

import pytest
from django.contrib.auth.models import Permission

from articles.models import Article
from articles.sync import sync_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def test_list_shows_title_status_grade_and_sync_error(admin_client, content):
    content.write("one", title="Live one")
    content.write("two", title="Draft two", draft="true")
    sync_content()
    Article.objects.filter(slug="one").update(last_sync_error="articles/one.md:3: error: broken")
    page = admin_client.get("/admin/articles/article/").content.decode()
    assert "Live one" in page and "Draft two" in page
    assert "Published" in page and "Draft" in page
    assert "articles/one.md:3: error: broken" in page
    assert 'href="/articles/one/"' in page


def test_search_finds_by_title(admin_client, content):
    content.write("one", title="Nerve blocks")
    content.write("two", title="Sleep")
    sync_content()
    page = admin_client.get("/admin/articles/article/?q=nerve").content.decode()
    assert "Nerve blocks" in page and "Sleep" not in page


def test_articles_cannot_be_edited_or_deleted_in_the_admin(admin_client, content):
    content.write("one")
    sync_content()
    article = Article.objects.get()
    assert admin_client.get("/admin/articles/article/add/").status_code == 403
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", {"title": "Hacked"})
    assert response.status_code == 403
    assert Article.objects.get().title != "Hacked"


def test_sync_button_runs_a_sync(admin_client, content):
    content.write("fresh", title="Fresh")
    response = admin_client.post("/admin/articles/article/sync/", follow=True)
    assert Article.objects.filter(slug="fresh").exists()
    assert "1 created" in response.content.decode()


def test_sync_button_reports_broken_files(admin_client, content):
    content.write("bad", text="---\ntitle: [\n---\n")
    response = admin_client.post("/admin/articles/article/sync/", follow=True)
    assert "articles/bad.md:2: error" in response.content.decode()


def test_logged_out_and_unprivileged_users_cannot_sync(client, content, django_user_model):
    content.write("fresh")
    client.post("/admin/articles/article/sync/")
    assert not Article.objects.exists()
    user = django_user_model.objects.create_user("helper", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/articles/article/").status_code == 403
    client.post("/admin/articles/article/sync/")
    assert not Article.objects.exists()
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    assert client.get("/admin/articles/article/").status_code == 200
