"""Bench settings for the search latency (bench/search_latency.py): the bench's own settings
on a copy of its database, var/bench/search.sqlite3, which `create_random_content` fills with
thousands of articles. The pages bench/run.py serves keep the plain demo database, so their
figures stay comparable from run to run.
"""

from bench.settings import *  # noqa: F403
from bench.settings import BENCH_DIR, DATABASES

SEARCH_DATABASE = BENCH_DIR / "search.sqlite3"
DATABASES = {"default": {**DATABASES["default"], "NAME": str(SEARCH_DATABASE)}}

# One client sends every timed search: the per-IP limit that protects the site would turn
# most of them into 429s.
SEARCH_RATE_LIMIT = "1000000/m/ip"
