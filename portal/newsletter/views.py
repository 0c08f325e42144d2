"""Newsletter views: the sign-up page, and confirm/unsubscribe links (GET asks, POST acts)."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.ratelimit import RATE_LIMITED_MESSAGE, allow_public_form_post, mark_rate_limited
from portal.security.error_views import SESSION_EXPIRED_MESSAGE

from . import services
from .forms import NewsletterSignupForm

SESSION_KEY = "newsletter_signup_done"


def serve_signup_page(page, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    response = _serve_signup(page, request)
    add_never_cache_headers(response)
    return response


def serve_after_csrf_failure(page, request: HttpRequest) -> HttpResponse:
    """The POST was refused (session expired, cookies cleared): the form again, as typed, with
    a fresh token. settings.CSRF_FAILURE_FORM_VIEWS points here; the caller sets the status."""
    form = NewsletterSignupForm(request.POST)
    form.add_error(None, SESSION_EXPIRED_MESSAGE)
    return _render_signup(page, request, form=form, done=False)


def _serve_signup(page, request: HttpRequest) -> HttpResponse:
    done = False
    if request.method == "POST":
        form = NewsletterSignupForm(request.POST)
        if not allow_public_form_post(request, action="newsletter_signup"):
            # Refused, but the address stays in the box.
            form.add_error(None, RATE_LIMITED_MESSAGE)
            return mark_rate_limited(_render_signup(page, request, form=form, done=False))
        if form.is_valid():
            if not form.is_spam():
                services.request_subscription(
                    form.cleaned_data["email"], language=page.locale.language_code
                )
            request.session[SESSION_KEY] = True
            return HttpResponseRedirect(page.url)
    else:
        done = bool(request.session.pop(SESSION_KEY, False))
        form = NewsletterSignupForm()
    return _render_signup(page, request, form=form, done=done)


def _render_signup(page, request: HttpRequest, *, form, done: bool) -> TemplateResponse:
    context = page.get_context(request)
    context.update({"form": None if done else form, "done": done})
    return TemplateResponse(request, page.get_template(request), context)


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
