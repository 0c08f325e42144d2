"""Whatever arrives in a public form, a link or a query string: never a server error.

Property-based (Hypothesis): random Unicode (lone surrogates included), NUL and other control
characters, very long values, malformed addresses and the query syntax of our search backends
go to every public form, the newsletter links and search. The same file runs on SQLite and on
PostgreSQL (`scripts/with_postgres.sh`), where a NUL byte or a value longer than its column
used to become a 500. The example count and determinism come from the "steiger" Hypothesis
profile in tests/conftest.py.

Values travel as raw UTF-8 bytes (with `surrogatepass`), exactly as a hand-made request can
send them: Django decodes invalid UTF-8 with replacement characters, so the view sees what a
real server would see. Mail goes the production way, into the outbox (`outbox_email`).

Hypothesis keeps state between the examples of one test (the database is rolled back after
the test, not after each example), as real traffic does; only the cache is cleared per example,
so rate limits do not hide the code behind them.
"""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import example, given
from hypothesis import strategies as st

from portal.accounts.models import User
from portal.advice.models import AdviceQuestion, AdviceQuestionPage
from portal.mail.models import OutboxMessage
from portal.models import StandardPage
from portal.newsletter.models import NewsletterSignupPage, NewsletterSubscription

pytestmark = pytest.mark.django_db(transaction=False)

# Query syntax of the search backends: SQLite FTS5 (quotes, NEAR, column filters, prefix and
# initial-token markers) and PostgreSQL tsquery (operators, weights, prefix), plus SQL and
# printf-style specials that a hand-written query builder could trip over.
SYNTAX = [
    '"',
    '""',
    "'",
    "\\",
    "*",
    "^",
    ":",
    "(",
    ")",
    "{",
    "}",
    "+",
    "-",
    "!",
    "&",
    "|",
    "<->",
    "%",
    "%s",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "title:",
    ":*",
    ":A",
    ";",
    "--",
]
SPECIMENS = [
    "\x00",
    "meld\x00code",
    '"meldcode',
    'meldcode"',
    "meldcode*",
    "NEAR(meldcode signalen, 2)",
    "title:meldcode",
    "' OR 1=1 --",
    "\ud800",
    "meld\udfffcode",
    "\ufeff\u202e\u200b",
    "e\u0301\ufb01\U0001f4a5",
    "a" * 10_000,
    " " * 500,
]


def _long(chunk: str, times: int) -> str:
    return chunk * times


any_character = st.characters(codec=None)  # every code point, surrogates included
hostile_text = st.one_of(
    st.text(any_character, max_size=40),
    st.text(st.characters(codec=None, categories=["Cc", "Cf", "Cs"]), min_size=1, max_size=6),
    st.lists(st.sampled_from(SYNTAX) | st.text(any_character, max_size=4), max_size=8).map(
        " ".join
    ),
    st.lists(st.sampled_from(SYNTAX) | st.text(max_size=3), max_size=8).map("".join),
    st.builds(_long, st.text(any_character, min_size=1, max_size=6), st.integers(40, 1500)),
    st.sampled_from(SPECIMENS),
)
# Addresses a browser's type="email" lets through or a script sends: 255-330 characters (the
# columns hold 254), local parts with quotes and control characters, unusual domains.
long_address = st.builds(
    lambda local, domain: f"{'a' * local}@{domain}",
    st.integers(200, 330),
    st.sampled_from(["example.org", "voorbeeld.nl", "xn--bcher-kva.example", "[127.0.0.1]"]),
)
hostile_email = st.one_of(
    hostile_text,
    long_address,
    st.emails(),
    st.builds(lambda text: f"{text}@example.org", hostile_text),
    st.builds(lambda text: f"name@{text}.nl", hostile_text),
)


def encode(value: str) -> str:
    """Percent-encode `value` as UTF-8, keeping lone surrogates as the bytes a client could send."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def form_body(data: dict[str, str]) -> str:
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in data.items())


def as_received(value: str) -> str:
    """What Django makes of `value` after the round trip through the wire."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def header_value(value: str) -> str:
    """`value` as a WSGI server hands a header over: UTF-8 bytes read as Latin-1, no line breaks."""
    return as_received(value).replace("\r", " ").replace("\n", " ").encode().decode("latin-1")


def fresh_client() -> Client:
    # Every example starts as a new visitor with fresh rate-limit counters, so a 429 does not
    # hide the code paths behind it.
    cache.clear()
    return Client()


def post_form(client: Client, url: str, data: dict[str, str], **extra):
    return client.post(
        url, form_body(data), content_type="application/x-www-form-urlencoded", **extra
    )


def assert_no_server_error(response) -> None:
    assert response.status_code < 500, response.status_code


