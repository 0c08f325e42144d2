import pytest

from portal.newsletter.factories import NewsletterSignupPageFactory
from portal.newsletter.models import NewsletterSignupPage


@pytest.fixture
def signup_page(home) -> NewsletterSignupPage:
    return NewsletterSignupPageFactory(parent=home)
