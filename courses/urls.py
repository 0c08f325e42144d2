"""The booker's pages of a classroom session (booking_views.py, payment_views.py), and the
learner's own pages: start a course, see the code once, mail it, continue with a code;
download one's certificate (asked for on the course page), and anyone's check of a
certificate's code.
Included at /<language>/trainingen/ (portal/urls.py); these few slugs hide a course of the
same name."""

from django.urls import path

from . import booking_views, payment_views, views
from .certificates import views as certificate_views

app_name = "courses"
urlpatterns = [
    path("starten/", views.start, name="start"),
    path("uw-code/", views.code, name="code"),
    path("uw-code/mailen/", views.mail_code, name="mail_code"),
    path("doorgaan/", views.resume, name="resume"),
    path("mijn-trainingen/", views.my_learning, name="my_learning"),
    # Classroom sessions: book, then the booking's own page, opened by its signed token.
    path("boeken/<int:session_id>/", booking_views.book, name="book"),
    path("boeking/<str:token>/", booking_views.booking, name="booking"),
    path("boeking/<str:token>/annuleren/", booking_views.cancel, name="booking_cancel"),
    path(
        "boeking/<str:token>/plaats-aannemen/",
        booking_views.accept_offer,
        name="booking_accept_offer",
    ),
    path(
        "boeking/<str:token>/deelnemers/",
        booking_views.participants,
        name="booking_participants",
    ),
    # A participant's certificate of attendance, opened with the booking's link.
    path(
        "boeking/<str:token>/certificaat/<int:participant_id>/",
        certificate_views.participant_certificate_download,
        name="participant_certificate",
    ),
    # Paying a booking, its invoices, and Stripe's webhook (payment_views.py).
    path("betalen/stripe/webhook/", payment_views.stripe_webhook, name="stripe_webhook"),
    path("betalen/<str:token>/", payment_views.payment_choice, name="payment_choice"),
    path("betalen/<str:token>/klaar/", payment_views.payment_return, name="payment_return"),
    path(
        "betalen/<str:token>/factuur/<int:invoice_pk>/",
        payment_views.invoice_download,
        name="invoice_download",
    ),
    path(
        "certificaat/downloaden/<int:pk>/",
        certificate_views.download,
        name="certificate_download",
    ),
    path("certificaat/controleren/", certificate_views.verify, name="certificate_verify"),
    path(
        "certificaat/controleren/<str:code>/",
        certificate_views.verify_code,
        name="certificate_verify_code",
    ),
]
