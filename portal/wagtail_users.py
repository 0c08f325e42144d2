"""Wagtail's user management app, with our user views (portal/admin_users.py).

Its own module: INSTALLED_APPS names this AppConfig, and a module with one AppConfig subclass
(plus the one it extends) keeps Django's choice of config unambiguous.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    user_viewset = "portal.admin_users.UserViewSet"
