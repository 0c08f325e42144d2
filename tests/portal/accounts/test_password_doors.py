"""Every URL that accepts a password goes through allauth: MFA first, and a limit on guesses.

Issue 5 found a side door (Wagtail's front-end login: a plain Django login without MFA or rate
limit). This test looks for all of them, now and in the future, in two ways:

- it walks the whole URLconf (both languages) and renders every pattern it can turn into a URL,
  as a visitor, as a resident and as a staff member who passed MFA, looking for password inputs;
- it inspects every view for calls to django.contrib.auth's authenticate() or login() (in the
  view, its methods or its form), which finds a password door that has no form to render.

Then it checks what each door does:

- a door open to visitors must not sign in a staff member who uses TOTP with the right password
  alone, and answers 429 before a dozen wrong passwords;
- a door for signed-in users must stay shut to visitors; in the admin areas it must stay shut to
  a session that skipped the second factor; elsewhere, wrong passwords end in 429.
"""

import inspect
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass, field

import django.contrib.auth
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory, enable_totp, totp_code
from portal.accounts.services import is_mfa_required_path
from portal.models import StandardPage

WRONG_PASSWORD = "dit-is-het-niet-2026"
# More than every limit we configure needs before it answers 429.
GUESSES = 12
PASSWORD_INPUT = re.compile(r"<input\b[^>]*\btype=[\"']?password", re.IGNORECASE)
INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
AUTH_CALLS = (
    django.contrib.auth.authenticate,
    django.contrib.auth.aauthenticate,
    django.contrib.auth.login,
    django.contrib.auth.alogin,
)


# --- Walking the URLconf -------------------------------------------------------------------


@dataclass
class Door:
    url: str
    pattern: URLPattern
    seen_by: set[str] = field(default_factory=set)  # who saw a password input there
    calls_auth: bool = False


def _patterns(resolvers, route: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, route + str(entry.pattern))
        else:
            yield route + str(entry.pattern), entry


_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _sample_urls(route: str, samples: dict[str, list[str]]) -> list[str]:
    """Concrete URLs for a route; [] when it cannot be turned into one."""
    if route.startswith("^") or "^" in route:
        # Regex parts: drop anchors, fill named groups, give up on anything else.
        route = route.replace("^", "").replace("$", "")
        route = _NAMED_GROUP.sub(lambda m: samples["int"][0], route)
        if re.search(r"[()\[\]*+?\\|{}]", route):
            return samples.get(route, [])
    if route in samples:
        return samples[route]
    filled = _CONVERTER.sub(lambda m: samples.get(m.group(1) or "str", ["x"])[0], route)
    return ["/" + filled]


def _all_urls(samples) -> dict[str, URLPattern]:
    urls: dict[str, URLPattern] = {}
    for language in ("nl", "en"):
        with translation.override(language):
            for route, pattern in _patterns(get_resolver().url_patterns):
                for url in _sample_urls(route, samples):
                    urls.setdefault(url, pattern)
    return urls


# --- Finding calls to authenticate() and login() ---------------------------------------------


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _calls_auth(function) -> bool:
    function = inspect.unwrap(function)
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    scope = function.__globals__
    for part in _code_objects(code):
        for name in part.co_names:
            target = scope.get(name)
            if any(target is call for call in AUTH_CALLS):
                return True
            if target is django.contrib.auth and {"authenticate", "login"} & set(part.co_names):
                return True
    return False


def _functions_of(cls) -> Iterator:
    for klass in cls.__mro__:
        if klass.__module__.startswith(("django.views.", "django.forms.", "builtins")):
            continue
        for value in vars(klass).values():
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if inspect.isfunction(value):
                yield value


def view_calls_auth(view) -> bool:
    """Whether the view, its methods or its form call authenticate() or login() themselves."""
    cls = getattr(view, "view_class", None) or getattr(view, "cls", None)
    if cls is None:
        return _calls_auth(view)
    functions = list(_functions_of(cls))
    form_class = getattr(cls, "form_class", None)
    if inspect.isclass(form_class):
        functions += list(_functions_of(form_class))
    return any(_calls_auth(function) for function in functions)


# --- The people who look ---------------------------------------------------------------------


def _staff_with_totp(**extra):
    staff = UserFactory(is_staff=True, is_superuser=True, **extra)
    return staff, enable_totp(staff)


