"""The index keeps public content only, yet the editors' choosers still find what they pick:
images in public collections and the labels (themes, audiences, municipalities)."""

import pytest
from modelsearch.backends import get_search_backend
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from portal.models import Theme

pytestmark = pytest.mark.django_db


def test_a_public_image_and_a_label_are_indexed_a_restricted_image_is_not(
    locales, django_capture_on_commit_callbacks
):
    Image = get_image_model()
    private = Collection.get_first_root_node().add_child(name="Intern beeld")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.create(title="Zonnebloemveld", file=get_test_image_file())
        Image.objects.create(
            title="Zonnebloem intern", file=get_test_image_file(), collection=private
        )
        Theme.objects.create(name="Digitaal geweld", slug="digitaal-geweld", locale=locales["nl"])

    assert [image.title for image in Image.objects.search("zonnebloemveld")] == ["Zonnebloemveld"]
    assert list(Image.objects.search("intern")) == []
    labels = get_search_backend().search("digitaal", Theme)
    assert [theme.name for theme in labels] == ["Digitaal geweld"]
