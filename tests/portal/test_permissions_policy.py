"""Every response tells the browser that our pages use no camera, microphone, location, payment
or ad-interest tracking, including pages served from the anonymous page cache."""

import pytest
from django.urls import reverse

from portal.models import StandardPage

DENIED = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "browsing-topics",
    "interest-cohort",
    "display-capture",
    "publickey-credentials-get",
]


def policy(response) -> dict[str, str]:
    header = response["Permissions-Policy"]
    return dict(part.strip().split("=", 1) for part in header.split(","))


def assert_denies_powerful_features(response) -> None:
    directives = policy(response)
    for feature in DENIED:
        assert directives.get(feature) == "()", feature


@pytest.fixture
def standard_page(home) -> StandardPage:
    return home.add_child(instance=StandardPage(title="Signalen herkennen", slug="signalen"))


def test_a_page_has_the_policy_when_rendered_and_when_served_from_the_cache(client, standard_page):
    first = client.get(standard_page.url)
    second = client.get(standard_page.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert_denies_powerful_features(first)
    assert_denies_powerful_features(second)


@pytest.mark.parametrize(
    "path",
    ["/nl/zoeken/?q=meldcode", "/nl/bestaat-niet/", "/admin/", "/snel-weg/", "/sitemap.xml"],
)
def test_other_answers_have_the_policy_too(client, home, path):
    assert_denies_powerful_features(client.get(path))


def test_account_pages_have_the_policy(client, home):
    assert_denies_powerful_features(client.get(reverse("account_login")))
