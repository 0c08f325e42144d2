#!/usr/bin/env bash
# Install the Debian packages Steiger needs outside Python and npm:
#   gettext     compilemessages (make install, make run)
#   chromium    the browser tests drive Debian's chromium (make test); no browser download
#   postgresql  the suite's second run on PostgreSQL (make test-postgres, CI)
#   wrk         load generator for make bench (bench falls back to a slower Python loop)
#   libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
#               WeasyPrint's text layout and a font: PDFs (the demo factsheets, make run)
# Node.js 20 and npm are expected to be present already (see README).
set -euo pipefail

packages=(gettext chromium postgresql wrk libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
else
    sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
