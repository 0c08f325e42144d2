"""Our versions of allauth MFA pages, included before allauth.urls under the same paths."""

from django.urls import path

from . import mfa_views

urlpatterns = [
    path("2fa/totp/activate/", mfa_views.activate_totp, name="mfa_activate_totp"),
    path("2fa/totp/deactivate/", mfa_views.deactivate_totp, name="mfa_deactivate_totp"),
    path("2fa/recovery-codes/", mfa_views.view_recovery_codes, name="mfa_view_recovery_codes"),
]
