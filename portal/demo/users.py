"""One local account per role, for trying the site out. Never loaded in production."""

from dataclasses import dataclass

from portal import roles


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    role: str | None  # a group name from portal.roles; None for the superuser
    superuser: bool = False


USERS: tuple[DemoUser, ...] = (
    DemoUser("beheerder@steiger.localhost", "Beheerder", None, superuser=True),
    DemoUser("redacteur@steiger.localhost", "Fatima", roles.EDITOR),
    DemoUser("eindredacteur@steiger.localhost", "Eva", roles.MODERATOR),
    DemoUser("vertaler@steiger.localhost", "Tom", roles.TRANSLATOR),
    DemoUser("coordinator-trainingen@steiger.localhost", "Joris", roles.TRAINING_COORDINATOR),
    DemoUser(
        "coordinator-ervaringsdeskundigen@steiger.localhost",
        "Noor",
        roles.EXPERT_POOL_COORDINATOR,
    ),
    DemoUser("trainer@steiger.localhost", "Ilse", roles.TRAINER),
    DemoUser("ervaringsdeskundige@steiger.localhost", "Sam", roles.EXPERT),
)
