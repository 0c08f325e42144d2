"""The links in the newsletter's emails: confirm and unsubscribe (GET asks, POST acts).

The sign-up page itself is a form page (NewsletterSignupPage, portal/form_pages.py).
"""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services


def _token_view(request: HttpRequest, token: str, *, check, act, template: str) -> HttpResponse:
    # Link scanners in mail filters follow every link with GET: only the button's POST acts.
    try:
        check(token)
    except services.InvalidToken:
        return TemplateResponse(request, template, {"state": "invalid"}, status=404)
    if request.method == "POST":
        try:
            act(token)
        except services.InvalidToken:
            return TemplateResponse(request, template, {"state": "invalid"}, status=404)
        return TemplateResponse(request, template, {"state": "done"})
    return TemplateResponse(request, template, {"state": "ask"})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    return _token_view(
        request,
        token,
        check=services.check_confirmation_token,
        act=services.confirm,
        template="newsletter/confirm.html",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    return _token_view(
        request,
        token,
        check=services.check_unsubscribe_token,
        act=services.unsubscribe,
        template="newsletter/unsubscribe.html",
    )
