"""Links that apps add to "my account" (a door: portal/ knows no app).

An app registers, in its wagtail_hooks.py, a function under ACCOUNT_LINKS_HOOK that takes the
request and returns an AccountLink, or None when the link does not apply to this user.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail import hooks

ACCOUNT_LINKS_HOOK = "steiger_account_links"


@dataclass(frozen=True)
class AccountLink:
    label: str
    url: str


def account_links(request: HttpRequest) -> list[AccountLink]:
    """The apps' links for this user, in the order the apps were registered."""
    links = (hook(request) for hook in hooks.get_hooks(ACCOUNT_LINKS_HOOK))
    return [link for link in links if link is not None]
