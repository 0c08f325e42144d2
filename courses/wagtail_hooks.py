"""The courses' doors into the portal: a link to "my courses" on the account page; and the
coordinator's tools for classroom courses in the admin.

"Klassikale trainingen" in the admin menu holds three listings:
- sessions: the days as inline rows, seats booked and free, the waiting list; per session the
  attendance table (who was there on which day; "save and issue certificates"), the
  participants' export and "cancel session" (with a confirmation step);
- bookings: filterable by session and status, each with its participants; "move to another
  session" of the same course;
- participants: filterable by session and status, exported with Wagtail's own spreadsheet
  export (CSV or Excel), e.g. for the trainer's attendance list or the register.

Who reaches them: whoever has the models' permissions, which courses' data migration gives
the training coordinators (portal.roles.TRAINING_COORDINATOR, the role door); the admin
itself asks for MFA (portal/urls.py). The use cases behind the buttons are the services':
courses/services/attendance.py, cancellations.py and bookings.py; these views only parse,
call and answer.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from portal.accounts.links import ACCOUNT_LINKS_HOOK, AccountLink
from portal.models import Municipality

from .choices import CourseFormat
from .classroom import (
    Booking,
    BookingStatus,
    CourseSession,
    Participant,
    Payment,
)
from .services import attendance, bookings, cancellations, payments

SESSION_PERMISSION = "courses.change_coursesession"
BOOKING_PERMISSION = "courses.change_booking"


@hooks.register(ACCOUNT_LINKS_HOOK)
def my_courses_link(request: HttpRequest) -> AccountLink:
    return AccountLink(_("My courses"), reverse("courses:my_learning"))


# --- Sessions ------------------------------------------------------------------------------------


class CourseSessionForm(WagtailAdminModelForm):
    """A session needs at least one day; its start (`starts_at`, which listings sort and
    filter by) is the first day's start, taken from the days as saved here.

    The municipality is a plain list of the region's municipalities in the site's main
    language: the snippet chooser would offer every term twice (Dutch and English)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")

    def clean_course(self):
        course = self.cleaned_data.get("course")
        if course is not None and course.specific.format != CourseFormat.CLASSROOM:
            raise ValidationError(gettext_lazy("Choose a classroom course."))
        return course

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("days")
        if formset is not None and not formset.is_valid():
            return cleaned  # the days' own errors show beside them
        days = self._kept_days()
        if not days:
            raise ValidationError(gettext_lazy("A session needs at least one day."))
        for day in days:
            if day["start_time"] >= day["end_time"]:
                raise ValidationError(gettext_lazy("A day ends after it starts."))
        return cleaned

    def _kept_days(self) -> list[dict]:
        formset = self.formsets.get("days")
        # The form is cleaned before its formsets (ClusterForm.is_valid): clean them first.
        if formset is None or not formset.is_valid():
            return []
        return [
            form.cleaned_data
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("date")
            and form.cleaned_data.get("start_time")
            and form.cleaned_data.get("end_time")
        ]

    def save(self, commit=True):
        session = super().save(commit=False)
        first = min(self._kept_days(), key=lambda day: (day["date"], day["start_time"]))
        session.starts_at = timezone.make_aware(
            datetime.datetime.combine(first["date"], first["start_time"])
        )
        if commit:
            session.save()
        return session


class FreeSeatsColumn(Column):
    def get_value(self, instance):
        return max(instance.capacity - instance.seats_taken, 0)


