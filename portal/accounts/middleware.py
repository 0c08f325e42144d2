"""Account middleware: Retry-After on 429.

The MFA gate and no-store for the account area are declared on the views themselves
(portal.accounts.decorators, portal.security.areas.never_stored; see portal/urls.py), not
listed by path here.
"""

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

from . import ratelimit


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
