"""Per-IP limits count the right address, and a forged or broken X-Forwarded-For changes nothing.

Only a proxy of our own writes a trustworthy X-Forwarded-For entry; production trusts none
unless the operator says how many stand in front (TRUSTED_PROXY_COUNT).
"""

import logging

import pytest
from django.urls import reverse

from portal.advice.models import AdviceQuestion, AdviceQuestionPage
from tests.portal.test_production_settings import load

VALID = {"role": "resident", "question": "Mijn buurjongen huilt vaak. Wat kan ik doen?"}
MALFORMED = ["not-an-ip", "", " , ", "999.1.1.1", "unknown", "1.2.3.4, ", "\x00", "::g"]


@pytest.fixture
def advice_page(home) -> AdviceQuestionPage:
    return home.add_child(instance=AdviceQuestionPage(title="Stel uw vraag", slug="vraag"))


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    return settings


def tracebacks(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.exc_info]


@pytest.mark.parametrize("forwarded_for", MALFORMED)
def test_a_malformed_header_is_ignored_quietly_on_login(
    client, home, one_proxy, caplog, forwarded_for
):
    response = client.post(
        reverse("account_login"),
        {"login": "anna@example.org", "password": "verkeerd wachtwoord"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    assert response.status_code == 200  # the form again ("wrong address or password")
    assert tracebacks(caplog) == []


@pytest.mark.parametrize("forwarded_for", MALFORMED)
def test_a_malformed_header_is_ignored_quietly_on_public_forms(
    client, advice_page, one_proxy, caplog, forwarded_for
):
    response = client.post(
        advice_page.url, VALID, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=forwarded_for
    )
    assert response.status_code == 302
    assert AdviceQuestion.objects.count() == 1
    assert tracebacks(caplog) == []


def test_with_a_malformed_header_the_limit_counts_the_connecting_address(
    client, advice_page, one_proxy
):
    for number in range(5):
        client.post(
            advice_page.url, VALID, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"x{number}"
        )
    blocked = client.post(
        advice_page.url, VALID, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="not-an-ip"
    )
    assert blocked.status_code == 429


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_connecting_address(
    client, advice_page, settings, caplog
):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    response = client.post(
        advice_page.url, VALID, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert response.status_code == 302
    assert tracebacks(caplog) == []


def test_behind_one_proxy_only_the_entry_it_added_counts(client, advice_page, one_proxy):
    # The client put "192.0.2.1" in front itself; our proxy appended the address it saw.
    for number in range(5):
        client.post(
            advice_page.url,
            VALID,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.1",
        )
    blocked = client.post(
        advice_page.url,
        VALID,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.1",
    )
    assert blocked.status_code == 429


def test_production_trusts_no_forwarded_header_unless_told(monkeypatch):
    assert load(monkeypatch).TRUSTED_PROXY_COUNT == 0
    assert load(monkeypatch).ALLAUTH_TRUSTED_PROXY_COUNT == 0
    configured = load(monkeypatch, TRUSTED_PROXY_COUNT="1")
    assert configured.TRUSTED_PROXY_COUNT == configured.ALLAUTH_TRUSTED_PROXY_COUNT == 1


@pytest.mark.parametrize("value", ["one", "-1", "1.5"])
def test_a_proxy_count_that_is_not_a_whole_number_stops_the_process(monkeypatch, value):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXY_COUNT"):
        load(monkeypatch, TRUSTED_PROXY_COUNT=value)
