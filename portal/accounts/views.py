"""The account overview, data download and account deletion. Thin: services do the work."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import services
from .forms import DeleteAccountForm


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    context = {"has_totp": services.has_totp(request.user)}
    return render(request, "accounts/overview.html", context)


@login_required
@require_GET
def download_data(request: HttpRequest) -> HttpResponse:
    data = services.export_account(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    # A neutral file name: it may end up in a shared Downloads folder.
    response["Content-Disposition"] = 'attachment; filename="steiger-gegevens.json"'
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        # Sign out first: the session must not outlive the account it belongs to.
        logout(request)
        services.delete_account(user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
