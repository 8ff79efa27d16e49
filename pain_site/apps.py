from django.contrib.admin.apps import AdminConfig


class SiteAdminConfig(AdminConfig):
    """Django's admin, with an index page that shows the review queue's counts (editorial/admin_site.py)."""

    default_site = "editorial.admin_site.SiteAdmin"
