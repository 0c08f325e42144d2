"""The payment pages of a booking, opened by its token, and Stripe's webhook. Included by
courses/urls.py under betalen/ (so the names are courses:payment_choice, ...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<str:token>/", views.payment_choice, name="payment_choice"),
    path("<str:token>/klaar/", views.payment_return, name="payment_return"),
    path(
        "<str:token>/factuur/<int:invoice_pk>/",
        views.invoice_download,
        name="invoice_download",
    ),
]
