"""When allauth's rate limits let a client try again: the value of the Retry-After header.

allauth answers an exhausted limit with a bare 429. We read the same counters allauth keeps (its
cache keys and rates, the way portal/ratelimit.py reuses its limiter) and say how many seconds
remain until the oldest counted attempt leaves the window.
"""

import math
import time

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache
from django.http import HttpRequest

APP = "allauth.account"

# Which of allauth's rate-limit actions each of its views counts.
ACTIONS_BY_URL_NAME: dict[str, tuple[str, ...]] = {
    "account_login": ("login_failed", "login"),
    "account_signup": ("signup",),
    "account_email": ("manage_email",),
    "account_change_password": ("change_password",),
    "account_set_password": ("change_password",),
    "account_reset_password": ("reset_password",),
    "account_reset_password_from_key": ("reset_password_from_key",),
    "account_reauthenticate": ("reauthenticate",),
    "mfa_reauthenticate": ("reauthenticate",),
    "wagtailcore_authenticate_with_password": ("page_password",),
}
# A 429 from a view not listed above (a future allauth action): a minute is what most limits use.
DEFAULT_SECONDS = 60


def seconds_until_allowed(request: HttpRequest, action: str, *, key: str | None = None) -> int:
    """Seconds until `action` is allowed again for this request; 0 when it is allowed now.

    Rates counted per key are checked only when `key` is given (the login address, for example).
    """
    now = time.time()
    waits = [0.0]
    for rate in allauth_ratelimit.get_rates(app=APP, action=action):
        if rate.per == "key" and key is None:
            continue
        if rate.per == "user" and not request.user.is_authenticated:
            continue
        cache_key = allauth_ratelimit.get_cache_key(
            request, app=APP, action=action, rate=rate, key=key
        )
        counted = sorted(
            (stamp for stamp in cache.get(cache_key, []) if stamp > now - rate.duration),
            reverse=True,
        )
        if len(counted) >= rate.amount:
            waits.append(counted[rate.amount - 1] + rate.duration - now)
    return math.ceil(max(waits))


def retry_after(request: HttpRequest) -> int:
    """Retry-After for a 429 from one of allauth's views, from the limits that view counts."""
    match = request.resolver_match
    actions = ACTIONS_BY_URL_NAME.get(match.url_name if match else "", ())
    keys = _request_keys(request)
    waits = [seconds_until_allowed(request, action, key=keys.get(action)) for action in actions]
    return max(waits, default=0) or _longest_window(actions)


def _request_keys(request: HttpRequest) -> dict[str, str]:
    """The keys of the per-key counters this request was counted under."""
    keys = {}
    match = request.resolver_match
    restriction = match.kwargs.get("page_view_restriction_id") if match else None
    if restriction is not None:
        keys["page_password"] = f"page-password:{restriction}"
    login = request.POST.get("login", "")
    if login:
        # The failed-login key is ours (AccountAdapter._get_login_attempts_cache_key).
        keys["login_failed"] = get_adapter(request)._get_login_attempts_cache_key(
            request, email=login
        )
    email = request.POST.get("email", "")
    if email:
        keys["reset_password"] = email.strip().lower()
    return keys


def _longest_window(actions: tuple[str, ...]) -> int:
    durations = [
        rate.duration
        for action in actions
        for rate in allauth_ratelimit.get_rates(app=APP, action=action)
    ]
    return math.ceil(max(durations, default=DEFAULT_SECONDS))
