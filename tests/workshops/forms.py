"""The booking form of a WorkshopBookingPage (the form-page base: portal/form_pages.py)."""

from django import forms
from django.http import HttpRequest

from portal.form_pages import PageForm, SubmissionFailed, ThankYou
from portal.mail.addresses import validate_deliverable_address

from .models import WorkshopBooking, new_reference
from .services import NotBookable, book_seat

FULL_MESSAGE = "This workshop is full. Choose another date."


class BookingForm(PageForm):
    name = forms.CharField(
        label="Name",
        max_length=WorkshopBooking._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Enter your name."},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=WorkshopBooking._meta.get_field("email").max_length,
        validators=[validate_deliverable_address],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We send the confirmation to this address.",
        error_messages={"required": "Enter your email address."},
    )

    def submit(self, request: HttpRequest) -> ThankYou:
        workshop = self.page.workshop
        if workshop is None:
            raise SubmissionFailed(FULL_MESSAGE)
        try:
            booking = book_seat(
                workshop,
                name=self.cleaned_data["name"],
                email=self.cleaned_data["email"],
                language=self.page.locale.language_code,
                user=request.user,
            )
        except NotBookable as error:
            raise SubmissionFailed(FULL_MESSAGE) from error
        return {"reference": booking.reference}

    def decoy_thank_you(self) -> ThankYou:
        return {"reference": new_reference()}
