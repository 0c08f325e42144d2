"""Inside Django (bench settings): the time to generate one certificate PDF.

Run by bench/run.py as `python -m bench.certificate`; prints one JSON object on stdout. The
certificate is the demo's accredited course's (register, points, an expiry date), rendered by
the same function the download view calls: the first render in a fresh process (fonts load),
then BENCH_CERTIFICATE_ROUNDS more (default 20).
"""

import datetime
import json
import os
import statistics
import time
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.apps import apps  # noqa: E402

from courses.certificates.data import Accreditation, CertificateData  # noqa: E402
from courses.certificates.pdf import render_certificate_pdf  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_CERTIFICATE_ROUNDS", "20"))


def accredited_course():
    model = apps.get_model("courses.CoursePage")
    course = model.objects.live().exclude(accreditation_register="").order_by("path").first()
    if course is None:
        raise SystemExit("no accredited course in the bench database: is the demo loaded?")
    return course


def certificate_for(course) -> CertificateData:
    completed = datetime.date(2026, 11, 30)
    return CertificateData(
        learner_name="Marieke van den Broek-Y\u0131lmaz",  # a dotless i: the fonts must have it
        course_title=course.title,
        completed_on=completed,
        hours=Decimal(course.duration_minutes or 60) / 60,
        verification_code="K7QM-3XW9-0BRT-M4ZD",
        verification_url="https://steiger.example/nl/trainingen/controleren/K7QM-3XW9-0BRT-M4ZD/",
        issuer="Steiger",
        language="nl",
        accreditation=Accreditation(
            course.accreditation_register, course.accreditation_id, course.accreditation_points
        ),
        valid_until=completed.replace(year=completed.year + 2),
    )


def timed(data: CertificateData) -> tuple[float, int]:
    started = time.perf_counter()
    pdf = render_certificate_pdf(data)
    return (time.perf_counter() - started) * 1000, len(pdf)


def main() -> None:
    data = certificate_for(accredited_course())
    first_ms, size = timed(data)
    samples = sorted(timed(data)[0] for _round in range(ROUNDS))
    print(
        json.dumps(
            {
                "course": data.course_title,
                "first_ms": first_ms,
                "p50_ms": statistics.median(samples),
                "max_ms": samples[-1],
                "rounds": ROUNDS,
                "bytes": size,
            }
        )
    )


if __name__ == "__main__":
    main()