@pytest.fixture
def public_pages(home, django_capture_on_commit_callbacks):
    """The advice and newsletter pages, and a page for search to find (indexed by the search
    upkeep's task, which runs after a commit: here, when the block ends)."""
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(
            instance=StandardPage(
                title="Meldcode in vijf stappen",
                slug="meldcode",
                intro="De meldcode helpt bij signalen van huiselijk geweld.",
            )
        )
    advice = home.add_child(instance=AdviceQuestionPage(title="Stel uw vraag", slug="vraag"))
    newsletter = home.add_child(
        instance=NewsletterSignupPage(title="Nieuwsbrief", slug="nieuwsbrief-aanmelden")
    )
    return {"advice": advice, "newsletter": newsletter}


# --- Regressions: each of these answered 500 before --------------------------------------------


@pytest.mark.parametrize("query", ["\x00", "meld\x00code", '"meldcode', "meldcode\"'*", "NEAR("])
def test_search_with_query_syntax_or_nul_answers_normally(client, public_pages, query):
    response = client.get(f"/nl/zoeken/?q={encode(query)}")
    assert response.status_code == 200
    assert "\x00" not in response.text


def test_search_still_finds_a_word_next_to_a_quote(client, public_pages):
    response = client.get(f"/nl/zoeken/?q={encode(chr(34) + 'meldcode')}")
    assert "Meldcode in vijf stappen" in response.text


def address_form(public_pages, form: str, address: str) -> tuple[str, dict[str, str]]:
    if form == "signup":
        password = "Een lang genoeg wachtwoord 42"
        return reverse("account_signup"), {
            "email": address,
            "password1": password,
            "password2": password,
        }
    data = {"email": address, "website": ""}
    if form == "advice":
        data.update(role="resident", question="Mag ik iets vragen?", email_consent="on")
    return public_pages[form].url, data


def nothing_stored() -> bool:
    return not (
        AdviceQuestion.objects.exists()
        or NewsletterSubscription.objects.exists()
        or User.objects.exists()
        or OutboxMessage.objects.exists()
    )


@pytest.mark.parametrize("form", ["advice", "newsletter", "signup"])
def test_an_address_longer_than_the_columns_is_refused_with_a_message(client, public_pages, form):
    # The forms allowed 320 characters, the columns hold 254: PostgreSQL answered with an error
    # page, and allauth's sign-up cut the address to 254 characters, dropping its domain.
    address = "a" * 280 + "@example.org"
    url, data = address_form(public_pages, form, address)

    response = post_form(client, url, data)

    assert response.status_code == 200
    assert "254" in response.text  # the message says what the limit is
    assert f'value="{address}"' in response.text  # and what was typed is still there
    assert nothing_stored()


@pytest.mark.parametrize("form", ["advice", "newsletter", "signup"])
def test_an_address_whose_domain_cannot_be_mailed_is_refused(client, public_pages, form):
    # A lone surrogate arrives as replacement characters, which IDNA cannot encode: the mail
    # would only fail later, in the outbox, and the person would never hear from us.
    url, data = address_form(public_pages, form, "anna@voorbeeld.\ud800")

    response = post_form(client, url, data)

    assert response.status_code == 200
    assert "name@example.nl" in response.text or "naam@voorbeeld.nl" in response.text
    assert nothing_stored()


# --- Properties ----------------------------------------------------------------------------------


@given(
    role=st.one_of(st.sampled_from(["resident", "professional", "volunteer"]), hostile_text),
    question=hostile_text,
    email=hostile_email,
    municipality=st.one_of(st.just(""), hostile_text, st.integers().map(str)),
    consent=st.sampled_from(["", "on", "\x00", "ja"]),
)
@example(
    role="resident",
    question="Mijn buurvrouw\x00 roept om hulp",
    email="a" * 300 + "@example.org",
    municipality="\x00",
    consent="on",
)
@example(role="\ud800", question="\ud800" * 4000, email="\x00", municipality="1e400", consent="")
def test_advice_form_never_fails_and_a_rejected_question_keeps_its_text(
    public_pages, outbox_email, role, question, email, municipality, consent
):
    client = fresh_client()
    data = {
        "role": role,
        "question": question,
        "email": email,
        "municipality": municipality,
        "email_consent": consent,
        "website": "",
    }
    response = post_form(client, public_pages["advice"].url, data)

    assert_no_server_error(response)
    if response.status_code == 200:
        # Refused: the page explains, and the question is still in the text box.
        assert 'id="error-summary"' in response.text
        assert f">\n{escape(as_received(question))}</textarea>" in response.text


@given(email=hostile_email)
@example(email="a" * 300 + "@example.org")
@example(email="lotte\x00@example.org")
def test_newsletter_signup_never_fails_and_keeps_the_address(public_pages, outbox_email, email):
    client = fresh_client()
    response = post_form(client, public_pages["newsletter"].url, {"email": email, "website": ""})

    assert_no_server_error(response)
    if response.status_code == 200:
        assert 'id="error-summary"' in response.text
        assert f'value="{escape(as_received(email))}"' in response.text or not email.strip()


