"""The QR code on a certificate: its verification URL as an inline SVG.

Inline SVG rather than a PNG: it stays sharp at any print size, needs no image file or data
URL, and WeasyPrint tags it as a Figure whose alternative text is the SVG's <title>, which a
PDF/UA document needs for every image.
"""

import xml.etree.ElementTree as ET

import qrcode
from django.utils.safestring import SafeString, mark_safe
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.svg import SvgPathImage

# M restores 15% of the modules: enough for a creased or stained print; a higher level would
# make the modules of a long URL smaller than a phone camera reads comfortably.
ERROR_CORRECTION = ERROR_CORRECT_M
# The quiet zone the standard asks for, in modules, inside the SVG itself.
BORDER = 4
SIZE = "35mm"


def qr_svg(url: str, label: str) -> SafeString:
    """An `<svg role="img">` drawing the QR code of `url` as one path, labelled `label` (its
    <title> and aria-label) so the PDF's tag tree describes it."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=BORDER)
    code.add_data(url)
    svg = code.make_image(image_factory=SvgPathImage).get_image()
    svg.set("width", SIZE)
    svg.set("height", SIZE)
    svg.set("role", "img")
    svg.set("aria-label", label)
    title = ET.Element("title")
    title.text = label
    svg.insert(0, title)
    # ElementTree escapes the label in the attribute and the text: the result is safe markup.
    return mark_safe(ET.tostring(svg, encoding="unicode"))
