#!/usr/bin/env bash
# Regenerate the Dutch catalogue from the sources and locale/pairs/*.json, then compile it.
#   makemessages -l nl  ->  fill_translations --overwrite  ->  compilemessages
# locale/pairs/*.json are the source of the Dutch texts: add {"English msgid": "Dutch"} there
# (one file per area) and run this script; never edit django.po by hand. Runs are serialised
# with flock, so several people (or helpers) can run it at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
exec 9>var/.update-translations.lock
flock 9
py=.venv/bin/python
ignore=(--ignore=.venv --ignore=node_modules --ignore=var --ignore=static/build --ignore=tests)
"$py" manage.py makemessages -l nl --no-location "${ignore[@]}" -v 0
"$py" manage.py fill_translations --overwrite
"$py" manage.py compilemessages "${ignore[@]}" -v 0
touch var/.stamp-messages
