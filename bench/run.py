"""`make bench`: serve Steiger with gunicorn on 127.0.0.1 and measure it.

What it prints, for anonymous visitors, with the cache cold (every request misses: a dummy
cache) and warm (production's shared file cache, primed first):
- requests/s and p50/p99 latency of the home page, an audience page, a standard page, the
  knowledge base's index, an article, the course catalogue, a course and a lesson, an
  awareness-session offer and the expert pool, next to a
  bare Django view served by the same server in the same run, and each as a ratio to that view;
- every page's cold render time (every cache missing), one request at a time with the pages
  taking turns, and the article's against the home page's, in the same run;
- the home page's weight (bytes of HTML, CSS and JS; number of requests) and SQL queries;
- booking a paid seat through the booking page (hold) and confirming its payment, and fifty
  people booking ten seats at once, with the seat count after (bench/booking.py);
- the time to generate one certificate PDF (bench/certificate.py: the first in a process,
  then the median and maximum of BENCH_CERTIFICATE_ROUNDS more);
- the search page's latency (p50, p95) on the default backend with 1,000 and 10,000 indexed
  items, and its SQL queries: on a copy of the bench database that `create_random_content`
  fills (bench/search_latency.py; target p95 under 50 ms at 10,000, reported, never failed).

Only loopback traffic; every load run is bounded in time; the server is stopped at the end.
Environment: BENCH_DURATION (seconds per URL, default 10), BENCH_CONNECTIONS (default 8),
BENCH_RENDER_ROUNDS (rounds of the one-at-a-time render timing, default 80),
BENCH_SEARCH_ITEMS (indexed items to time the search page at, default "1000,10000"; empty
skips it), BENCH_SEARCH_ROUNDS and BENCH_SEARCH_BUDGET (see bench/search_latency.py).
`python -m bench.run search` runs the search part alone and updates it in results.json.
This measures; it is not a pass/fail test.
"""

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "var" / "bench"
PYTHON = sys.executable
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
RENDER_ROUNDS = int(os.environ.get("BENCH_RENDER_ROUNDS", "80"))
WORKERS = 2
BARE = "/bench/bare/"
SEARCH_ITEMS = [int(n) for n in os.environ.get("BENCH_SEARCH_ITEMS", "1000,10000").split(",") if n]
SEARCH_TARGET_P95_MS = 50.0


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def django_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    return {**env, "DJANGO_SETTINGS_MODULE": "bench.settings", **extra}


def manage(*args: str) -> None:
    """Run a management command quietly; show its output only when it fails."""
    command = [PYTHON, "manage.py", *args]
    done = subprocess.run(
        command, cwd=REPO, env=django_env(), capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed (exit {done.returncode})")


def prepare_site() -> dict:
    """A local SQLite copy of the demo site, production-style static files, then the probe."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    log("migrating the bench database and loading demo content (var/bench/)")
    manage("migrate", "--noinput", "-v", "0")
    # --force: DEBUG is off here; this database is the bench's own and serves loopback only.
    manage("load_demo_content", "--force")
    log("collecting static files (manifest storage, as in production)")
    manage("collectstatic", "--noinput", "-v", "0")
    probe = subprocess.run(
        [PYTHON, "-m", "bench.probe"],
        cwd=REPO,
        env=django_env(BENCH_CACHE="file"),
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(probe.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 workers on 127.0.0.1, in its own process group so it stops whole."""

    def __init__(self, cache: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.logfile = BENCH_DIR / f"gunicorn-{cache}.log"
        # Every run starts from an empty page cache: "warm" means primed in this run only.
        shutil.rmtree(BENCH_DIR / "cache", ignore_errors=True)
        command = [str(Path(PYTHON).parent / "gunicorn"), "portal.wsgi:application"]
        command += ["--workers", str(WORKERS), "--bind", f"127.0.0.1:{self.port}"]
        command += ["--log-level", "warning", "--error-logfile", str(self.logfile)]
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            env=django_env(BENCH_CACHE=cache),
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited early; see {self.logfile}")
            try:
                if fetch(self.base + BARE)[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within {timeout}s; see {self.logfile}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str) -> tuple[int, bytes]:
    """GET without following redirects and without compression: the bytes as served."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(url: str) -> Result:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=DURATION + 60,
    ).stdout

    def latency(percent: str) -> float:
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*?timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += int(socket_errors.group(1)) if socket_errors else 0
    return Result(float(rps.group(1)) if rps else 0.0, latency("50"), latency("99"), errors)


def python_load(url: str) -> Result:
    """Fallback without wrk: CONNECTIONS keep-alive threads for DURATION seconds."""
    parts = urlsplit(url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + DURATION

    def worker() -> None:
        connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine: list[float] = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            connection.request("GET", parts.path)
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=DURATION + 60)
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else 0.0

    return Result(len(latencies) / DURATION, percentile(0.50), percentile(0.99), errors[0])


class Assets(HTMLParser):
    """The CSS, JS and images an HTML page makes a browser fetch."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attrs.get("href"):
            self.css.append(attrs["href"])
        elif tag == "link" and {"icon", "preload", "manifest"} & set(rel) and attrs.get("href"):
            self.other.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])
        elif tag in {"img", "source"} and attrs.get("src"):
            self.other.append(attrs["src"])


