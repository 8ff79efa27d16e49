"""A read-only Article admin: the files are the source of truth, so edits happen there."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html

from core.visibility import publication_status

from .discovery import ContentDirError
from .models import Article
from .sync import sync_content


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "published", "reading_grade", "sync_error", "view_on_site_link")
    list_filter = ("draft", "published", "tags")
    search_fields = ("title", "summary", "slug", "source_path")
    date_hierarchy = "published"
    readonly_fields = [field.name for field in Article._meta.fields] + ["tags"]
    actions = ["run_sync"]
    change_list_template = "admin/articles/article/change_list.html"

    @admin.display(description="Status")
    def status(self, article):
        return publication_status(article)

    @admin.display(description="Last sync error")
    def sync_error(self, article):
        return article.last_sync_error or "—"

    @admin.display(description="View on site")
    def view_on_site_link(self, article):
        return format_html('<a href="{}">View</a>', article.get_absolute_url())

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        sync_url = path("sync/", self.admin_site.admin_view(self.sync_view), name="articles_article_sync")
        return [sync_url, *super().get_urls()]

    def sync_view(self, request):
        if request.method == "POST" and self.has_view_permission(request):
            self._sync_and_report(request)
        return redirect(reverse("admin:articles_article_changelist"))

    @admin.action(description="Sync content files now")
    def run_sync(self, request, queryset):
        self._sync_and_report(request)

    def _sync_and_report(self, request):
        try:
            report = sync_content()
        except ContentDirError as exc:
            self.message_user(request, f"Nothing was synced: {exc}", messages.ERROR)
            return
        self.message_user(
            request,
            f"Synced: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.removed)} removed, {len(report.failed)} failed.",
            messages.WARNING if report.failed else messages.SUCCESS,
        )
        for problem in report.failed:
            self.message_user(request, f"Not synced: {problem.format()}", messages.ERROR)
