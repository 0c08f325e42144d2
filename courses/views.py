"""The learner's pages. Thin: parse, call courses/services/learning.py, render.

Every answer here depends on who asks, so none is stored by the page cache, a proxy or the
browser (never_cache). A resume code only ever travels in a POST body or the learner's cookie.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.mail.services import send_templated_mail
from portal.page_lookups import private_pages_q
from portal.ratelimit import (
    RATE_LIMITED_MESSAGE,
    allow_public_form_post,
    allow_request,
    mark_rate_limited,
)

from . import forms
from .models import CoursePage, LessonPage
from .services import bookings, learning, lessons

MAIL_ACTION = "courses_mail_code"
MAILED_CODE_USEFUL_FOR = timedelta(hours=1)
RESUMED_SESSION_KEY = "courses:resumed"


def too_many_starts(request: HttpRequest) -> HttpResponse:
    response = TemplateResponse(request, "courses/too_many.html", {})
    return mark_rate_limited(response)


def _course(request: HttpRequest, raw_id: str) -> CoursePage:
    """The free online course a start form names, or 404."""
    if not (raw_id.isascii() and raw_id.isdigit() and len(raw_id) < 12):
        raise Http404
    course = (
        CoursePage.objects.live().exclude(private_pages_q(request)).filter(pk=int(raw_id)).first()
    )
    if course is None or not course.is_online or not course.is_free:
        raise Http404
    return course


@never_cache
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """ "Start de training": a learner who is known continues; anyone else gets a fresh code,
    shown once, and then the first lesson."""
    course = _course(request, request.POST.get("training", ""))
    outline = lessons.course_lessons(course, LessonPage, private_pages_q(request))
    learner = learning.current_learner(request)
    if learner is not None:
        progress = learning.course_progress(learner, course, outline)
        target = progress.next_lesson or (outline[-1] if outline else course)
        response = redirect(target.get_url(request))
        # Keep a session, so the page cache stops answering this browser (it recognises
        # sessions, not our cookie) and the lessons show the learner's progress.
        request.session[learning.KNOWN_SESSION_KEY] = True
        return response
    try:
        learner = learning.start_learning(request)
    except learning.TooManyStarts:
        return too_many_starts(request)
    first = outline[0] if outline else course
    if learner.code is None:  # signed in: progress is kept on the account
        return redirect(first.get_url(request))
    return learning.show_code_once(request, learner, first.get_url(request))


@never_cache
@require_http_methods(["GET", "HEAD"])
def code(request: HttpRequest) -> HttpResponse:
    """The code, once, right after it was made; afterwards this page says where it went."""
    next_url = request.session.pop(learning.SHOW_CODE_SESSION_KEY, None)
    learner = learning.current_learner(request)
    shown = None
    if next_url is not None and learner is not None and learner.user_id is None:
        shown = learning.cookie_code(request)
    context = {"code": shown, "next_url": next_url or "", "form": forms.MailCodeForm()}
    return TemplateResponse(request, "courses/code.html", context)


@never_cache
@require_POST
def mail_code(request: HttpRequest) -> HttpResponse:
    """Mail the learner's own code (from their cookie, never from the form) to the address
    typed; the address is not kept (the outbox deletes the message once delivered)."""
    form = forms.MailCodeForm(request.POST)
    next_url = request.POST.get("verder", "")
    if not next_url.startswith("/") or next_url.startswith("//") or len(next_url) > 500:
        next_url = ""
    learner = learning.current_learner(request)
    code = learning.cookie_code(request) if learner is not None else None
    context = {"code": None, "next_url": next_url, "form": form, "mail_form_shown": True}
    if code is None:
        context["no_code"] = True
        return TemplateResponse(request, "courses/code.html", context, status=400)
    if not allow_public_form_post(request, MAIL_ACTION):
        context["rate_limited"] = RATE_LIMITED_MESSAGE
        return mark_rate_limited(TemplateResponse(request, "courses/code.html", context))
    if not form.is_valid():
        return TemplateResponse(request, "courses/code.html", context, status=400)
    send_templated_mail(
        "courses/mail/resume_code",
        {"code": code, "resume_url": _absolute(request, "courses:resume")},
        form.cleaned_data["email"],
        language=translation.get_language() or settings.LANGUAGE_CODE,
        # A code waiting in the outbox is a key lying around: if it cannot go out soon, it is
        # dropped (the learner saw it on screen and can ask again).
        useful_for=MAILED_CODE_USEFUL_FOR,
    )
    context.update(mailed=True, form=forms.MailCodeForm())
    return TemplateResponse(request, "courses/code.html", context)


def _absolute(request: HttpRequest, name: str) -> str:
    return request.build_absolute_uri(reverse(name))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def resume(request: HttpRequest) -> HttpResponse:
    """ "Doorgaan met een training": type the code, continue where you were."""
    if request.method != "POST":
        if request.GET:
            # A code never belongs in an address: whatever was put there is not read, nor
            # echoed into the page's links.
            return redirect(request.path)
        resumed = request.session.pop(RESUMED_SESSION_KEY, False)
        context = {"form": forms.ResumeForm(), "resumed": resumed}
        return TemplateResponse(request, "courses/resume.html", context)
    form = forms.ResumeForm(request.POST)
    context = {"form": form}
    if not allow_request(request, learning.RESUME_ACTION, learning.resume_rate()):
        context["rate_limited"] = True
        return mark_rate_limited(TemplateResponse(request, "courses/resume.html", context))
    learner = learning.resume(request, form.cleaned_data["code"]) if form.is_valid() else None
    if learner is None:
        if form.is_valid():
            form.add_error("code", forms.UNKNOWN_CODE)
        return TemplateResponse(request, "courses/resume.html", context, status=400)
    user = request.user
    signed_in = user.is_authenticated
    if signed_in:  # a signed-in user keeps progress on the account: it adopts the code's
        learner = learning.adopt(user, learner)
    course = learning.last_course(learner)
    if course is not None:
        outline = lessons.course_lessons(course, LessonPage, private_pages_q(request))
        progress = learning.course_progress(learner, course, outline)
        target = course.get_url(request) if progress.completed else None
        target = target or (progress.next_lesson or course).get_url(request)
    else:
        target = request.path
    request.session[learning.KNOWN_SESSION_KEY] = True
    request.session[RESUMED_SESSION_KEY] = True
    response = redirect(target)
    if not signed_in:
        learning.remember(response, learner.code)
    return response


@never_cache
@login_required
@require_http_methods(["GET", "HEAD"])
def my_learning(request: HttpRequest) -> HttpResponse:
    """ "Mijn trainingen": the online courses a signed-in user follows, with their progress,
    and the classroom sessions they booked."""
    learner = learning.current_learner(request)
    summaries = learning.my_courses(learner, private_pages_q(request)) if learner else []
    context = {"summaries": summaries, "bookings": bookings.bookings_of(request.user.pk)}
    return TemplateResponse(request, "courses/my_learning.html", context)
