#!/usr/bin/env bash
# Prints a Python 3.12+ interpreter: $PYTHON if set, then pyenv's choice for this folder
# (.python-version), then python3.13, python3.12, python3 from PATH.
set -euo pipefail
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
for candidate in "${PYTHON:-}" python python3.13 python3.12 python3; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 && ok "$candidate"; then
    command -v "$candidate"
    exit 0
  fi
done
echo "Python 3.12 or newer is needed: install it (e.g. 'pyenv install 3.12' or your system's python3.12) or set PYTHON=/path/to/python3.12." >&2
exit 1
