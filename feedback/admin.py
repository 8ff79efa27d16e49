from django.contrib import admin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("created", "page", "helpful", "comment", "done")
    list_display_links = ("created",)
    list_editable = ("done",)
    list_filter = ("done", "helpful", "language")
    search_fields = ("page", "comment")
    readonly_fields = ("page", "language", "helpful", "comment", "created")
    actions = ["mark_done"]

    def has_add_permission(self, request):
        return False  # notes come only from readers

    @admin.action(description="Mark the selected notes as done")
    def mark_done(self, request, queryset):
        queryset.update(done=True)
