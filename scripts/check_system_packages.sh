#!/usr/bin/env bash
# Say which system tools are missing and what to run. Exit 1 when something `make run` cannot
# do without is missing; tools needed only by `make test`, CI or `make bench` give a warning
# here (`make test` stops on a missing chromium with the same advice).
set -uo pipefail

missing_required=()
missing_optional=()

command -v msgfmt >/dev/null 2>&1 || missing_required+=("gettext (msgfmt, for compilemessages)")
command -v node >/dev/null 2>&1 || missing_required+=("node (Node.js 20, for the design system build)")
command -v npm >/dev/null 2>&1 || missing_required+=("npm (for the design system build)")
# WeasyPrint (the demo factsheets, make run) lays out text with Pango and needs a font.
# grep reads all of ldconfig's list: with `grep -q` it would stop at the first match, ldconfig
# would get SIGPIPE, and pipefail would report Pango missing now and then (it did, in CI).
ldconfig -p 2>/dev/null | grep 'libpangoft2-1.0.so.0' >/dev/null ||
    missing_required+=("libpango-1.0-0 and libpangoft2-1.0-0 (for WeasyPrint's PDFs)")
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ||
    missing_required+=("fonts-dejavu-core (the font of the PDFs)")
[ -x /usr/bin/chromium ] || missing_optional+=("chromium (browser tests in make test)")
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing_optional+=("postgresql (make test-postgres)")
command -v wrk >/dev/null 2>&1 || missing_optional+=("wrk (make bench; falls back to a slower Python load loop)")

for item in "${missing_optional[@]}"; do
    echo "note: missing system package: $item" >&2
done
for item in "${missing_required[@]}"; do
    echo "error: missing system package: $item" >&2
done
if [ ${#missing_required[@]} -gt 0 ] || [ ${#missing_optional[@]} -gt 0 ]; then
    echo "      install them with: scripts/install_system_packages.sh" >&2
    echo "      (apt-get install gettext chromium postgresql wrk libpango-1.0-0 libpangoft2-1.0-0" >&2
    echo "       fonts-dejavu-core; Node.js 20 with npm separately)" >&2
fi
[ ${#missing_required[@]} -eq 0 ]
