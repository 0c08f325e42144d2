"""On the demo site, every page's address (and an address below it that does not exist) is
answered by portal.routing exactly as by Wagtail's own routing."""

import pytest
from wagtail.models import Page, Site

from tests.portal.routing_helpers import both_routes

pytestmark = pytest.mark.django_db


def addresses_below_each_home() -> list[tuple[str, str]]:
    """(language, path below that language's home page) for every page in the demo's tree."""
    site = Site.objects.get(is_default_site=True)
    found = []
    for home in site.root_page.get_translations(inclusive=True).select_related("locale"):
        for page in Page.objects.descendant_of(home):
            found.append((home.locale.language_code, page.url_path.removeprefix(home.url_path)))
    return found


def test_every_demo_page_is_found_as_wagtail_finds_it(demo_site):
    addresses = addresses_below_each_home()
    assert len(addresses) > 60  # the whole demo, both languages

    for language, path in addresses:
        ours, wagtails = both_routes(path, language)
        assert ours == wagtails, (language, path)
        missing_below = both_routes(f"{path}bestaat-niet/", language)
        assert missing_below == (None, None), (language, path)
