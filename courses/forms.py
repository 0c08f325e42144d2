"""The forms of courses: booking a classroom session and naming its participants; and the
learner's: typing a resume code, an address to mail one's own code to, the name
for a certificate and a certificate code to verify."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.forms import PublicForm

from . import codes
from .classroom import BookingKind
from .services import certificates
from .services.bookings import MAX_SEATS_PER_BOOKING


class ResumeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        help_text=_("The code you got when you started, for example K7QM-3XW9-0BRT-M4ZD."),
        max_length=codes.MAX_TYPED_LENGTH,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class MailCodeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send the code once and do not keep your address."),
        max_length=254,
    )


UNKNOWN_CODE = _("We do not know this code. Check it against what you wrote down and try again.")


class CertificateForm(forms.Form):
    """The name to print on a certificate (courses/services/certificates.py cleans it)."""

    name = forms.CharField(
        label=_("Name on the certificate"),
        help_text=_(
            "As it should be printed, for example with your initials or middle name. Only the "
            "certificate and its verification page show it."
        ),
        # No max_length here: a browser would cut a pasted name short without a word; the
        # service says how long it may be.
        strip=True,
        error_messages={"required": certificates.NAME_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )

    def clean_name(self) -> str:
        return certificates.clean_learner_name(self.cleaned_data["name"])


NOT_A_CODE = _(
    "A verification code has 16 letters and digits, for example K7QM-3XW9-0BRT-M4ZD. Check "
    "what you typed against the certificate."
)


class VerifyForm(forms.Form):
    """A certificate's verification code, as someone copies it from the paper."""

    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("On the certificate, next to the QR code, for example K7QM-3XW9-0BRT-M4ZD."),
        max_length=codes.MAX_TYPED_LENGTH,
        strip=True,
        error_messages={
            "required": _("Type the verification code from the certificate."),
            "max_length": NOT_A_CODE,
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(NOT_A_CODE, code="invalid")
        return code


# --- Classroom bookings --------------------------------------------------------------------------


class BookingForm(PublicForm):
    """Booking a session: who books, for how many, and what accreditation needs; nothing more.

    A participant booking one seat gives their register and registration number here; a group
    booking's contact names the participants later, on the booking's page."""

    kind = forms.ChoiceField(
        label=_("Who do you book for?"),
        choices=BookingKind.choices,
        initial=BookingKind.SINGLE,
        widget=forms.RadioSelect,
    )
    seats = forms.IntegerField(
        label=_("Number of seats"),
        help_text=_("Only for several seats. You name the participants later."),
        min_value=2,
        max_value=MAX_SEATS_PER_BOOKING,
        required=False,
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name.")},
    )
    contact_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send the confirmation and the link to your booking here."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.nl."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("For example your school or team. Required for several seats."),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    accreditation_register = forms.CharField(
        label=_("Professional register"),
        help_text=_("Only if you want accreditation points, for example Registerplein or SKJ."),
        max_length=100,
        required=False,
    )
    registration_number = forms.CharField(
        label=_("Registration number"),
        help_text=_("Your number in that register."),
        max_length=50,
        required=False,
    )
    neutral_messages = forms.BooleanField(
        label=_("Use neutral subject lines in emails and calendar entries"),
        help_text=_("The subject does not name the course, for example when others read along."),
        required=False,
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("kind") == BookingKind.GROUP:
            if not cleaned.get("seats"):
                self.add_error("seats", _("Enter how many seats you book (at least 2)."))
            if not cleaned.get("organisation"):
                self.add_error("organisation", _("Enter the organisation you book for."))
        else:
            cleaned["seats"] = 1
        if cleaned.get("registration_number") and not cleaned.get("accreditation_register"):
            self.add_error(
                "accreditation_register", _("Enter the register your number belongs to.")
            )
        return cleaned


BOOKING_CLOSED = _(
    "Booking for this date has closed, or the date was cancelled. Choose another date on the "
    "course page."
)


def not_enough_seats(free: int) -> str:
    if free == 0:
        return str(
            _("This date is full. Book one seat to join the waiting list, or choose another date.")
        )
    return str(
        ngettext(
            "Only %(count)d seat is left. Book fewer seats, or choose another date.",
            "Only %(count)d seats are left. Book fewer seats, or choose another date.",
            free,
        )
        % {"count": free}
    )


class ParticipantForm(forms.Form):
    """One seat of a group booking: who sits in it."""

    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    email = forms.EmailField(label=_("Email address"), max_length=254, required=False)
    accreditation_register = forms.CharField(
        label=_("Professional register"), max_length=100, required=False
    )
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=50, required=False
    )


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=0, max_num=MAX_SEATS_PER_BOOKING)