def _signed_in_with_mfa(user, secret) -> Client:
    # Some admin views answer a made-up id with an error; that is not a password door.
    client = Client(raise_request_exception=False)
    client.post("/nl/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    client.post("/nl/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert "_auth_user_id" in client.session
    return client


def _shows_password_input(response) -> bool:
    """A password box in an HTML page, or in HTML inside JSON (the admin's modal dialogs)."""
    content_type = response.get("Content-Type", "")
    if response.status_code != 200 or response.streaming:
        return False
    if not content_type.startswith(("text/html", "application/json")):
        return False
    text = response.content.decode(errors="replace").replace('\\"', '"')
    return bool(PASSWORD_INPUT.search(text))


def _is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)


def _password_form(url: str, html: str) -> tuple[str, str]:
    """Where the page's password form posts to, and the form's HTML (the page if no form)."""
    for attributes, body in FORM.findall(html):
        if PASSWORD_INPUT.search(body):
            action = re.search(r"\baction=[\"']([^\"']*)", attributes)
            return (action.group(1) if action and action.group(1) else url), body
    return url, html


def _form_fields(html: str, password: str, login: str) -> dict[str, str]:
    """What a person would type: the login address and `password` in every password box."""
    data = {}
    for tag in INPUT.findall(html):
        name = re.search(r"\bname=[\"']([^\"']+)", tag)
        if not name or name.group(1) == "csrfmiddlewaretoken":
            continue
        kind = (re.search(r"\btype=[\"']?(\w+)", tag) or [None, "text"])[1].lower()
        value = re.search(r"\bvalue=[\"']([^\"']*)", tag)
        if kind == "password":
            data[name.group(1)] = password
        elif kind in ("email", "text") and name.group(1) in ("login", "email", "username"):
            data[name.group(1)] = login
        elif kind == "checkbox":
            data[name.group(1)] = "on"
        elif value:
            data[name.group(1)] = value.group(1)
    return data or {"login": login, "email": login, "username": login, "password": password}


# --- The test --------------------------------------------------------------------------------


@pytest.fixture
def restricted_page(home) -> StandardPage:
    """A page behind a shared password: Wagtail renders a password form for it."""
    page = home.add_child(instance=StandardPage(title="Besloten", slug="besloten"))
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="gedeeld-geheim"
    )
    return page


def find_password_doors(restricted_page) -> tuple[dict[str, Door], dict[str, URLPattern]]:
    page_ids = [str(restricted_page.pk)]
    restriction = PageViewRestriction.objects.get(page=restricted_page)
    samples = {
        "int": page_ids,
        # Numbers fit most <str:...> ids in the admin too.
        "str": page_ids,
        "slug": ["x"],
        "path": ["x"],
        "uuid": ["00000000-0000-0000-0000-000000000000"],
        # Wagtail's page-serving catch-all: the home pages and the restricted page.
        "((?:[\\w\\-]+/)*)": [],
    }
    samples["nl/((?:[\\w\\-]+/)*)"] = ["/nl/", "/nl/besloten/"]
    samples["en/((?:[\\w\\-]+/)*)"] = ["/en/"]
    for language in ("nl", "en"):
        route = f"{language}/_util/authenticate_with_password/<int:page_view_restriction_id>/"
        samples[route + "<int:page_id>/"] = [
            f"/{language}/_util/authenticate_with_password/{restriction.pk}/{restricted_page.pk}/"
        ]
    urls = _all_urls(samples)

    resident = UserFactory()
    resident_client = Client(raise_request_exception=False)
    resident_client.force_login(resident)
    staff, secret = _staff_with_totp()
    lookers = {
        "visitor": Client(raise_request_exception=False),
        "resident": resident_client,
        "staff": _signed_in_with_mfa(staff, secret),
    }

    doors: dict[str, Door] = {}
    for url, pattern in sorted(urls.items()):
        try:
            # i18n patterns resolve in the language their prefix names, as in a request.
            with translation.override(url.split("/")[1] if url[3:4] == "/" else None):
                match = resolve(url)
        except Resolver404:
            continue
        reachable = match.func is pattern.callback
        if reachable and view_calls_auth(pattern.callback):
            doors.setdefault(url, Door(url, pattern)).calls_auth = True
        if not reachable:
            continue  # shadowed by an earlier pattern (ours send Django's and Wagtail's away)
        for who, client in lookers.items():
            if who == "resident" and is_mfa_required_path(url):
                continue
            if _shows_password_input(client.get(url)):
                doors.setdefault(url, Door(url, pattern)).seen_by.add(who)
    return doors, urls


