from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"
    verbose_name = "Clinical reviews"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.checks import register_database_check

        from .checks import check_review_queue
        from .groups import ensure_reviewers_group

        register_database_check(check_review_queue)
        post_migrate.connect(ensure_reviewers_group, sender=self)
