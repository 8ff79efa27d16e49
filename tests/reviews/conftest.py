import pytest
from django.contrib.auth.models import Group

from reviews.models import REVIEWERS_GROUP, ReviewerProfile


def make_reviewer(django_user_model, username="dr-ada", name="Dr. Ada Example", credentials="MD, pain medicine"):
    user = django_user_model.objects.create_user(username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    ReviewerProfile.objects.create(user=user, name=name, credentials=credentials)
    return user


@pytest.fixture
def reviewer(django_user_model):
    return make_reviewer(django_user_model)


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client
