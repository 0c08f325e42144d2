"""The quick exit endpoint: forget the visit, leave nothing in a cache, go somewhere neutral."""

import pytest
from wagtail.models import Site

from portal.models.site_settings import DEFAULT_QUICK_EXIT_URL, SafetySettings


@pytest.mark.django_db
def test_quick_exit_forgets_the_session(client, home):
    session = client.session
    session["lesson_progress"] = 2
    session.save()
    old_key = session.session_key

    client.get("/snel-weg/")

    assert "lesson_progress" not in client.session
    assert client.session.session_key != old_key


@pytest.mark.django_db
def test_quick_exit_deletes_every_cookie_for_browsers_that_ignore_clear_site_data(client, home):
    # An app's own cookie (the online courses keep a resume code in one) must go too.
    client.cookies["steiger_voortgang"] = "ABCD-EFGH-JKMN-PQRS"
    client.cookies["django_language"] = "nl"

    response = client.get("/snel-weg/")

    for name in ("steiger_voortgang", "django_language"):
        assert response.cookies[name].value == "", name
        assert response.cookies[name]["max-age"] == 0, name


@pytest.mark.django_db
def test_quick_exit_logs_a_signed_in_visitor_out(client, home, django_user_model):
    user = django_user_model.objects.create_user(email="anna@example.org", password="x" * 12)
    client.force_login(user)
    assert client.get("/nl/mijn-account/").status_code == 200

    client.get("/snel-weg/")

    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_quick_exit_answer_is_never_stored(client, home):
    response = client.get("/snel-weg/")
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "no-cache" in cache_control
    assert "cookies" in response["Clear-Site-Data"]


@pytest.mark.django_db
def test_quick_exit_goes_to_the_neutral_site_set_by_the_editors(client, home):
    assert client.get("/snel-weg/")["Location"] == DEFAULT_QUICK_EXIT_URL

    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = "https://www.knmi.nl/nederland-nu/weer"
    settings.save()

    response = client.get("/snel-weg/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.knmi.nl/nederland-nu/weer"


@pytest.mark.django_db
def test_every_public_page_offers_the_quick_exit_without_javascript(client, home):
    html = client.get("/nl/").content.decode()
    # Both the visible button and the link for assistive technology lead to the endpoint.
    assert html.count('href="/snel-weg/"') == 2
    assert "data-quick-exit-link" in html
    assert "data-quick-exit-skip" in html
