"""Declarations that must hold for every answer about a view, not only for what the view returns."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from .areas import is_never_stored


class NeverStoredMiddleware:
    """Answers about a view declared `never_stored` say no-store, whoever made them.

    The view's decorator covers what the view returns; an answer a middleware makes from an
    exception the view raised (allauth turns a rate limit into a 429 that way) passes by it. The
    resolved view is still on the request, so its declaration is read from there.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and is_never_stored(match.func):
            add_never_cache_headers(response)
        return response
