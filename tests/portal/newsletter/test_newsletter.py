"""Newsletter sign-up with double opt-in, as a visitor and a mail filter experience it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portal.newsletter.models import NewsletterSubscription
from portal.privacy import retention
from portal.privacy.registry import registry

LINK = re.compile(r"http://testserver(/nl/nieuwsbrief/(bevestigen|afmelden)/[^/\s]+/)")


@pytest.fixture
def sign_up(client, signup_page, outbox_email, django_capture_on_commit_callbacks):
    def sign_up(email: str, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(signup_page.url, {"email": email}, **extra)
        return response, client.get(signup_page.url)

    return sign_up


def links(message) -> dict[str, str]:
    return {kind: path for path, kind in LINK.findall(message.body)}


def test_signup_page_is_never_stored(client, signup_page, django_assert_max_num_queries):
    client.get(signup_page.url)
    with django_assert_max_num_queries(10):
        response = client.get(signup_page.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'for="id_email"' in response.content.decode()


def test_signup_sends_confirmation_link_without_the_address(sign_up):
    response, done = sign_up("Lotte@Example.org")

    assert response.status_code == 302
    assert "Tot snel in uw inbox." in done.content.decode()
    subscription = NewsletterSubscription.objects.get()
    assert subscription.email == "lotte@example.org"
    assert subscription.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["lotte@example.org"]
    found = links(message)
    assert set(found) == {"bevestigen", "afmelden"}
    for path in found.values():
        assert "lotte" not in path.lower() and "example" not in path
    # Only a hash of the token is stored.
    token = found["bevestigen"].rstrip("/").rsplit("/", 1)[1]
    assert token not in subscription.token_hash


def test_following_the_link_asks_and_only_the_button_confirms(client, sign_up):
    sign_up("lotte@example.org")
    confirm_path = links(mail.outbox[0])["bevestigen"]

    page = client.get(confirm_path)  # what a link scanner in a mail filter does
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert NewsletterSubscription.objects.get().confirmed_at is None

    assert client.post(confirm_path).status_code == 200
    assert NewsletterSubscription.objects.get().is_active

    # The link works once.
    assert client.post(confirm_path).status_code == 404


def test_same_answer_for_new_and_already_subscribed_addresses(client, sign_up):
    first_response, _first_done = sign_up("lotte@example.org")
    client.post(links(mail.outbox[0])["bevestigen"])
    mail.outbox.clear()

    again_response, again_done = sign_up("lotte@example.org")
    _, new_done = sign_up("mehmet@example.org")

    assert again_response.status_code == first_response.status_code == 302
    assert again_response["Location"] == first_response["Location"]
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", again_done.content.decode()) == strip.sub("", new_done.content.decode())
    # An active subscriber gets no new mail (no inbox flooding through our form).
    assert [m.to for m in mail.outbox] == [["mehmet@example.org"]]
    assert NewsletterSubscription.objects.get(email="lotte@example.org").is_active


def test_unsubscribe_link_asks_then_unsubscribes(client, sign_up):
    sign_up("lotte@example.org")
    found = links(mail.outbox[0])
    client.post(found["bevestigen"])

    assert client.get(found["afmelden"]).status_code == 200
    assert NewsletterSubscription.objects.get().is_active
    assert client.post(found["afmelden"]).status_code == 200
    assert NewsletterSubscription.objects.get().unsubscribed_at is not None


def test_confirmation_link_expires(client, sign_up, settings):
    sign_up("lotte@example.org")
    NewsletterSubscription.objects.update(
        token_created_at=timezone.now()
        - retention("newsletter_subscription")
        - timedelta(minutes=1)
    )
    response = client.post(links(mail.outbox[0])["bevestigen"])
    assert response.status_code == 404
    assert NewsletterSubscription.objects.get().confirmed_at is None


def test_made_up_links_are_refused(client, locales):
    assert client.get("/nl/nieuwsbrief/bevestigen/verzonnen/").status_code == 404
    assert client.post("/nl/nieuwsbrief/afmelden/verzonnen/").status_code == 404


def test_invalid_address_keeps_input_and_explains(client, signup_page):
    response = client.post(signup_page.url, {"email": "lotte-at-example"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="lotte-at-example"' in html
    assert 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert not NewsletterSubscription.objects.exists()


def test_honeypot_submission_is_dropped_silently(client, signup_page, outbox_email):
    response = client.post(signup_page.url, {"email": "bot@example.org", "website": "x"})
    assert response.status_code == 302
    assert "Tot snel in uw inbox." in client.get(signup_page.url).content.decode()
    assert not NewsletterSubscription.objects.exists()


def test_sixth_signup_from_one_address_gets_429(client, signup_page):
    for number in range(5):
        response = client.post(signup_page.url, {"email": f"p{number}@example.org"})
        assert response.status_code == 302
    assert client.post(signup_page.url, {"email": "p6@example.org"}).status_code == 429


def test_purge_forgets_old_unconfirmed_and_unsubscribed_but_keeps_the_rest(db, settings):
    now = timezone.now()
    old = now - retention("newsletter_subscription") - timedelta(days=1)
    NewsletterSubscription.objects.create(email="oud@example.org", token_created_at=old)
    NewsletterSubscription.objects.create(email="nieuw@example.org", token_created_at=now)
    NewsletterSubscription.objects.create(
        email="lezer@example.org", token_created_at=old, confirmed_at=old
    )
    NewsletterSubscription.objects.create(
        email="weg@example.org", token_created_at=old, confirmed_at=old, unsubscribed_at=old
    )
    owner = registry.get("newsletter_subscription")

    assert owner.purger(now - owner.retention) == 2
    remaining = set(NewsletterSubscription.objects.values_list("email", flat=True))
    assert remaining == {"nieuw@example.org", "lezer@example.org"}
