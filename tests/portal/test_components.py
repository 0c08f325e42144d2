"""The search box and the emergency numbers: one component each, the same on every page."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation


def search_boxes(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("form[role=search]")


@pytest.mark.parametrize(
    ("path", "boxes"),
    [("/nl/", 2), ("/nl/zoeken/?q=meldcode", 2), ("/nl/bestaat-niet/", 2), ("/en/", 2)],
)
def test_every_search_box_is_labelled_and_leaves_no_search_history(client, home, path, boxes):
    response = client.get(path)

    found = search_boxes(response.content.decode())
    assert len(found) == boxes  # the header's, and the page's own
    language = path.split("/")[1]
    with translation.override(language):
        search_url = reverse("search")
    for form in found:
        assert form["action"] == search_url
        assert form["method"] == "get"
        field = form.find("input", attrs={"name": "q"})
        assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        # On a shared device the browser must not offer earlier searches ("huiselijk geweld").
        assert field["autocomplete"] == "off"
    ids = [form.find("input")["id"] for form in found]
    assert len(set(ids)) == len(ids)


def test_the_search_page_keeps_the_search_in_both_boxes(client, home):
    found = search_boxes(client.get("/nl/zoeken/?q=meldcode").content.decode())
    assert [form.find("input")["value"] for form in found] == ["meldcode", "meldcode"]


@pytest.mark.parametrize("path", ["/nl/", "/nl/bestaat-niet/"])
def test_the_emergency_numbers_can_be_called_with_one_tap(client, home, path):
    soup = BeautifulSoup(client.get(path).content.decode(), "html.parser")

    box = soup.select_one("aside.steiger-emergency")
    assert box.select_one("#emergency-title a[href='tel:112']")
    assert box.select_one("a[href='tel:08002000']")
    footer = soup.select_one("footer")
    assert footer.select_one("a[href='tel:112']") and footer.select_one("a[href='tel:08002000']")


def test_the_server_error_page_shows_the_numbers_without_a_database():
    # No django_db mark: a query would fail the test.
    from portal.security.error_views import server_error

    response = server_error(RequestFactory().get("/nl/kapot/"))

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("aside.steiger-emergency a[href='tel:112']")
    assert soup.select_one("footer a[href='tel:08002000']")
    assert "In direct gevaar? Bel" in soup.select_one("footer").get_text()
