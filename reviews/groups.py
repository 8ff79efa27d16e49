"""The 'Clinical reviewers' group: the only people who may approve a page. Admins add clinicians to it."""

from .models import REVIEWERS_GROUP


def ensure_reviewers_group(sender=None, **kwargs):
    from django.contrib.auth.models import Group, Permission

    permission = Permission.objects.filter(codename="approve_page", content_type__app_label="reviews").first()
    if permission is None:  # the permission is made by the same post_migrate run, just before or after us
        return
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(permission)
