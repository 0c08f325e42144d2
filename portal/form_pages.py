"""The public form page: an introduction, a form, and a thank-you text once it was sent.

An app's request form is a page subclass that names its form, and a form that says what
sending it does (a service call). The template extends "portal/form_page.html".

    # models.py: a dotted path, so the page module never imports the form or the services
    class SessionRequestPage(FormPage):
        form_class = "experts.forms.SessionRequestForm"

    # forms.py
    class SessionRequestForm(PageForm):
        organisation = forms.CharField(label=_("Organisation"))

        def submit(self, request) -> dict:
            request_session(organisation=self.cleaned_data["organisation"], locale=self.page.locale)
            return {}

What every form page then does the same way:
- GET shows the form; a valid POST calls the form's `submit()` and redirects to the page
  (post/redirect/get). What `submit()` returned (JSON) waits in the session for that GET and is
  shown once as the thank-you (`thank_you` in the template); it never travels in the address.
- A per-IP rate limit per page type: a refused POST is a 429 that shows the form as typed.
- The honeypot (portal/forms.py): a bot gets the thank-you it expects (`decoy_thank_you()`)
  and nothing is submitted.
- A refused CSRF check (the session expired, or the quick exit cleared the cookies) shows the
  form again as typed, with a fresh token: the CSRF failure view calls
  `serve_after_csrf_failure()`.
- `submit()` raises `SubmissionFailed` to show the form again, as typed, with a message.
- Neither the form nor the thank-you is ever kept by a browser or a proxy (no-store).
"""

from functools import cache
from typing import Any, ClassVar

from django.core import checks
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.forms import PublicForm
from portal.ratelimit import RATE_LIMITED_MESSAGE, allow_public_form_post, mark_rate_limited
from portal.security.error_views import SESSION_EXPIRED_MESSAGE

ThankYou = dict[str, Any]


class SubmissionFailed(Exception):
    """Raised by `PageForm.submit()` when nothing could be stored; the form shows `message`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PageForm(PublicForm):
    """The form of a FormPage: its fields, and what sending it does (`submit`)."""

    def __init__(self, *args, page: "FormPage", **kwargs) -> None:
        self.page = page
        super().__init__(*args, **kwargs)

    def submit(self, request: HttpRequest) -> ThankYou:
        """Do what the form is for with `cleaned_data`; return what the thank-you shows."""
        raise NotImplementedError

    def decoy_thank_you(self) -> ThankYou:
        """What a bot caught by the honeypot sees: shaped like a real thank-you."""
        return {}


@cache
def _resolve(form_class: str) -> type[PageForm]:
    return import_string(form_class)


class FormPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown below the confirmation once the form was sent."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you_text")]
    subpage_types: list[str] = []

    # A PageForm subclass, or its dotted path (which keeps models.py free of the import).
    form_class: ClassVar[str | type[PageForm]]

    class Meta:
        abstract = True

    @classmethod
    def get_form_class(cls) -> type[PageForm]:
        form_class = cls.form_class
        return _resolve(form_class) if isinstance(form_class, str) else form_class

    @classmethod
    def check(cls, **kwargs) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        try:
            form_class = cls.get_form_class()
        except (AttributeError, ImportError) as error:
            return [*errors, checks.Error(f"form_class: {error}", obj=cls, id="form_pages.E001")]
        if not issubclass(form_class, PageForm):
            message = f"form_class {form_class.__name__} is not a portal.form_pages.PageForm."
            errors.append(checks.Error(message, obj=cls, id="form_pages.E001"))
        return errors

    @property
    def rate_limit_action(self) -> str:
        # One counter per page type: a visitor who asked a question can still sign up.
        return self._meta.label_lower

    @property
    def thank_you_session_key(self) -> str:
        return f"form_page_thank_you:{self.pk}"

    def get_form(self, data=None) -> PageForm:
        return self.get_form_class()(data, page=self)

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = self._serve(request)
        # The form and the thank-you are personal: no browser or proxy may keep them.
        add_never_cache_headers(response)
        return response

    def serve_after_csrf_failure(self, request: HttpRequest) -> HttpResponse:
        """The POST was refused (session expired, cookies cleared): the form again, as typed,
        with a fresh token. The caller (the CSRF failure view) sets the status."""
        form = self.get_form(request.POST)
        form.add_error(None, SESSION_EXPIRED_MESSAGE)
        return self.render_form_page(request, form=form)

    def _serve(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            thank_you = request.session.pop(self.thank_you_session_key, None)
            if thank_you is not None:
                return self.render_form_page(request, thank_you=thank_you)
            return self.render_form_page(request, form=self.get_form())
        form = self.get_form(request.POST)
        if not allow_public_form_post(request, action=self.rate_limit_action):
            # Refused, but what was typed stays on the screen.
            form.add_error(None, RATE_LIMITED_MESSAGE)
            return mark_rate_limited(self.render_form_page(request, form=form))
        if not form.is_valid():
            return self.render_form_page(request, form=form)
        if form.is_spam():
            # The same answer as a real submission, so a bot cannot tell it was caught.
            thank_you = form.decoy_thank_you()
        else:
            try:
                thank_you = form.submit(request)
            except SubmissionFailed as failure:
                form.add_error(None, failure.message)
                return self.render_form_page(request, form=form)
        request.session[self.thank_you_session_key] = thank_you
        return HttpResponseRedirect(self.url)

    def render_form_page(
        self,
        request: HttpRequest,
        *,
        form: PageForm | None = None,
        thank_you: ThankYou | None = None,
    ) -> TemplateResponse:
        context = self.get_context(request)
        context.update({"form": form, "thank_you": thank_you})
        return TemplateResponse(request, self.get_template(request), context)
