"""The private status link of a request: a random token, of which only the digest is stored.

The token is made once, when the request is sent, shown on the thank-you page and mailed to the
requester; nothing can make it again. A guessed or mistyped token finds nothing, the same way
as an unknown one. Apart from requests.py so that the messages can build the link without
importing the use cases.
"""

import hashlib
import secrets

from portal.mail.services import absolute_url

from ..records import SessionRequest

# 32 random bytes: 256 bits, far beyond guessing.
_TOKEN_BYTES = 32


def new_token() -> tuple[str, str]:
    """A fresh token and its digest."""
    token = secrets.token_urlsafe(_TOKEN_BYTES)
    return token, digest(token)


def digest(token: str) -> str:
    # A plain SHA-256: the token carries 256 bits of randomness, so no salt or slow hash is
    # needed to stop guessing from a stolen digest.
    return hashlib.sha256(token.encode()).hexdigest()


def request_for_token(token: str) -> SessionRequest | None:
    if not token or len(token) > 100:
        return None
    return (
        SessionRequest.objects.select_related("municipality", "theme", "confirmed_expert__profile")
        .filter(status_token_digest=digest(token), anonymised_at__isnull=True)
        .first()
    )


def status_url(token: str, language: str) -> str:
    return absolute_url("experts:request_status", args=(token,), language=language)
