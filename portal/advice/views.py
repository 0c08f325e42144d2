"""Serving the advice question page: form on GET, submit on POST, thank-you after redirect."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from portal.ratelimit import RATE_LIMITED_MESSAGE, allow_public_form_post, mark_rate_limited
from portal.security.error_views import SESSION_EXPIRED_MESSAGE

from .forms import AdviceQuestionForm
from .services import AdviceQuestionError, new_reference, submit_advice_question

SESSION_KEY = "advice_reference"
SUBMIT_FAILED = _(
    "Your question could not be saved just now. Please try again; what you typed is still here."
)


def serve_advice_page(page, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    response = _serve(page, request)
    # The form and the thank-you page are personal: no browser or proxy may keep them.
    add_never_cache_headers(response)
    return response


def serve_after_csrf_failure(page, request: HttpRequest) -> HttpResponse:
    """The POST was refused (session expired, cookies cleared): the form again, as typed, with
    a fresh token. settings.CSRF_FAILURE_FORM_VIEWS points here; the caller sets the status."""
    form = AdviceQuestionForm(request.POST, locale_id=page.locale_id)
    form.add_error(None, SESSION_EXPIRED_MESSAGE)
    return _render(page, request, form=form, reference=None)


def _serve(page, request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = AdviceQuestionForm(request.POST, locale_id=page.locale_id)
        if not allow_public_form_post(request, action="advice_question"):
            # Refused, but what was typed stays on the screen.
            form.add_error(None, RATE_LIMITED_MESSAGE)
            return mark_rate_limited(_render(page, request, form=form, reference=None))
        if form.is_valid():
            if form.is_spam():
                # Same answer as a real submission, so a bot cannot tell it was caught.
                reference = new_reference()
            else:
                try:
                    reference = submit_advice_question(
                        role=form.cleaned_data["role"],
                        question=form.cleaned_data["question"],
                        email=form.cleaned_data["email"],
                        email_consent=form.cleaned_data["email_consent"],
                        municipality=form.cleaned_data["municipality"],
                        locale=page.locale,
                        user=request.user,
                    ).reference
                except AdviceQuestionError:
                    reference = None
                    form.add_error(None, SUBMIT_FAILED)
            if reference:
                # Post/redirect/get; the reference travels in the session, never in the URL.
                request.session[SESSION_KEY] = reference
                return HttpResponseRedirect(page.url)
    else:
        reference = request.session.pop(SESSION_KEY, None)
        if reference:
            return _render(page, request, form=None, reference=reference)
        form = AdviceQuestionForm(locale_id=page.locale_id)
    return _render(page, request, form=form, reference=None)


def _render(page, request, *, form, reference) -> TemplateResponse:
    context = page.get_context(request)
    context.update({"form": form, "reference": reference})
    return TemplateResponse(request, page.get_template(request), context)
