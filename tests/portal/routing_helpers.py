"""Comparing portal.routing with Wagtail's own routing, for the routing tests."""

from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from portal import routing


def outcome(result) -> tuple | None:
    """What a visitor gets from a route: which page, as which type, with which arguments."""
    if result is None:
        return None
    page, args, kwargs = result
    return (page.pk, type(page), tuple(args), dict(kwargs))


def both_routes(path: str, language: str = "nl") -> tuple[tuple | None, tuple | None]:
    """(portal.routing's answer, Wagtail's answer) for `path` below the site's home page in
    `language`, each on a request of its own."""
    factory = RequestFactory()
    with translation.override(language):
        ours = routing.route_for_request(factory.get("/"), path)
        wagtails = Page.route_for_request(factory.get("/"), path)
    return outcome(ours), outcome(wagtails)
