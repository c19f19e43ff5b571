#!/usr/bin/env bash
# Sets up everything Midad needs on a Debian/Ubuntu machine, idempotently:
# the system libraries Qt needs, a virtual environment in .venv, and Midad itself
# (editable, with the test tools). Safe to run again: it only adds what is missing.
# --test also installs what the test suite starts by itself: a real WordPress
# (Debian's package, MariaDB and PHP's built-in server), a real Ghost 5 (Node.js; installed
# once outside the checkout by scripts/ghost/install.sh) and PostgreSQL; nothing is started here.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_TEST_SERVERS=0
[ "${1:-}" = "--test" ] && WITH_TEST_SERVERS=1

# Qt's runtime libraries on a bare Debian 12 (see DESIGN.md, "Known traps"):
# core widgets, QtWebEngine, and the xcb platform for a real X11 window;
# then Enchant with the Arabic and English Hunspell dictionaries for spell checking,
# and poppler's pdftotext, which the PDF export tests read their output with.
SYSTEM_PACKAGES=(
    libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0
    libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2 libgbm1
    libxcb-dri3-0 libbrotli1
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
    fonts-dejavu-core python3-venv
    libenchant-2-2 hunspell-ar hunspell-en-us
    poppler-utils
)
# Naming php, php8.2-cgi and micro-httpd keeps apt from pulling apache2 in for wordpress.
# postgresql (+ openssl for its test certificate): the tests' private newsroom server (tests/postgres).
TEST_SERVER_PACKAGES=(wordpress php php8.2-cgi micro-httpd php-cli php-mysql php-mbstring mariadb-server mariadb-client
                      postgresql openssl
                      nodejs build-essential)  # Ghost 5 runs on Node 18/20/22; its sqlite3 module is compiled
[ "$WITH_TEST_SERVERS" -eq 1 ] && SYSTEM_PACKAGES+=("${TEST_SERVER_PACKAGES[@]}")
# The real readers that judge the exports in the tests: LibreOffice renders our .docx
# (and writes the correspondent-style .docx the import tests read), Chromium opens the
# static site. No Noto font on purpose: a test proves the bundled one loads without it.
TEST_READER_PACKAGES=(libreoffice-writer-nogui chromium)
[ "$WITH_TEST_SERVERS" -eq 1 ] && SYSTEM_PACKAGES+=("${TEST_READER_PACKAGES[@]}")

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: Midad needs Python 3.11 or newer; found $("$PYTHON" --version 2>&1)" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating the virtual environment in .venv"
    "$PYTHON" -m venv .venv
fi
echo "setup: installing Midad and its dependencies into .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]' 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
if [ "$WITH_TEST_SERVERS" -eq 1 ]; then
    # Debian's nodejs comes without npm (NodeSource's carries its own): add it only when missing.
    if ! command -v npm >/dev/null 2>&1; then
        echo "setup: installing npm"
        as_root=()
        [ "$(id -u)" -eq 0 ] || as_root=(sudo)
        DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends npm
    fi
    bash scripts/ghost/install.sh  # skips itself when the cached install works
fi
echo "setup: compiling the interface translations (.ts -> .qm)"
.venv/bin/python scripts/build_translations.py >/dev/null
echo "setup: done (run .venv/bin/midad)"