class SessionIndexView(IndexView):
    def get_base_queryset(self):
        # Seats and waiting list in the same query (CourseSession.objects.with_seats_taken).
        return (
            super().get_base_queryset().select_related("course", "municipality").with_seats_taken()
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        bookings_url = reverse(BookingViewSet().get_url_name("index"))
        participants_url = reverse(ParticipantViewSet().get_url_name("index"))
        buttons += [
            MenuItem(
                _("Bookings"),
                url=f"{bookings_url}?session={instance.pk}",
                icon_name="list-ul",
                priority=40,
            ),
            MenuItem(
                _("Attendance"),
                url=reverse("course_sessions:attendance", args=[instance.pk]),
                icon_name="tasks",
                priority=41,
            ),
            MenuItem(
                _("Export participants"),
                url=f"{participants_url}?booking__session={instance.pk}&export=xlsx",
                icon_name="download",
                priority=42,
            ),
        ]
        if not instance.is_cancelled:
            buttons.append(
                MenuItem(
                    _("Cancel session"),
                    url=reverse("course_sessions:cancel", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class CourseSessionViewSet(ModelViewSet):
    model = CourseSession
    name = "course_sessions"
    url_prefix = "classroom/sessions"
    icon = "date"
    menu_label = gettext_lazy("Sessions")
    index_view_class = SessionIndexView
    copy_view_enabled = True
    list_display = [
        "course",
        "starts_at",
        "city",
        "capacity",
        Column("seats_taken", label=gettext_lazy("Booked")),
        FreeSeatsColumn("free_seats", label=gettext_lazy("Seats free")),
        Column("waiting_count", label=gettext_lazy("Waiting list")),
        "status",
    ]
    list_filter = ["status", "municipality"]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("price"), FieldPanel("language")]),
            FieldPanel("vat_exempt"),
            FieldPanel("trainers"),
            FieldPanel("venue_name"),
            FieldRowPanel(
                [FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city")]
            ),
            FieldPanel("municipality", widget=forms.Select),
            FieldRowPanel([FieldPanel("booking_deadline"), FieldPanel("cancellation_deadline")]),
            InlinePanel("days", heading=gettext_lazy("Days"), min_num=1, label=gettext_lazy("Day")),
        ],
        base_form_class=CourseSessionForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/attendance/", attendance_view, name="attendance"),
            path("<int:pk>/cancel/", cancel_session_view, name="cancel"),
        ]


def _may(request: HttpRequest, permission: str) -> bool:
    return request.user.has_perm(permission)


@require_http_methods(["GET", "POST"])
def attendance_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Participants by days with a checkbox each; "save", or "save and issue certificates"."""
    if not _may(request, SESSION_PERMISSION):
        return permission_denied(request)
    session = get_object_or_404(CourseSession.objects.select_related("course"), pk=pk)
    days = list(session.days.all())
    people = list(attendance.attendees(session))
    if request.method == "POST":
        marks = {
            (person.pk, day.pk): f"present-{person.pk}-{day.pk}" in request.POST
            for person in people
            for day in days
        }
        attendance.mark_attendance(session, marks, by_user=request.user)
        messages.success(request, _("Attendance saved."))
        if "issue" in request.POST:
            _issue(request, session)
        return redirect("course_sessions:attendance", pk=session.pk)
    marked = attendance.attendance_table(session)
    rows = [
        {
            "participant": person,
            "cells": [
                {
                    "name": f"present-{person.pk}-{day.pk}",
                    "checked": marked.get((person.pk, day.pk)),
                }
                for day in days
            ],
        }
        for person in people
    ]
    return TemplateResponse(
        request,
        "courses/admin/attendance.html",
        {
            "session": session,
            "days": days,
            "rows": rows,
            "may_issue": attendance.may_issue_certificates(session),
            "index_url": reverse("course_sessions:index"),
        },
    )


def _issue(request: HttpRequest, session: CourseSession) -> None:
    if not attendance.may_issue_certificates(session):
        messages.warning(request, _("Certificates are issued from the last day of the session."))
        return
    issued = attendance.issue_attendance_certificates(session, by_user=request.user)
    messages.success(request, _("Certificates issued: %(count)s.") % {"count": len(issued)})
    missing = attendance.without_certificate(session).count()
    if missing:
        messages.warning(
            request,
            ngettext(
                "%(count)s participant has no certificate: not present on every day, "
                "or without a name.",
                "%(count)s participants have no certificate: not present on every day, "
                "or without a name.",
                missing,
            )
            % {"count": missing},
        )


@require_http_methods(["GET", "POST"])
def cancel_session_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page first: how many bookings are told and refunded."""
    if not _may(request, SESSION_PERMISSION):
        return permission_denied(request)
    session = get_object_or_404(CourseSession.objects.select_related("course"), pk=pk)
    if request.method == "POST" and not session.is_cancelled:
        count = cancellations.cancel_session(session)
        messages.success(
            request,
            _("The session is cancelled; %(count)s booking(s) cancelled, told and refunded.")
            % {"count": count},
        )
        return redirect("course_sessions:index")
    active = session.bookings.filter(status__in=cancellations.ACTIVE_STATUSES).aggregate(
        # distinct: the join with the participants repeats a group booking once per seat
        count=Count("pk", distinct=True),
        seats=Count("participants"),
    )
    return TemplateResponse(
        request,
        "courses/admin/cancel_session.html",
        {
            "session": session,
            "bookings": active["count"],
            "people": active["seats"],
            "index_url": reverse("course_sessions:index"),
        },
    )


# --- Bookings ------------------------------------------------------------------------------------


class BookingInspectView(InspectView):
    """The booking and its participants (read here; names are corrected in the participants'
    listing)."""

    template_name = "courses/admin/booking_inspect.html"

    def get_field_display_value(self, field_name, field):
        # A date that has not happened (confirmed, cancelled): a dash, not "None".
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participants"] = self.object.participants.select_related("certificate")
        # What was paid, refunded or is still to be refunded (REFUND_NEEDED stands out).
        context["payments"] = self.object.payments.order_by("created_at")
        context["invoices"] = self.object.invoices.order_by("number")
        context["move_url"] = reverse("course_bookings:move", args=[self.object.pk])
        return context


class BookingViewSet(ModelViewSet):
    model = Booking
    name = "course_bookings"
    url_prefix = "classroom/bookings"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Bookings")
    inspect_view_enabled = True
    inspect_view_class = BookingInspectView
    copy_view_enabled = False
    list_display = [
        "reference",
        "session",
        "contact_name",
        "organisation",
        "seats",
        "status",
        "created_at",
    ]
    list_filter = ["session", "status"]
    search_fields = ["reference", "contact_name", "contact_email", "organisation"]
    inspect_view_fields = [
        "reference",
        "session",
        "status",
        "kind",
        "seats",
        "contact_name",
        "contact_email",
        "organisation",
        "payment_method",
        "purchase_order",
        "price_per_seat",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "held_until",
        "cancelled_at",
    ]
    # Corrections only: seats, status and money change through the services.
    form_fields = ["contact_name", "contact_email", "organisation", "purchase_order"]

    def get_queryset(self, request):
        return Booking.objects.select_related("session__course")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/move/", move_booking_view, name="move"),
            path("payment/<int:pk>/<str:step>/", payment_step_view, name="payment_step"),
        ]


