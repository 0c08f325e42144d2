"""View decorators for areas that need a second factor."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from . import services


def require_mfa(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; users who must use MFA also need TOTP, used in this session.

    For views outside settings.MFA_REQUIRED_PATH_PREFIXES (the middleware covers those):
    for example an expert's inbox.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        redirect = services.mfa_gate(request)
        if redirect is not None:
            add_never_cache_headers(redirect)
            return redirect
        return view(request, *args, **kwargs)

    return login_required(wrapper)
