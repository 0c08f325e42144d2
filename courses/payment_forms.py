"""The payment choice: how to pay, and for an invoice where it goes (payment_views.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .classroom import PaymentMethod
from .payments import PaymentProvider

INVOICE_ADDRESS_REQUIRED = _(
    "Enter the invoice address: the name of the organisation, its address, postcode and town."
)
CHOOSE_METHOD = _("Choose how you would like to pay.")


class InvoiceAddressField(forms.CharField):
    """Needed only when paying by invoice: the form's `clean` checks that. Marked required so
    that its label is not called optional; the browser is not told (no `required`
    attribute), so choosing another method never gets stuck on it."""

    def validate(self, value: str) -> None:
        if value in self.empty_values:
            return
        super().validate(value)


class PaymentChoiceForm(forms.Form):
    use_required_attribute = False

    method = forms.ChoiceField(
        label=_("How would you like to pay?"),
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_METHOD, "invalid_choice": CHOOSE_METHOD},
    )
    invoice_address = InvoiceAddressField(
        label=_("Invoice address"),
        help_text=_(
            "Needed when you pay by invoice. The organisation's name, address, postcode and "
            "town, and a department or cost centre if your organisation asks for one."
        ),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
    )
    purchase_order = forms.CharField(
        label=_("Purchase order number"),
        help_text=_("If your organisation uses them: we print it on the invoice."),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, providers: list[PaymentProvider], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [
            (provider.identifier, provider.verbose_name) for provider in providers
        ]
        self.descriptions = {provider.identifier: provider.description for provider in providers}
        self.offers_invoice = any(
            provider.identifier == PaymentMethod.INVOICE for provider in providers
        )
        if len(providers) == 1:
            self.fields["method"].initial = providers[0].identifier

    def clean(self) -> dict:
        data = super().clean()
        if data.get("method") == PaymentMethod.INVOICE and not data.get("invoice_address"):
            self.add_error("invoice_address", INVOICE_ADDRESS_REQUIRED)
        return data
