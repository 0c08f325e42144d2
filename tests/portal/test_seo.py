"""What crawlers and browsers fetch at the root, and the way home from a page not found."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
def test_sitemap_is_an_index_of_one_sitemap_per_language(client, home):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<sitemapindex" in xml
    assert re.findall(r"<loc>([^<]+)</loc>", xml) == [
        "http://testserver/sitemap-nl.xml",
        "http://testserver/sitemap-en.xml",
    ]
    assert client.get("/sitemap-de.xml").status_code == 404


@pytest.mark.django_db
def test_each_language_sitemap_lists_its_live_pages_with_their_translations(client, home):
    dutch = home.add_child(
        instance=StandardPage(title="Veilig browsen", slug="veilig-browsen", locale=home.locale)
    )
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Browse safely", "browse-safely"
    english.save_revision().publish()
    draft = home.add_child(
        instance=StandardPage(title="Concept", slug="concept", locale=home.locale, live=False)
    )

    dutch_xml = client.get("/sitemap-nl.xml").content.decode()
    english_xml = client.get("/sitemap-en.xml").content.decode()

    dutch_locations = re.findall(r"<loc>([^<]+)</loc>", dutch_xml)
    english_locations = re.findall(r"<loc>([^<]+)</loc>", english_xml)
    assert dutch_locations == ["http://localhost/nl/", "http://localhost/nl/veilig-browsen/"]
    assert english_locations == ["http://localhost/en/", "http://localhost/en/browse-safely/"]
    assert draft.slug not in dutch_xml
    for xml, location in [
        (english_xml, "http://localhost/en/browse-safely/"),
        (dutch_xml, "http://localhost/nl/veilig-browsen/"),
    ]:
        entry = re.search(rf"<url><loc>{location}</loc>.*?</url>", xml).group(0)
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
def test_a_language_sitemap_does_not_query_per_page_or_translation(client, home):
    english = Locale.objects.get(language_code="en")

    def add_translated_pages(count: int, start: int) -> None:
        for number in range(start, start + count):
            page = home.add_child(
                instance=StandardPage(
                    title=f"Pagina {number}", slug=f"p{number}", locale=home.locale
                )
            )
            page.copy_for_translation(english).save_revision().publish()

    def queries_for_dutch_sitemap() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            xml = client.get("/sitemap-nl.xml").content.decode()
        return len(queries), xml

    add_translated_pages(1, 0)
    client.get("/sitemap-nl.xml")  # sites and locales, cached from here on
    few, _xml = queries_for_dutch_sitemap()
    add_translated_pages(11, 1)
    many, xml = queries_for_dutch_sitemap()

    assert xml.count('hreflang="en"') == 13  # the home page and the twelve
    assert many == few


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
