"""Per-IP rate limit for public forms (advice question, newsletter sign-up).

Reuses allauth's rate limiter, so the counting, cache locking and client address are the same
as for logins. The address comes from our AccountAdapter.get_client_ip, which uses
portal/security/client_address.py: REMOTE_ADDR, or the X-Forwarded-For entry added by our own
proxies when TRUSTED_PROXY_COUNT > 0; a malformed header is ignored, never an error. allauth's
public `consume()` reads its rates from ACCOUNT_RATE_LIMITS only, so we call the function it
wraps with our own rate.

A refused form shows itself again with what was typed (RATE_LIMITED_MESSAGE), as a 429.
"""

from http import HTTPStatus

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

ACTION = "public_form"


def allow_public_form_post(request: HttpRequest, action: str = ACTION) -> bool:
    """Count one POST against the per-IP limit; False once the limit is used up.

    Each form passes its own `action`, so a visitor who asked a question can still sign up
    for the newsletter. GET requests are never counted: reading a form is free.
    """
    return allow_request(request, action, settings.PUBLIC_FORM_RATE_LIMIT)


def allow_request(request: HttpRequest, action: str, rate: str) -> bool:
    """Count one request for `action` against `rate` (allauth's notation, "120/m/ip");
    False once it is used up. For pages that cost the server work per request (search)."""
    usage = allauth_ratelimit.consume(
        request, app="portal", action=action, config={action: rate}, limit_get=True
    )
    return usage is not None


# For forms that show themselves again when refused, so nothing typed is lost.
RATE_LIMITED_MESSAGE = _(
    "We received many messages from your connection in a short time, so this was not sent. "
    "Wait a minute and send it again: what you typed is still here."
)


def mark_rate_limited(response: HttpResponse) -> HttpResponse:
    """Make `response` (for example the form again, with RATE_LIMITED_MESSAGE) a 429."""
    response.status_code = HTTPStatus.TOO_MANY_REQUESTS
    response["Retry-After"] = "60"
    add_never_cache_headers(response)
    return response