def page_weight(base: str, path: str) -> dict:
    url = base + path
    status, html = fetch(url)
    parser = Assets()
    parser.feed(html.decode("utf-8", "replace"))
    css = js = 0
    extra_requests: list[str] = []
    for href in parser.css:
        body = fetch(urljoin(url, href))[1]
        css += len(body)
        # Fonts and images a stylesheet pulls in are requests too.
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", body.decode("utf-8", "replace")):
            if not ref.startswith("data:"):
                extra_requests.append(ref)
    for src in parser.js:
        js += len(fetch(urljoin(url, src))[1])
    requests = 1 + len(parser.css) + len(parser.js) + len(parser.other) + len(extra_requests)
    return {
        "status": status,
        "html": len(html),
        "css": css,
        "js": js,
        "requests": requests,
        "files": {"css": parser.css, "js": parser.js, "other": parser.other + extra_requests},
    }


def measure(server: Server, targets: list[tuple[str, str]], prime: bool) -> dict[str, Result]:
    load = wrk if shutil.which("wrk") else python_load
    for name, path in targets:
        status = fetch(server.base + path)[0]
        if status != 200:
            raise SystemExit(f"{name} {path} answered {status}, not 200: nothing to measure")
        if prime:
            # Each worker has its own memory cache: enough requests that both have seen it.
            for _ in range(10 * WORKERS):
                fetch(server.base + path)
    results = {}
    for name, path in targets:
        log(f"  {name:<9} {path}  ({DURATION}s)")
        results[name] = load(server.base + path)
    return results


