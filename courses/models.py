"""The course catalogue, its courses (online, classroom, on request) and an online course's
lessons.

Learners, their progress, quiz scores and certificates have their own module
(courses/records.py), registered here by import; the use cases are in
courses/services/learning.py and courses/services/certificates.py.
"""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.models import TaggableMixin
from portal.page_cache import CachePolicy
from portal.page_lookups import private_pages_q
from portal.ratelimit import allow_request, mark_rate_limited

from . import forms
from .blocks import LessonBodyBlock
from .choices import CompletionRule, CourseFormat, CourseLanguage, LessonKind
from .classroom import (  # noqa: F401 (registered)
    Attendance,
    Booking,
    CourseSession,
    CourseSessionDay,
    Invoice,
    InvoiceNumberSequence,
    Participant,
    Payment,
    ProviderEvent,
)
from .records import Certificate, Learner, LessonProgress, QuizAttempt  # noqa: F401 (registered)
from .services import catalogue, certificates, learning, lessons, quizzes, sessions

LIST_FEATURES = ["bold", "italic", "ul", "ol", "link"]
# The field of the "Les afronden" form on a lesson.
COMPLETE_FIELD = "afronden"
# The field of the certificate form on a completed course.
CERTIFICATE_FIELD = "certificaat"
# The sessions of a classroom course, filtered by municipality (slug).
MUNICIPALITY_PARAMETER = "gemeente"
MUNICIPALITY_PATTERN = r"[a-z0-9-]{1,60}"
CLASSROOM_CACHE_POLICY = CachePolicy(
    max_age=5, query={MUNICIPALITY_PARAMETER: MUNICIPALITY_PATTERN}
)
# The field of "take the course again" (to renew a certificate that expires).
RESTART_FIELD = "opnieuw"


class CourseIndexPage(Page):
    """The catalogue: every live, public course below it in its language, filtered and paged."""

    intro = models.TextField(_("introduction"), blank=True)

    # The filters (one value each) and the page number are what this page varies on; several
    # values of one filter, another parameter or a value outside these patterns is served but
    # never stored, and neither is a listing with a made-up value (`serve` below).
    cache_policy = CachePolicy(query=catalogue.CACHEABLE_QUERY)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage", "portal.AudiencePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        courses = (
            CoursePage.objects.child_of(self)
            .live()
            .exclude(private_pages_q(request))
            .filter(locale_id=self.locale_id)
        )
        context["listing"] = catalogue.course_listing(self, courses, request.GET)
        return context

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        listing = getattr(response, "context_data", {}).get("listing")
        if listing is not None and not listing.storable:
            # A crawler's made-up values are answered, but the page cache keeps no copy.
            patch_cache_control(response, no_cache=True, max_age=0)
        return response


