"""The newsletter sign-up in the demo site (the demo door: portal/demo/door.py)."""

from portal.demo.door import DemoPage, Translation

DEPENDS_ON = ["portal"]

PAGES = [
    DemoPage(
        key="nieuwsbrief",
        model="newsletter.NewsletterSignupPage",
        parent="home",
        nl=Translation(
            title="Nieuwsbrief",
            slug="nieuwsbrief-aanmelden",
            intro=(
                "Ontvang een paar keer per jaar nieuws over trainingen en kennis. U krijgt "
                "eerst een e-mail om uw aanmelding te bevestigen."
            ),
            extra={
                "thank_you_text": "Bijna klaar. Klik op de link in de e-mail die wij u stuurden."
            },
        ),
        en=Translation(
            title="Newsletter",
            slug="newsletter-sign-up",
            intro=(
                "Receive news about courses and knowledge a few times a year. You will first "
                "get an email to confirm your sign-up."
            ),
            extra={"thank_you_text": "Almost done. Click the link in the email we sent you."},
        ),
    )
]
