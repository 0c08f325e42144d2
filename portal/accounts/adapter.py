"""How allauth behaves on Steiger where its defaults are not what the spec asks."""

from types import SimpleNamespace
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Without django.contrib.sites allauth signs emails with the request's host name
        # ("Hallo van 127.0.0.1"); use the site's name, which is neutral by design.
        request = allauth_context.request
        domain = get_current_site(request).domain if request is not None else ""
        site = SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=domain)
        super().send_mail(template_prefix, email, {**context, "current_site": site})

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys failed logins on "<site domain>:<login>", and without django.contrib.sites
        # the domain is the request's Host header. Keying on the address alone means a second
        # allowed host (or a spoofed Host) does not buy extra guesses. Password reset clears the
        # counter through this same method, so both stay consistent.
        login = credentials.get("email", credentials.get("username", "")) or ""
        return f"login:{login.strip().lower()}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # allauth answers an exhausted "login_failed" limit with a form error (HTTP 200). The spec
        # asks for 429, so clients and monitoring see a throttle, with our own Dutch 429 page.
        # AccountMiddleware turns ImmediateHttpResponse into the response.
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(respond_429(request)) from error
            raise