# What a coordinator records by hand about a payment: the invoice's money arrived, or a
# payment flagged for refund was sent back by bank transfer.
PAYMENT_STEPS = {
    "paid": (payments.mark_invoice_paid, gettext_lazy("The invoice is marked paid.")),
    "refunded": (payments.mark_refunded_by_hand, gettext_lazy("The refund is recorded.")),
}


@require_POST
def payment_step_view(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if not _may(request, BOOKING_PERMISSION) or step not in PAYMENT_STEPS:
        return permission_denied(request)
    payment = get_object_or_404(Payment, pk=pk)
    record, done = PAYMENT_STEPS[step]
    if record(payment):
        messages.success(request, done)
    else:
        messages.error(request, _("This payment was already changed; nothing was recorded."))
    return redirect("course_bookings:inspect", pk=payment.booking_id)


class MoveBookingForm(forms.Form):
    to_session = forms.ModelChoiceField(
        queryset=CourseSession.objects.none(), label=gettext_lazy("Move to")
    )

    def __init__(self, *args, booking: Booking, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_session"].queryset = (
            CourseSession.objects.upcoming()
            .filter(course_id=booking.session.course_id)
            .exclude(pk=booking.session_id)
            .select_related("course")
        )


@require_http_methods(["GET", "POST"])
def move_booking_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a confirmed booking to another coming session of the same course."""
    if not _may(request, BOOKING_PERMISSION):
        return permission_denied(request)
    booking = get_object_or_404(Booking.objects.select_related("session__course"), pk=pk)
    form = MoveBookingForm(request.POST or None, booking=booking)
    if booking.status != BookingStatus.CONFIRMED:
        messages.error(request, _("Only a confirmed booking can be moved."))
        return redirect("course_bookings:inspect", pk=booking.pk)
    if request.method == "POST" and form.is_valid():
        try:
            bookings.move_booking(booking, form.cleaned_data["to_session"])
        except bookings.NotEnoughSeats as error:
            form.add_error(
                "to_session",
                _("Not enough free seats there: %(free)s free.")
                % {"free": getattr(error, "free", 0)},
            )
        except bookings.BookingError:
            form.add_error("to_session", _("The booking cannot be moved to this session."))
        else:
            messages.success(request, _("The booking is moved; the booker is told."))
            return redirect("course_bookings:inspect", pk=booking.pk)
    return TemplateResponse(
        request,
        "courses/admin/move_booking.html",
        {
            "booking": booking,
            "form": form,
            "index_url": reverse("course_bookings:index"),
        },
    )


# --- Participants --------------------------------------------------------------------------------


class ParticipantViewSet(ModelViewSet):
    model = Participant
    name = "course_participants"
    url_prefix = "classroom/participants"
    icon = "group"
    menu_label = gettext_lazy("Participants")
    copy_view_enabled = False
    list_display = [
        "name",
        "email",
        Column("organisation", accessor="booking.organisation", label=gettext_lazy("Organisation")),
        "accreditation_register",
        "registration_number",
        Column("reference", accessor="booking.reference", label=gettext_lazy("Booking")),
        Column("status", accessor="booking.get_status_display", label=gettext_lazy("Status")),
    ]
    list_filter = ["booking__session", "booking__status"]
    search_fields = ["name", "email", "registration_number", "booking__reference"]
    list_export = [
        "name",
        "email",
        "booking.organisation",
        "accreditation_register",
        "registration_number",
        "booking.reference",
        "booking.get_status_display",
        "booking.session",
    ]
    export_headings = {
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "booking.organisation": gettext_lazy("Organisation"),
        "accreditation_register": gettext_lazy("Register"),
        "registration_number": gettext_lazy("Registration number"),
        "booking.reference": gettext_lazy("Booking"),
        "booking.get_status_display": gettext_lazy("Status"),
        "booking.session": gettext_lazy("Session"),
    }
    export_filename = "deelnemers"
    # A coordinator corrects a name before certificates are issued; the rest is the booking's.
    form_fields = ["name", "email", "accreditation_register", "registration_number"]

    def get_queryset(self, request):
        return Participant.objects.select_related("booking__session__course").order_by(
            "booking__session__starts_at", "booking__reference", "pk"
        )


class ClassroomGroup(ViewSetGroup):
    menu_label = gettext_lazy("Classroom courses")
    menu_icon = "date"
    menu_order = 250
    items = (CourseSessionViewSet, BookingViewSet, ParticipantViewSet)


@hooks.register("register_admin_viewset")
def register_classroom_viewsets():
    return ClassroomGroup()


@hooks.register("register_log_actions")
def register_classroom_log_actions(actions):
    actions.register_action(
        attendance.ATTENDANCE_MARKED,
        gettext_lazy("Attendance marked"),
        gettext_lazy("Attendance marked"),
    )
    actions.register_action(
        attendance.CERTIFICATES_ISSUED,
        gettext_lazy("Certificates issued"),
        gettext_lazy("Certificates issued"),
    )