class CoursePage(TaggableMixin, Page):
    """A course: what it teaches, for whom, how long, what it costs, its accreditation and,
    for an online course, its lessons (child pages)."""

    format = models.CharField(
        _("format"), max_length=20, choices=CourseFormat.choices, default=CourseFormat.ONLINE
    )
    intro = models.TextField(_("introduction"))
    what_you_learn = RichTextField(_("what you learn"), features=LIST_FEATURES)
    for_whom = RichTextField(_("for whom"), features=LIST_FEATURES)
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"),
        validators=[MinValueValidator(1)],
        help_text=_("The whole course; for an online course the time its lessons take."),
    )
    price = models.DecimalField(
        _("price in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Leave empty for a free course."),
    )
    language = models.CharField(
        _("language of the course"),
        max_length=5,
        choices=CourseLanguage.choices,
        default=CourseLanguage.DUTCH,
    )
    accreditation_register = models.CharField(
        _("register"),
        max_length=100,
        blank=True,
        help_text=_("The professional register that accredited the course, e.g. Registerplein."),
    )
    accreditation_id = models.CharField(_("accreditation id"), max_length=50, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditation points"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1"))],
    )
    completion_rule = models.CharField(
        _("completed when"),
        max_length=20,
        choices=CompletionRule.choices,
        default=CompletionRule.ALL_LESSONS,
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark of the final test (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of questions a learner must answer correctly."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when the certificate does not expire."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=datetime.date.today,
        help_text=_("When an editor last checked that this course is still correct."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("format"),
        FieldPanel("intro"),
        FieldPanel("what_you_learn"),
        FieldPanel("for_whom"),
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("price")]),
        FieldPanel("language"),
        MultiFieldPanel(
            [
                FieldPanel("accreditation_register"),
                FieldPanel("accreditation_id"),
                FieldPanel("accreditation_points"),
            ],
            heading=_("Accreditation"),
            help_text=_("Leave all three empty for a course without accreditation."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("completion_rule"),
                FieldPanel("pass_mark"),
                FieldPanel("certificate_validity_months"),
            ],
            heading=_("Completion and certificate"),
        ),
        FieldPanel("last_reviewed"),
        MultiFieldPanel(TaggableMixin.taxonomy_panels, heading=_("Tags")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("what_you_learn"),
        index.SearchField("for_whom"),
        index.FilterField("format"),
        index.FilterField("last_reviewed"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
    ]
    # The search page's facets (a door of search/, see its Meilisearch documents module): the
    # shared tags, the format, and free or paid.
    search_facets = {
        "theme": "themes",
        "audience": "audiences",
        "municipality": "municipalities",
        "course_format": "format",
        "cost": "cost_kind",
    }
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self) -> None:
        super().clean()
        errors = {}
        accreditation = {
            "accreditation_register": self.accreditation_register,
            "accreditation_id": self.accreditation_id,
            "accreditation_points": self.accreditation_points,
        }
        given = {name for name, value in accreditation.items() if value not in ("", None)}
        if given and len(given) < len(accreditation):
            for name in accreditation.keys() - given:
                errors[name] = _("Fill in register, accreditation id and points, or none.")
        if self.completion_rule == CompletionRule.FINAL_TEST_PASSED and self.pass_mark is None:
            errors["pass_mark"] = _("A course completed by its final test needs a pass mark.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return self.format == CourseFormat.ONLINE

    @property
    def is_free(self) -> bool:
        return not self.price

    def cost_kind(self) -> str:
        """ "free" or "paid": the cost facet of search."""
        return "free" if self.is_free else "paid"

    @property
    def is_accredited(self) -> bool:
        return bool(self.accreditation_register)

    @property
    def duration_text(self) -> str:
        return lessons.duration_text(self.duration_minutes)

    def get_context(
        self,
        request: HttpRequest,
        *args,
        certificate_form: "forms.CertificateForm | None" = None,
        **kwargs,
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = list(self.themes.all())
        context["audiences"] = list(self.audiences.all())
        context["lessons"] = (
            lessons.course_lessons(self, LessonPage, private_pages_q(request))
            if self.is_online
            else []
        )
        context["catalogue"] = self.get_parent()
        if self.format == CourseFormat.CLASSROOM:
            context.update(self._session_context(request))
        learner = _learner(request) if self.is_online and self.is_free else None
        context["learner"] = learner
        context["progress"] = progress = (
            learning.course_progress(learner, self, context["lessons"])
            if learner is not None
            else None
        )
        if progress is not None and progress.completed and certificates.gives_certificate(self):
            certificate = certificates.certificate_of(learner, self)
            context["certificate"] = certificate
            if certificate is not None:
                context["verify_url"] = certificates.verification_url(
                    certificate.code, certificate.language
                )
                context["certificate_renewable"] = certificates.may_renew(certificate)
            context["certificate_form"] = certificate_form or forms.CertificateForm(
                initial={"name": certificate.learner_name} if certificate else None
            )
        return context

    def _session_context(self, request: HttpRequest) -> dict:
        """The upcoming dates with their free seats, in the municipality chosen, if any."""
        chosen = request.GET.get(MUNICIPALITY_PARAMETER, "")
        if not re.fullmatch(MUNICIPALITY_PATTERN, chosen):
            chosen = ""
        listings = sessions.upcoming_sessions(self.pk, municipality_slug=chosen or None)
        return {
            "sessions": listings,
            # Each date has its own price (free for the region, an open date paid, say).
            "session_prices": sorted({listing.session.price for listing in listings}),
            "session_municipalities": sessions.session_municipalities(self.pk),
            "selected_municipality": chosen,
        }

    @property
    def cache_policy(self) -> CachePolicy | None:
        """A classroom course shows free seats: never more than a few seconds old."""
        if self.format == CourseFormat.CLASSROOM:
            return CLASSROOM_CACHE_POLICY
        return None

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and CERTIFICATE_FIELD in request.POST:
            return _personal(request, self._serve_certificate(request))
        if request.method == "POST" and RESTART_FIELD in request.POST:
            return _personal(request, self._serve_restart(request))
        return _personal(request, super().serve(request, *args, **kwargs))

    def _serve_certificate(self, request: HttpRequest) -> HttpResponse:
        """ "Certificaat downloaden (PDF)": issue the certificate under the name typed (or the
        same one again) and send the browser on to its PDF (post/redirect/get: it saves the
        file and stays on this page; quick-exit.js, which sends the form in the background,
        follows a file answer with a GET, which the download address answers). Someone who
        has not completed the course gets this page, which says where they are; a name that
        cannot be printed gets it with the error and what was typed."""
        outline = lessons.course_lessons(self, LessonPage, private_pages_q(request))
        learner = learning.current_learner(request)
        if not certificates.may_have_certificate(learner, self, outline):
            return redirect(self.get_url(request))
        form = forms.CertificateForm(request.POST)
        if not form.is_valid():
            return self._with_certificate_form(request, form, status=400)
        if not allow_request(request, certificates.PDF_ACTION, certificates.pdf_rate()):
            form.add_error(None, certificates.TOO_MANY_PDFS)
            return mark_rate_limited(self._with_certificate_form(request, form, status=429))
        try:
            certificate = certificates.issue_certificate(
                learner, self, form.cleaned_data["name"], lessons=outline
            )
        except certificates.NotCompleted:
            return redirect(self.get_url(request))
        response = redirect("courses:certificate_download", pk=certificate.pk)
        response.status_code = 303
        return response

    def _serve_restart(self, request: HttpRequest) -> HttpResponse:
        """ "Training opnieuw doen": a learner whose certificate of this course expires (or
        expired) starts the course again, to renew it; anyone else gets this page."""
        outline = lessons.course_lessons(self, LessonPage, private_pages_q(request))
        learner = learning.current_learner(request)
        certificate = certificates.certificate_of(learner, self) if learner else None
        if certificate is None or not certificates.may_renew(certificate) or not outline:
            return redirect(self.get_url(request))
        learning.restart_course(learner, outline)
        response = redirect(outline[0].get_url(request))
        response.status_code = 303
        return response

    def _with_certificate_form(
        self, request: HttpRequest, form: "forms.CertificateForm | None", status: int = 200
    ) -> TemplateResponse:
        response = TemplateResponse(
            request,
            self.get_template(request),
            self.get_context(request, certificate_form=form),
            status=status,
        )
        add_never_cache_headers(response)
        return response

    def serve_after_csrf_failure(self, request: HttpRequest) -> HttpResponse:
        """The session expired before the certificate form was sent: this page again, the
        name as typed in a fresh form; the caller sets the status."""
        typed = request.POST.get("name", "") if CERTIFICATE_FIELD in request.POST else ""
        form = forms.CertificateForm(initial={"name": typed[:500]}) if typed else None
        return _personal(request, self._with_certificate_form(request, form))


def _learner(request: HttpRequest) -> "Learner | None":
    """The learner of a request that can have one (a cookie or a signed-in user), without a
    query for anyone else."""
    return learning.current_learner(request) if learning.may_depend_on_learner(request) else None


def _personal(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A course or lesson answer varies with the learner's cookie; one that shows a learner's
    progress is never stored by the page cache, a proxy or the browser."""
    patch_vary_headers(response, ["Cookie"])
    if getattr(request, "_courses_learner", None) is not None:
        add_never_cache_headers(response)
    return response


class LessonPage(Page):
    """One lesson (or the final test) of an online course, in the editors' order."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=LessonKind.choices, default=LessonKind.LESSON
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), validators=[MinValueValidator(1)], default=10
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("estimated_minutes")]),
        FieldPanel("body"),
    ]
    # Found by its title; the course page is what the search box should lead to first.
    search_fields = [*Page.search_fields]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def is_final_test(self) -> bool:
        return self.kind == LessonKind.FINAL_TEST

    @property
    def duration_text(self) -> str:
        return lessons.duration_text(self.estimated_minutes)

    def get_context(
        self,
        request: HttpRequest,
        *args,
        quiz_result: tuple[str, quizzes.QuizResult] | None = None,
        **kwargs,
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        course = self.course
        outline = lessons.course_lessons(course, LessonPage, private_pages_q(request))
        context["course"] = course
        context["position"] = lessons.position(outline, self)
        pass_mark = course.pass_mark if self.is_final_test else None
        context["body_items"] = lessons.body_items(self.body, quiz_result, pass_mark)
        learner = _learner(request)
        context["learner"] = learner
        if learner is not None:
            progress = learning.course_progress(learner, course, outline)
            context["progress"] = progress
            context["lesson_done"] = self.pk in progress.done
        return context

    @cached_property
    def course(self) -> CoursePage:
        """The course this lesson belongs to (its parent), in one query."""
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.course.is_free:
            # Paid online courses open with the payment issue; until then their lessons are not
            # given away at their address: the course page says registration opens soon.
            return redirect(self.course.get_url(request))
        if request.method != "POST":
            return _personal(request, super().serve(request, *args, **kwargs))
        if COMPLETE_FIELD in request.POST:
            return self._serve_complete(request)
        return _personal(request, self._serve_quiz(request))

    def _serve_complete(self, request: HttpRequest) -> HttpResponse:
        """ "Les afronden": the lesson is done, on to the next one (post/redirect/get). Someone
        who had not started yet starts here, and sees their code first. A final test is done by
        passing it, not by this button."""
        course = self.course
        outline = lessons.course_lessons(course, LessonPage, private_pages_q(request))
        following = lessons.position(outline, self).next
        next_url = (following or course).get_url(request)
        if self.is_final_test or self.pk not in {lesson.pk for lesson in outline}:
            return redirect(self.get_url(request))
        learner = learning.current_learner(request)
        if learner is not None:
            learning.complete_lesson(learner, self)
            request.session[learning.KNOWN_SESSION_KEY] = True
            return redirect(next_url)
        try:
            learner = learning.start_learning(request)
        except learning.TooManyStarts:
            response = TemplateResponse(request, "courses/too_many.html", {})
            response.status_code = 429
            add_never_cache_headers(response)
            return response
        learning.complete_lesson(learner, self)
        if learner.code is None:
            return redirect(next_url)
        return learning.show_code_once(request, learner, next_url)

    def _serve_quiz(self, request: HttpRequest) -> TemplateResponse:
        """A quiz sent in: graded and shown on the same page. Nothing is stored yet."""
        submitted = dict(request.POST.lists())
        quiz_id = (submitted.get(quizzes.QUIZ_FIELD) or [""])[-1]
        quiz = next(
            (block for block in self.body if block.block_type == "quiz" and block.id == quiz_id),
            None,
        )
        result = None if quiz is None else (quiz_id, quizzes.grade(quiz.value, submitted))
        learner = _learner(request)
        if result is not None and learner is not None:
            learning.record_quiz(learner, self, quiz_id, result[1])
        response = TemplateResponse(
            request,
            self.get_template(request),
            self.get_context(request, quiz_result=result),
            # A quiz that is not on this page (an old form, a made-up one): the lesson again.
            status=200 if quiz is not None else 400,
        )
        # The answers are the learner's own: no browser, proxy or page cache keeps them.
        add_never_cache_headers(response)
        return response

    def serve_after_csrf_failure(self, request: HttpRequest) -> HttpResponse:
        """The session expired (or the quick exit cleared the cookies) before the quiz was
        sent: the lesson again with a fresh form; the caller sets the status."""
        return TemplateResponse(request, self.get_template(request), self.get_context(request))
