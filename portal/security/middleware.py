"""Choose the Content-Security-Policy by area: strict for the public, documented for admins."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class AreaSecurityPolicyMiddleware:
    """Gives the Wagtail and Django admins their own CSP (settings.ADMIN_CSP).

    Must sit *after* django.middleware.csp.ContentSecurityPolicyMiddleware in MIDDLEWARE, so this
    response hook runs first and the CSP middleware builds the header from our choice. Public
    pages keep settings.SECURE_CSP, which has no 'unsafe-inline' for scripts.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_PATH_PREFIXES) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        return response
