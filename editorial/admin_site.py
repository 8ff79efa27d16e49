"""The admin, with the clinical review queue, the impact dashboard and their counts on its first page."""

from django.contrib import admin
from django.urls import path


class SiteAdmin(admin.AdminSite):
    site_header = "Pain Care Library: staff"
    site_title = "Pain Care Library staff"
    index_title = "What needs doing"

    def get_urls(self):
        from . import views

        return [
            path("reviews/queue/", self.admin_view(views.review_queue), name="reviews_queue"),
            path("reviews/<str:kind>/<str:language>/<slug:key>/", self.admin_view(views.review_item), name="reviews_item"),
            path("impact/", self.admin_view(views.impact), name="impact"),
            path("translations/", self.admin_view(views.translations), name="translations"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        from .dashboard import index_summary

        return super().index(request, {**(extra_context or {}), **index_summary()})
