"""The home page stays light: at most 60 KB of HTML, CSS and JS, uncompressed, images excluded.

Measured in the browser, so it counts exactly what a visitor's phone downloads.
"""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BUDGET_BYTES = 60 * 1024


def test_home_page_weighs_at_most_60_kb(browser_page, live_server, site_pages):
    page = browser_page
    fetched = []
    page.on("response", lambda response: fetched.append(response))

    page.goto(live_server.url + "/nl/", wait_until="load")

    weights = {}
    for response in fetched:
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script"):
            weights[response.url] = len(response.body())
    assert any(url.endswith(".css") for url in weights), weights
    assert any(url.endswith(".js") for url in weights), weights
    total = sum(weights.values())
    detail = "\n".join(f"  {size:>7} {url}" for url, size in weights.items())
    assert total <= BUDGET_BYTES, f"home page weighs {total} bytes:\n{detail}"