# Links sent by email, with the part a person (or a mangling mail client) may change.
EMAILED_LINKS = {
    "newsletter confirm": "/nl/nieuwsbrief/bevestigen/{token}/",
    "newsletter unsubscribe": "/nl/nieuwsbrief/afmelden/{token}/",
    "address confirmation": "/nl/account/confirm-email/{token}/",
    "password reset": "/nl/account/password/reset/key/1a-{token}/",
}


@given(
    token=hostile_text.filter(lambda text: text.strip("/")),
    method=st.sampled_from(["get", "post"]),
    password=hostile_text,
)
@example(token="\x00", method="post", password="\x00")
@example(token="a" * 5000, method="get", password="")
@pytest.mark.parametrize("link", sorted(EMAILED_LINKS))
def test_emailed_links_with_any_token_never_fail(locales, link, token, method, password):
    client = fresh_client()
    path = EMAILED_LINKS[link].format(token=encode(token))
    if method == "get":
        response = client.get(path, follow=True)
    else:
        response = post_form(client, path, {"password1": password, "password2": password})
    assert_no_server_error(response)


@given(email=hostile_email, password=hostile_text, password2=hostile_text)
@example(email="a" * 300 + "@example.org", password="x" * 20, password2="x" * 20)
@example(email="anna\x00@example.org", password="\x00" * 12, password2="\x00" * 12)
def test_sign_up_never_fails(home, outbox_email, email, password, password2):
    client = fresh_client()
    data = {"email": email, "password1": password, "password2": password2}
    assert_no_server_error(post_form(client, reverse("account_signup"), data))


@given(login=hostile_email, password=hostile_text, next_url=hostile_text)
@example(login="a" * 300 + "@example.org", password="\x00", next_url="\x00")
@example(login="\ud800@example.org", password="x", next_url="//evil.example/\ud800")
def test_login_never_fails(home, outbox_email, login, password, next_url):
    client = fresh_client()
    url = f"{reverse('account_login')}?next={encode(next_url)}"
    assert_no_server_error(client.get(url))
    assert_no_server_error(post_form(client, url, {"login": login, "password": password}))


@given(email=hostile_email)
@example(email="a" * 300 + "@example.org")
@example(email="anna\x00@example.org")
def test_password_reset_never_fails(home, outbox_email, email):
    client = fresh_client()
    assert_no_server_error(post_form(client, reverse("account_reset_password"), {"email": email}))


@given(query=hostile_text, page_number=st.one_of(hostile_text, st.integers().map(str)))
@example(query="\x00", page_number="\x00")
@example(query='"meldcode', page_number="99999999999999999999")
@example(query="meldcode* NEAR( title: ^", page_number="1e400")
@example(query="meld\ud800code", page_number="-1")
def test_search_never_fails(public_pages, query, page_number):
    client = fresh_client()
    response = client.get(f"/nl/zoeken/?q={encode(query)}&pagina={encode(page_number)}")
    assert response.status_code == 200
    # Answered by the backend itself, not by the safety net for a refused query.
    assert response.context["outcome"].failed is False


@given(
    name=hostile_text,
    value=hostile_text,
    forwarded_for=hostile_text,
    language=hostile_text,
)
@pytest.mark.parametrize("target", ["home", "advice", "newsletter", "search", "login"])
def test_any_query_string_and_headers_on_public_pages_never_fail(
    public_pages, home, target, name, value, forwarded_for, language
):
    client = fresh_client()
    url = {
        "home": home.url,
        "advice": public_pages["advice"].url,
        "newsletter": public_pages["newsletter"].url,
        "search": "/nl/zoeken/",
        "login": reverse("account_login"),
    }[target]
    response = client.get(
        f"{url}?{encode(name)}={encode(value)}",
        headers={
            "X-Forwarded-For": header_value(forwarded_for),
            "Accept-Language": header_value(language),
        },
    )
    assert_no_server_error(response)


@given(language=hostile_text, next_url=hostile_text)
def test_language_switch_never_fails(home, language, next_url):
    client = fresh_client()
    response = post_form(client, "/i18n/setlang/", {"language": language, "next": next_url})
    assert_no_server_error(response)


@given(page_number=st.one_of(hostile_text, st.integers().map(str)))
@example(page_number="\x00")
@example(page_number="1e400")
def test_sitemap_page_parameter_never_fails(home, page_number):
    client = fresh_client()
    assert_no_server_error(client.get(f"/sitemap-nl.xml?p={encode(page_number)}"))
    assert_no_server_error(client.get(f"/sitemap-{encode(page_number)}.xml"))
