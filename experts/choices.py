"""The closed lists of the expert pool: who a session is for, who comes, the states of a
request and of an invitation to an expert."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HostKind(models.TextChoices):
    PRIMARY_SCHOOL = "primary_school", _("Primary school")
    SECONDARY_SCHOOL = "secondary_school", _("Secondary school")
    SPORTS_CLUB = "sports_club", _("Sports club")
    ORGANISATION = "organisation", _("Organisation")


class AgeGroup(models.TextChoices):
    """Dutch school groups (groep 1 is age 4) and the older audiences a session can have."""

    GROUPS_1_2 = "groups_1_2", _("Groups 1 and 2 (age 4 to 6)")
    GROUPS_3_4 = "groups_3_4", _("Groups 3 and 4 (age 6 to 8)")
    GROUPS_5_6 = "groups_5_6", _("Groups 5 and 6 (age 8 to 10)")
    GROUPS_7_8 = "groups_7_8", _("Groups 7 and 8 (age 10 to 12)")
    SECONDARY_LOWER = "secondary_lower", _("Secondary school, years 1 to 3")
    SECONDARY_UPPER = "secondary_upper", _("Secondary school, years 4 to 6")
    YOUTH = "youth", _("Young people in a club (12 to 18)")
    ADULTS = "adults", _("Adults (staff, coaches, volunteers, parents)")


class WhoComes(models.TextChoices):
    TRAINER = "trainer", _("A trainer")
    EXPERT = "expert", _("A lived-experience expert")
    BOTH = "both", _("A trainer and a lived-experience expert")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    PROPOSED = "proposed", _("Expert proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    EVALUATED = "evaluated", _("Evaluated")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")


# A request in one of these states is finished: nothing more happens to it.
CLOSED_STATUSES = frozenset(
    {
        RequestStatus.EVALUATED,
        RequestStatus.DECLINED,
        RequestStatus.WITHDRAWN,
        RequestStatus.CANCELLED,
    }
)
# The requester may still withdraw the request.
WITHDRAWABLE_STATUSES = frozenset(
    {
        RequestStatus.NEW,
        RequestStatus.IN_REVIEW,
        RequestStatus.PROPOSED,
        RequestStatus.CONFIRMED,
    }
)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    RELEASED = "released", _("No longer needed")


class ExpenseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Wellbeing(models.TextChoices):
    GOOD = "good", _("It went well")
    MIXED = "mixed", _("Mixed: some things were hard")
    HARD = "hard", _("It was hard; I would like to talk about it")