def _check_visitor_door(door: Door, problems: list[str]) -> None:
    staff, _secret = _staff_with_totp()
    visitor = Client()
    target, form = _password_form(door.url, visitor.get(door.url).content.decode())
    visitor.post(target, _form_fields(form, DEFAULT_PASSWORD, staff.email))
    if _is_signed_in(visitor):
        problems.append(f"{door.url}: the password alone signs in a staff member with TOTP")
    cache.clear()
    guesser = Client()
    statuses = [
        guesser.post(target, _form_fields(form, WRONG_PASSWORD, staff.email)).status_code
        for _guess in range(GUESSES)
    ]
    if 429 not in statuses:
        problems.append(f"{door.url}: {GUESSES} wrong passwords and no 429 ({statuses})")
    cache.clear()


def _check_signed_in_door(door: Door, problems: list[str]) -> None:
    visitor = Client()
    if _shows_password_input(visitor.get(door.url)):
        problems.append(f"{door.url}: open to visitors")
    if is_mfa_required_path(door.url):
        # Behind the MFA gate: a session that has the password but skipped the code stays out.
        staff, _secret = _staff_with_totp()
        half = Client()
        half.force_login(staff)
        location = half.get(door.url).get("Location", "")
        if not location.startswith("/nl/account/2fa/reauthenticate/"):
            problems.append(f"{door.url}: reachable without the second factor ({location!r})")
        return
    user = UserFactory()
    client = Client()
    client.force_login(user)
    target, form = _password_form(door.url, client.get(door.url).content.decode())
    statuses = [
        client.post(target, _form_fields(form, WRONG_PASSWORD, user.email)).status_code
        for _guess in range(GUESSES)
    ]
    if 429 not in statuses:
        problems.append(f"{door.url}: {GUESSES} wrong passwords and no 429 ({statuses})")
    cache.clear()


def password_door_problems(restricted_page) -> list[str]:
    doors, urls = find_password_doors(restricted_page)
    cache.clear()

    # The walk reached both languages, the admin and the page tree (it can find a door).
    assert {"/nl/account/login/", "/en/account/login/", "/admin/pages/"} <= set(urls)
    assert {"/nl/account/login/", "/en/account/signup/", "/nl/besloten/"} <= set(doors)

    problems: list[str] = []
    for door in doors.values():
        if "visitor" in door.seen_by or (door.calls_auth and not door.seen_by):
            _check_visitor_door(door, problems)
        else:
            _check_signed_in_door(door, problems)
    return problems


def test_every_password_door_needs_mfa_and_limits_guesses(restricted_page):
    problems = password_door_problems(restricted_page)
    assert problems == [], "\n".join(problems)


def test_the_url_walk_finds_a_plain_django_login_by_its_code():
    """The code inspection recognises Django's LoginView (and so a copy of it anywhere)."""
    from django.contrib.auth.views import LoginView

    from portal.accounts.views import admin_logout, page_password

    assert view_calls_auth(LoginView.as_view())
    assert not view_calls_auth(admin_logout)
    assert not view_calls_auth(page_password)


def test_page_passwords_are_limited(client, restricted_page):
    restriction = PageViewRestriction.objects.get(page=restricted_page)
    url = f"/nl/_util/authenticate_with_password/{restriction.pk}/{restricted_page.pk}/"
    guesses = [
        client.post(url, {"password": WRONG_PASSWORD, "return_url": "/nl/besloten/"})
        for _guess in range(11)
    ]

    assert [response.status_code for response in guesses[:10]] == [200] * 10
    assert guesses[10].status_code == 429
    assert 50 <= int(guesses[10]["Retry-After"]) <= 60
    # The right password still works for someone else.
    other = Client(REMOTE_ADDR="198.51.100.9")
    response = other.post(url, {"password": "gedeeld-geheim", "return_url": "/nl/besloten/"})
    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME in other.cookies
