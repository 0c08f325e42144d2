"""Account middleware: MFA for protected areas, no caching of account pages, Retry-After on 429."""

from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from . import ratelimit, services

# Inside the admin prefixes, only the doors out (and the login redirect to allauth) stay open
# to someone who has not passed MFA yet.
MFA_EXEMPT_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/django-admin/login/",
    "/django-admin/logout/",
)


class RequireMultiFactorMiddleware:
    """allauth offers MFA but never demands it. This demands it where it matters.

    A signed-in user who must use MFA (services.requires_mfa) and requests a path under
    settings.MFA_REQUIRED_PATH_PREFIXES is sent to set up TOTP, or to enter a code if they have
    TOTP but did not use it in this session. allauth's own pages (login, logout, MFA setup) and
    static files live outside those prefixes and so are never blocked. Views elsewhere use
    portal.accounts.decorators.require_mfa.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        # The path first: public pages must not pay for loading the session and user.
        if (
            services.is_mfa_required_path(path)
            and path not in MFA_EXEMPT_PATHS
            and request.user.is_authenticated
        ):
            redirect = services.mfa_gate(request)
            if redirect is not None:
                add_never_cache_headers(redirect)
                return redirect
        return self.get_response(request)


class NoStoreAccountPagesMiddleware:
    """Account and MFA pages hold personal data, codes and secrets: never store them anywhere.

    `no-store` keeps them out of shared caches and out of the browser's back/forward history,
    which matters on a shared family computer.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(settings.ACCOUNT_AREA_PREFIXES):
            add_never_cache_headers(response)
        return response


class RetryAfterMiddleware:
    """allauth's 429 answers say when to try again (Retry-After, in seconds).

    allauth answers an exhausted rate limit with a bare 429; clients, monitoring and people
    deserve to know how long to wait. Responses that already carry the header are left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == HTTPStatus.TOO_MANY_REQUESTS and not response.has_header(
            "Retry-After"
        ):
            response["Retry-After"] = str(ratelimit.retry_after(request))
        return response
