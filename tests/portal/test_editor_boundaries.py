"""What an editor can and cannot do in the admin: their own drafts only, nothing published
without a moderator, and no private document for anonymous visitors."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal import roles
from portal.accounts.factories import UserFactory
from portal.factories import StandardPageFactory
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Concept over een lopende casus"


def _editor(email: str):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    client = Client()
    _signed_in_with_mfa(client, user)
    return user, client


@pytest.fixture
def draft_of_another_editor(home):
    """Fatima's unpublished draft, with two revisions (so compare has something to show)."""
    fatima, fatima_client = _editor("fatima@example.org")
    page = StandardPageFactory(parent=home, title=SECRET_TITLE, slug="concept", live=False)
    page.owner = fatima
    page.save()
    first = page.save_revision(user=fatima)
    page.intro = "Tweede versie"
    second = page.save_revision(user=fatima)
    return page, first, second, fatima_client


def _doors(page, first, second) -> dict[str, str]:
    """Every admin view that shows a page's content, its history or a copy of it."""
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        "view draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "revisions": reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk]),
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]
        ),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page.pk]),
        "revert": reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]),
    }


def test_an_editor_cannot_open_another_editors_draft_through_any_admin_view(
    draft_of_another_editor,
):
    page, first, second, _fatima_client = draft_of_another_editor
    _lotte, other = _editor("lotte@example.org")

    for door, url in _doors(page, first, second).items():
        response = other.get(url, follow=True)
        # Wagtail refuses with a 403/404, or sends them to the dashboard with a message.
        if response.redirect_chain:
            assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home"), door
        else:
            assert response.status_code in (403, 404), (door, response.status_code)
        assert SECRET_TITLE not in response.content.decode(), door


def test_the_editor_who_wrote_the_draft_opens_it(draft_of_another_editor):
    page, first, second, fatima_client = draft_of_another_editor

    for door in ("edit", "preview", "revision", "history", "compare"):
        url = _doors(page, first, second)[door]
        assert fatima_client.get(url).status_code == 200, door


def test_an_editor_cannot_publish_without_a_moderator(home):
    fatima, client = _editor("fatima@example.org")
    page = StandardPageFactory(parent=home, title="Nieuw artikel", slug="nieuw", live=False)
    page.owner = fatima
    page.save()
    page.save_revision(user=fatima)

    assert not page.permissions_for_user(fatima).can_publish()
    form = nested_form_data(
        {"title": "Nieuw artikel", "slug": "nieuw", "intro": "", "body": streamfield([])}
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**form, "action-publish": "1"}
    )

    page.refresh_from_db()
    assert response.status_code in (200, 302)
    assert not page.live
    assert Client().get("/nl/nieuw/").status_code == 404


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Draaiboek crisisoverleg",
        collection=internal,
        file=ContentFile(b"vertrouwelijk", name="draaiboek.pdf"),
    )
    yield document
    document.file.delete(save=False)


def test_a_private_document_cannot_be_fetched_anonymously(private_document):
    response = Client().get(private_document.url)

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert b"vertrouwelijk" not in b"".join(getattr(response, "streaming_content", [b""]))


def test_a_public_document_is_served(home):
    document = get_document_model().objects.create(
        title="Factsheet meldcode", file=ContentFile(b"%PDF-1.4 openbaar", name="factsheet.pdf")
    )
    try:
        response = Client().get(document.url)
        assert response.status_code == 200
    finally:
        document.file.delete(save=False)
