"""`make bench` runs outside the test suite, so its settings are checked here: they must load
and give every cache alias the project uses, in both of its modes (a page-cache alias missing
from the bench settings once broke `make bench` without any test noticing)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PROBE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({'aliases': sorted(settings.CACHES), 'page': settings.PAGE_CACHE_ALIAS,"
    " 'debug': settings.DEBUG}))"
)


@pytest.mark.parametrize("mode", ["dummy", "file"])
def test_bench_settings_load_with_every_cache_the_pages_use(mode):
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env={"DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_CACHE": mode, "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    settings = json.loads(done.stdout.strip().splitlines()[-1])
    assert settings["page"] in settings["aliases"]
    assert "default" in settings["aliases"]
    assert settings["debug"] is False