def render_times(server: Server, paths: dict[str, str], rounds: int) -> dict[str, float]:
    """Median milliseconds per page, asked one request at a time over one kept-alive
    connection, the pages taking turns. This is a page's own render cost: under load (wrk),
    two workers and the load tool share two cores, and the queueing in front of a busy worker
    swings a p50 by a third from run to run; taking turns gives any drift of the machine to
    every page alike. The first two rounds warm the workers and are not counted."""
    host, port = urlsplit(server.base).netloc.split(":")
    connection = HTTPConnection(host, int(port), timeout=30)
    samples: dict[str, list[float]] = {name: [] for name in paths}
    try:
        for round_number in range(rounds + 2):
            for name, path in paths.items():
                started = time.perf_counter()
                connection.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise SystemExit(f"{name} {path} answered {response.status} while timed")
                if round_number >= 2:
                    samples[name].append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return {name: statistics.median(times) for name, times in samples.items()}


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (its backup API, not a file copy)."""
    target.unlink(missing_ok=True)
    source_db, target_db = sqlite3.connect(source), sqlite3.connect(target)
    try:
        source_db.backup(target_db)
    finally:
        source_db.close()
        target_db.close()


def certificate_time() -> dict:
    done = subprocess.run(
        [PYTHON, "-m", "bench.certificate"],
        cwd=REPO,
        env=django_env(),
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def booking_figures() -> dict:
    """Booking a seat (hold, confirm) and fifty people booking ten seats at once, on a copy
    of the bench database (bench/booking.py)."""
    copy_database(BENCH_DIR / "steiger.sqlite3", BENCH_DIR / "booking.sqlite3")
    done = subprocess.run(
        [PYTHON, "-m", "bench.booking"],
        cwd=REPO,
        env=django_env(DJANGO_SETTINGS_MODULE="bench.booking_settings"),
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_booking(figures: dict) -> None:
    hold, crowd = figures["hold"], figures["concurrency"]
    print(
        f"\nBooking a paid seat through the booking page (in-process, {hold['rounds']} rounds):"
        f" hold median {hold['hold_p50_ms']:.1f} ms (max {hold['hold_max_ms']:.1f});"
        f" confirming the payment median {hold['confirm_p50_ms']:.1f} ms"
        f" (max {hold['confirm_max_ms']:.1f})."
    )
    print(
        f"{crowd['threads']} people book {crowd['seats']} seats at once (SQLite file):"
        f" {crowd['confirmed']} confirmed, {crowd['waitlisted']} on the waiting list,"
        f" answers {crowd['answers']}, seats taken afterwards {crowd['seats_taken']},"
        f" in {crowd['elapsed_s']:.2f} s."
    )


def search_latency() -> list[dict]:
    """The search page timed at each size of SEARCH_ITEMS, on a fresh copy of the bench
    database (the other measurements keep the plain demo): each size adds random articles to
    the one before, then times the page in a process of its own (bench/search_latency.py)."""
    copy_database(BENCH_DIR / "steiger.sqlite3", BENCH_DIR / "search.sqlite3")
    results = []
    for items in SEARCH_ITEMS:
        log(f"search page at {items} indexed items (database backend)")
        done = subprocess.run(
            [PYTHON, "-m", "bench.search_latency", str(items)],
            cwd=REPO,
            env=django_env(DJANGO_SETTINGS_MODULE="bench.search_settings"),
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            timeout=3600,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def print_search(results: list[dict]) -> None:
    if not results:
        return
    print(
        "\nSearch page /nl/zoeken/?q=..., database backend, Django test client in one process,"
        f" one request at a time, {len(results[0]['per_query_p50_ms'])} queries taking turns"
        f" (a search is cut off at {results[0]['cap_ms'] / 1000:.0f} s; '>=' marks a figure"
        " that hit it):"
    )
    header = f"  {'items':>7}{'made':>7}{'fill s':>9}{'searches':>10}{'capped':>8}"
    print(header + f"{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'SQL queries':>13}")
    for r in results:
        print(
            f"  {r['items']:>7}{r['made']:>7}{r['fill_s']:>9.1f}{r['searches']:>10}"
            f"{r['capped']:>8}{at_least(r, 'p50_ms'):>10}{at_least(r, 'p95_ms'):>10}"
            f"{at_least(r, 'max_ms'):>10}{r['sql_queries_counted'] or '-':>13}"
        )
    largest = results[-1]
    verdict = "met" if largest["p95_ms"] < SEARCH_TARGET_P95_MS else "NOT met"
    print(
        f"p95 at {largest['items']} items: {at_least(largest, 'p95_ms')} ms (target: under"
        f" {SEARCH_TARGET_P95_MS:.0f} ms at 10,000): {verdict}."
    )
    for r in results:
        slowest = sorted(r["per_query_p50_ms"].items(), key=lambda item: -item[1])
        print(
            f"Median ms per query at {r['items']} items: "
            + ", ".join(f"{query} {ms:.0f}" for query, ms in slowest)
        )
    counts = [n for r in results for n in r["sql_queries"].values()]
    if counts:
        print(
            f"SQL queries of one search page: {min(counts)} to {max(counts)} (a typo pays for"
            " the correction's search too)."
        )


def at_least(result: dict, key: str) -> str:
    value = result[key]
    return f"{'>=' if value >= result['cap_ms'] else ''}{value:.1f}"


def save_results(summary: dict) -> None:
    (BENCH_DIR / "results.json").write_text(json.dumps(summary, indent=2))


def search_only() -> None:
    """`python -m bench.run search`: the demo database, then the search part alone."""
    started = time.monotonic()
    prepare_site()
    results = search_latency()
    print_search(results)
    saved = BENCH_DIR / "results.json"
    summary = json.loads(saved.read_text()) if saved.exists() else {}
    save_results({**summary, "search": results})
    log(f"done in {time.monotonic() - started:.0f}s; figures saved in var/bench/results.json")


def main() -> None:
    started = time.monotonic()
    if not shutil.which("wrk"):
        log("wrk not found (apt-get install wrk): using a slower Python load loop")
    probe = prepare_site()
    paths = probe["paths"]
    missing = [name for name, path in paths.items() if path is None]
    if missing:
        raise SystemExit(f"no live Dutch page for {', '.join(missing)}: is the demo loaded?")
    targets = [("bare", BARE), *paths.items()]

    runs: dict[str, dict[str, Result]] = {}
    weight: dict = {}
    render: dict[str, float] = {}
    for cache in ("cold", "warm"):
        log(f"serving with gunicorn ({WORKERS} workers, DEBUG off), cache {cache}")
        server = Server("dummy" if cache == "cold" else "file")
        try:
            server.wait_ready()
            runs[cache] = measure(server, targets, prime=cache == "warm")
            if cache == "cold":
                log(f"  cold render, one request at a time: {RENDER_ROUNDS} rounds, pages in turn")
                render = render_times(server, dict(targets), RENDER_ROUNDS)
            if cache == "warm":
                weight = page_weight(server.base, paths["home"])
        finally:
            server.stop()

    tool = f"wrk -t2 -c{CONNECTIONS} -d{DURATION}s" if shutil.which("wrk") else "Python loop"
    print()
    print(f"Steiger bench: gunicorn {WORKERS} workers, DEBUG off, 127.0.0.1, {tool}, anonymous")
    header = f"{'cache':<6}{'page':<10}{'path':<52}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    header += f"{'req/s:bare':>12}{'p50:bare':>10}{'errors':>8}"
    print(header)
    print("-" * len(header))
    for cache, results in runs.items():
        bare = results["bare"]
        for name, path in targets:
            r = results[name]
            print(
                f"{cache:<6}{name:<10}{path:<52}{r.rps:>9.0f}{r.p50_ms:>9.2f}{r.p99_ms:>9.2f}"
                f"{r.rps / bare.rps if bare.rps else 0:>12.2f}"
                f"{r.p50_ms / bare.p50_ms if bare.p50_ms else 0:>10.2f}{r.errors:>8}"
            )
    print()
    total = weight["html"] + weight["css"] + weight["js"]
    print(f"Home page {paths['home']} weight (uncompressed, images excluded):")
    print(
        f"  HTML {kb(weight['html'])} + CSS {kb(weight['css'])} + JS {kb(weight['js'])}"
        f" = {kb(total)}; {weight['requests']} requests in all"
        f" ({len(weight['files']['css'])} CSS, {len(weight['files']['js'])} JS,"
        f" {len(weight['files']['other'])} other)"
    )
    print("SQL queries per page (Django test client, cache cleared, then again warm):")
    for name, counts in probe["queries"].items():
        print(f"  {name:<9} cold {counts['cold']:>3}   warm {counts['warm']:>3}")
    warm_home = runs["warm"]["home"].rps / runs["warm"]["bare"].rps
    print(f"\nWarm home page throughput is {warm_home:.0%} of the bare view's (aim: at least 50%).")
    print(
        f"\nCold render, every cache missing, one request at a time ({RENDER_ROUNDS} rounds, pages"
        " in turn, median ms):"
    )
    for name, path in targets:
        ratio = render[name] / render["home"]
        print(f"  {name:<9} {render[name]:>7.1f}  {ratio:>5.2f}x home  {path}")
    print(
        f"The cold article renders in {render['article'] / render['home']:.2f}x the cold home"
        f" page's time ({render['article']:.1f} ms against {render['home']:.1f} ms; aim: at most"
        " 1.00x)."
    )
    cold_home, cold_article = runs["cold"]["home"], runs["cold"]["article"]
    print(
        f"Under load (wrk, above) the cold article's p50 is"
        f" {cold_article.p50_ms / cold_home.p50_ms:.2f}x the home page's and its throughput"
        f" {cold_article.rps / cold_home.rps:.2f}x."
    )
    log("generating certificate PDFs")
    certificate = certificate_time()
    print(
        f"\nOne certificate PDF ({certificate['course']}, {kb(certificate['bytes'])}):"
        f" first in a process {certificate['first_ms']:.0f} ms, then median"
        f" {certificate['p50_ms']:.0f} ms, max {certificate['max_ms']:.0f} ms"
        f" over {certificate['rounds']} renders."
    )
    log("booking: hold, confirm, and a crowd for ten seats")
    booking = booking_figures()
    print_booking(booking)
    search = search_latency()
    print_search(search)
    summary = {
        "runs": {c: {n: vars(r) for n, r in rs.items()} for c, rs in runs.items()},
        "paths": paths,
        "weight": weight,
        "queries": probe["queries"],
        "cold_render_ms": render,
        "tool": tool,
        "search": search,
        "certificate": certificate,
        "booking": booking,
    }
    save_results(summary)
    log(f"done in {time.monotonic() - started:.0f}s; figures saved in var/bench/results.json")


if __name__ == "__main__":
    if sys.argv[1:] == ["search"]:
        search_only()
    else:
        main()
