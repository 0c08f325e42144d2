import pytest

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory


@pytest.fixture
def user(db):
    return UserFactory(email="anna@example.org")


def log_in(client, email: str, password: str = DEFAULT_PASSWORD, **extra):
    return client.post("/nl/account/login/", {"login": email, "password": password}, **extra)
