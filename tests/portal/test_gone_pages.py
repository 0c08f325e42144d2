"""Gone is gone: an unpublished or deleted page's address answers 410 with a way on
(portal/gone.py), a redirect still wins, and publishing again brings the page back."""

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from portal.factories import StandardPageFactory
from portal.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home):
    page = StandardPageFactory(parent=home, title="Oude folder over partnergeweld", slug="oud")
    page.themes.set([Theme.objects.get(slug="huiselijk-geweld", locale=home.locale)])
    page.save_revision().publish()
    return page


def _anonymous() -> Client:
    # A fresh visitor each time; the page cache is emptied by the unpublish itself.
    return Client()


def test_an_unpublished_pages_address_says_it_is_gone_and_offers_a_way_on(article):
    url = article.url
    assert Client().get(url).status_code == 200

    article.unpublish()
    response = _anonymous().get(url)

    assert response.status_code == 410
    text = response.text
    assert "Deze pagina is niet meer beschikbaar" in text
    assert "Oude folder over partnergeweld" in text
    assert 'role="search"' in text
    assert "Huiselijk geweld" in text  # the page's theme, as a way on
    assert "0800-2000" in text
    assert "no-cache" in response["Cache-Control"]
    assert response["Content-Security-Policy"]


def test_a_deleted_pages_address_and_its_childrens_say_they_are_gone(home, article):
    child = StandardPageFactory(parent=article, title="Bijlage", slug="bijlage")
    child.save_revision().publish()
    urls = [article.url, child.url]

    article.delete()

    for url in urls:
        assert _anonymous().get(url).status_code == 410, url


def test_publishing_again_brings_the_page_back(article):
    url = article.url
    article.unpublish()
    assert _anonymous().get(url).status_code == 410

    article.save_revision().publish()
    assert _anonymous().get(url).status_code == 200


def test_a_redirect_for_the_old_address_wins(home, article):
    url = article.url
    target = StandardPageFactory(parent=home, title="Nieuwe folder", slug="nieuw")
    article.unpublish()
    Redirect.add_redirect(old_path=url, redirect_to=target, is_permanent=True)

    response = _anonymous().get(url)

    assert response.status_code == 301
    assert response["Location"].endswith(target.url)


def test_an_address_that_never_served_a_page_is_not_found(home):
    assert _anonymous().get("/nl/nooit-bestaan/").status_code == 404


def test_a_private_page_leaves_no_title_behind(home):
    page = StandardPageFactory(parent=home, title="Interne notitie", slug="intern")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.unpublish()

    response = _anonymous().get(page.url)

    assert response.status_code == 404
    assert "Interne notitie" not in response.text


def test_the_gone_page_speaks_the_pages_language(locales, home):
    home_en = home.get_translation(locales["en"])
    page = StandardPageFactory(parent=home_en, title="Old leaflet", slug="old-leaflet")
    page.save_revision().publish()
    url = page.url
    page.unpublish()

    response = _anonymous().get(url)

    assert response.status_code == 410
    assert "This page is no longer available" in response.text


def test_deleting_a_site_forgets_its_gone_addresses(home, article):
    from wagtail.models import Site

    from portal.models import GonePage

    article.unpublish()
    assert GonePage.objects.count() == 1

    Site.objects.all().delete()

    assert not GonePage.objects.exists()
