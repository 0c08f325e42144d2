"""Invoices as documents: the accessible PDF of an issued invoice or credit note (pdf.py).
Issuing and numbering them is courses/payments/invoices.py's."""
