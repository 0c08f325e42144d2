"""The public pages work with their real Content-Security-Policy enforced by the browser.

Every browser test runs under the policy and fails on any violation (conftest.py records them);
this one also checks that each kind of public page sends the header, and that the quick exit
works under the policy in a context of its own, without the test harness's routing.
"""

import pytest
from wagtail.models import Site

from portal.models.site_settings import SafetySettings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs before any page script, through the DevTools protocol (not subject to the page's CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


@pytest.fixture
def strict_page(browser, live_server):
    context = browser.new_context(locale="nl-NL")  # bypass_csp stays off
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_public_pages_raise_no_csp_violation_and_quick_exit_runs(
    strict_page, live_server, site_pages
):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = live_server.url + "/nl/zoeken/?q=weer"
    settings.save()

    urls = [
        "/nl/",
        site_pages["audiences"][0].url,
        site_pages["standard"].url,
        "/nl/zoeken/?q=signalen",
        "/nl/account/login/",
    ]
    for url in urls:
        response = strict_page.goto(live_server.url + url)
        assert "content-security-policy" in response.headers  # Playwright lower-cases names
        strict_page.wait_for_load_state("load")
        violations = strict_page.evaluate("window.__cspViolations")
        assert violations == [], f"CSP blocked something on {url}: {violations}"

    # Our own script runs under the policy: Shift three times leaves for the neutral site.
    strict_page.goto(live_server.url + site_pages["standard"].url)
    strict_page.wait_for_load_state("load")
    for _ in range(3):
        strict_page.keyboard.press("Shift")
    strict_page.wait_for_url(settings.quick_exit_url)


def test_the_harness_catches_what_the_policy_blocks(
    browser_page, live_server, home, csp_violations
):
    """Every browser test fails on a CSP violation: here one is made on purpose and seen."""
    browser_page.goto(live_server.url + "/nl/")
    browser_page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.inlineRan = true';
            document.head.append(script);
        }"""
    )
    # The report reaches the test asynchronously: wait until the page has sent it and the
    # test's list has received it.
    browser_page.wait_for_function("() => window.__steigerCspReports.length > 0")
    browser_page.evaluate("() => Promise.all(window.__steigerCspReports)")
    assert browser_page.evaluate("() => window.inlineRan") is None, "an inline script ran"
    assert any(v.startswith("script-src") for v in csp_violations), csp_violations
    csp_violations.clear()  # seen, so this test itself passes
