"""The visitor's IP address for per-IP limits: REMOTE_ADDR, or what our own proxies forwarded.

Behind N trusted proxies (settings.TRUSTED_PROXY_COUNT, read by allauth as
ALLAUTH_TRUSTED_PROXY_COUNT), the N-th X-Forwarded-For entry from the right is the address our
outermost proxy saw; entries to its left were written by the client and prove nothing. With
N = 0 (the default) the header is ignored: anyone can send it.

Unlike allauth's own reading, nothing here raises. A header that is malformed, or shorter than
the proxy count (a request that reached the app without passing every proxy), is ignored and
REMOTE_ADDR counts: allauth answered such requests with a 403 and a traceback in the log, or a
500 when the header was too short.
"""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)

# Every request without a usable address shares one counter: stricter, never looser.
UNKNOWN_CLIENT = "unknown"


def parse_address(value: str | None) -> str | None:
    """`value` as a normalised IP address ("[2001:db8::1]:443" -> "2001:db8::1"), or None."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [IPv6] or [IPv6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # IPv4:port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def forwarded_address(request: HttpRequest, trusted_proxy_count: int) -> str | None:
    """The address our outermost trusted proxy saw, or None when the header cannot tell."""
    if trusted_proxy_count <= 0:
        return None
    header = request.headers.get("x-forwarded-for", "")
    entries = [entry.strip() for entry in header.split(",")] if header else []
    if len(entries) < trusted_proxy_count:
        return None
    return parse_address(entries[-trusted_proxy_count])


def client_address(request: HttpRequest) -> str:
    """The client's IP address as our own proxies saw it; never raises."""
    address = forwarded_address(request, settings.TRUSTED_PROXY_COUNT) or parse_address(
        request.META.get("REMOTE_ADDR")
    )
    if address is None:
        # A set-up problem (for example a Unix socket without TRUSTED_PROXY_COUNT), not the
        # visitor's doing: say so once per request, without a traceback or the header's text.
        logger.warning("No usable client address; check TRUSTED_PROXY_COUNT.")
        return UNKNOWN_CLIENT
    return address
