"""What crawlers and browsers fetch at the root, and the way home from a page not found."""

import re

import pytest
from wagtail.models import Locale

from portal.models import StandardPage


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_account_and_search_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in (
        "/admin/",
        "/django-admin/",
        "/nl/account/",
        "/en/account/",
        "/nl/mijn-account/",
        "/en/mijn-account/",
        "/nl/zoeken/",
        "/en/zoeken/",
    ):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines, "the whole site must stay findable"


@pytest.mark.django_db
def test_favicon_ico_is_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO header


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_of_both_languages_with_alternates(client, home):
    dutch = home.add_child(
        instance=StandardPage(title="Veilig browsen", slug="veilig-browsen", locale=home.locale)
    )
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Browse safely", "browse-safely"
    english.save_revision().publish()
    draft = home.add_child(
        instance=StandardPage(title="Concept", slug="concept", locale=home.locale, live=False)
    )

    xml = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "http://localhost/nl/" in locations
    assert "http://localhost/en/" in locations
    assert "http://localhost/nl/veilig-browsen/" in locations
    assert "http://localhost/en/browse-safely/" in locations
    assert not any(draft.slug in location for location in locations)
    entry = re.search(r"<url><loc>http://localhost/en/browse-safely/</loc>.*?</url>", xml).group(0)
    assert (
        '<xhtml:link rel="alternate" hreflang="nl" href="http://localhost/nl/veilig-browsen/"/>'
        in entry
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/browse-safely/"/>'
        in entry
    )
    assert 'hreflang="x-default" href="http://localhost/nl/veilig-browsen/"' in entry


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "words"), [("nl", "startpagina"), ("en", "home page")])
def test_page_not_found_links_to_the_home_page(client, home, language, words):
    response = client.get(f"/{language}/bestaat-niet/")
    assert response.status_code == 404
    assert f'<a class="utrecht-link" href="/{language}/">{words}</a>' in response.content.decode()


@pytest.mark.django_db
def test_page_not_found_offers_the_other_languages_home_not_a_dead_link(client, home):
    html = client.get("/nl/bestaat-niet/").content.decode()
    assert 'href="/en/" lang="en"' in html
    assert "/en/bestaat-niet/" not in html
