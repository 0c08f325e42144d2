"""The worker's start-up (portal/wsgi.py, what gunicorn loads): the objects Django and Wagtail
build at start-up are moved out of the garbage collector's reach, and collection goes on for
everything a request makes. Without the freeze a search paused 100-150 ms every few requests
while the collector walked those objects again (make bench: search p95)."""

import os
import subprocess
import sys
from pathlib import Path

from tests.production_env import COMPLETE_ENV

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import gc; import portal.wsgi as w; "
    "print(callable(w.application), gc.get_freeze_count(), gc.isenabled())"
)


def test_the_worker_freezes_what_start_up_built_and_still_collects():
    environment = {
        **os.environ,
        **COMPLETE_ENV,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    }
    finished = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded, frozen, collecting = finished.stdout.split()
    assert loaded == "True"
    assert int(frozen) > 50_000  # Django, Wagtail and the apps: about 190,000 here
    assert collecting == "True"
