#!/usr/bin/env bash
# Print the path of a working Python 3.12 interpreter, or explain how to get one and fail.
# Tried in order: python3.12 on PATH (a pyenv shim on PATH may exist but not work), pyenv's
# versions folder, then `uv python find 3.12`.
set -uo pipefail

works() {
    "$1" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1
}

candidates=()
if command -v python3.12 >/dev/null 2>&1; then
    candidates+=("$(command -v python3.12)")
fi
for dir in "${PYENV_ROOT:-${HOME:-/root}/.pyenv}"/versions/3.12*/bin; do
    [ -x "$dir/python3.12" ] && candidates+=("$dir/python3.12")
done
candidates+=(/usr/local/bin/python3.12 /usr/bin/python3.12)

for python in "${candidates[@]}"; do
    if works "$python"; then
        # The real binary, not a shim, so the venv keeps working whatever PATH says later.
        "$python" -c 'import sys; print(sys.executable)'
        exit 0
    fi
done

if command -v uv >/dev/null 2>&1; then
    python=$(uv python find 3.12 2>/dev/null) && works "$python" && { echo "$python"; exit 0; }
fi

cat >&2 <<'MSG'
No working Python 3.12 found (tried python3.12 on PATH, ~/.pyenv/versions/3.12*, uv).
Install one, for example:  pyenv install 3.12   or   uv python install 3.12
or point the Makefile at it:  make install PYTHON=/path/to/python3.12
MSG
exit 1
