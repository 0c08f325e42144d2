import pytest

from portal.newsletter.models import NewsletterSignupPage


@pytest.fixture
def signup_page(home) -> NewsletterSignupPage:
    page = NewsletterSignupPage(
        title="Nieuwsbrief",
        slug="nieuwsbrief-aanmelden",
        intro="Vier keer per jaar nieuws over trainingen.",
        thank_you_text="Tot snel in je inbox.",
    )
    home.add_child(instance=page)
    return page
