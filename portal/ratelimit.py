"""Per-IP rate limit for public forms (advice question, newsletter sign-up).

Reuses allauth's rate limiter, so the counting, cache locking and client-IP logic (REMOTE_ADDR,
or the X-Forwarded-For entry added by our own proxies when TRUSTED_PROXY_COUNT > 0, through
ALLAUTH_TRUSTED_PROXY_COUNT) are the same as for logins. allauth's public `consume()` reads its
rates from ACCOUNT_RATE_LIMITS only, so we call the function it wraps with our own rate.
"""

from http import HTTPStatus

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

ACTION = "public_form"


def allow_public_form_post(request: HttpRequest, action: str = ACTION) -> bool:
    """Count one POST against the per-IP limit; False once the limit is used up.

    Each form passes its own `action`, so a visitor who asked a question can still sign up
    for the newsletter. GET requests are never counted: reading a form is free.
    """
    usage = allauth_ratelimit.consume(
        request,
        app="portal",
        action=action,
        config={action: settings.PUBLIC_FORM_RATE_LIMIT},
    )
    return usage is not None


def rate_limited_response(request: HttpRequest) -> HttpResponse:
    response = render(request, "portal/rate_limited.html", status=HTTPStatus.TOO_MANY_REQUESTS)
    response["Retry-After"] = "60"
    add_never_cache_headers(response)
    return response
