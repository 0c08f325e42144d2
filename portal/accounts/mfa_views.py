"""allauth's TOTP and recovery-codes pages, adapted to Steiger.

A staff member sent from /admin/ to set up TOTP used to end on the recovery codes with no way
on: allauth drops ?next= when the activation form is posted. These subclasses carry it through
and give the recovery-codes page a "continue" link. An account that must keep TOTP is told why
on the deactivation page instead of being offered a button that cannot work.
"""

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.recovery_codes import views as recovery_codes_views
from allauth.mfa.totp import views as totp_views
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import reverse
from django.utils.http import urlencode

from . import services


def _with_next(url: str, next_url: str | None) -> str:
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else url


class ActivateTOTPView(totp_views.ActivateTOTPView):
    template_name = "allauth/mfa/totp_activate.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        next_url = get_next_redirect_url(self.request)
        context["action_url"] = _with_next(reverse("mfa_activate_totp"), next_url)
        return context

    def get_success_url(self) -> str:
        next_url = get_next_redirect_url(self.request)
        if self.did_generate_recovery_codes:
            # The codes first (they are shown once here), with the way on.
            return _with_next(reverse("mfa_view_recovery_codes"), next_url)
        return next_url or reverse("mfa_index")


class DeactivateTOTPView(totp_views.DeactivateTOTPView):
    """allauth's page to switch TOTP off; for an account that must keep it, only the reason.

    The refusal itself is in MFAAdapter.can_delete_authenticator (the form checks it on every
    post). Asking for a code first, only to refuse afterwards, would waste the user's time.
    """

    template_name = "allauth/mfa/totp_deactivate.html"

    def _dispatch(self, request, *args, **kwargs):
        if not get_mfa_adapter().can_delete_authenticator(self.authenticator):
            # Skips allauth's re-authentication: nothing can be changed here anyway.
            return super(totp_views.DeactivateTOTPView, self).dispatch(request, *args, **kwargs)
        return super()._dispatch(request, *args, **kwargs)


class ViewRecoveryCodesView(recovery_codes_views.ViewRecoveryCodesView):
    template_name = "allauth/mfa/recovery_codes.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["continue_url"] = get_next_redirect_url(self.request) or self._default_next()
        return context

    def _default_next(self) -> str:
        # Staff and role accounts set up MFA to reach the admin; residents manage their account.
        if services.requires_mfa(self.request.user):
            return reverse("wagtailadmin_home")
        return reverse("accounts:overview")


activate_totp = ActivateTOTPView.as_view()
deactivate_totp = DeactivateTOTPView.as_view()
view_recovery_codes = ViewRecoveryCodesView.as_view()
