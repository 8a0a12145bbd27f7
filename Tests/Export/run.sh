#!/bin/sh
# Validates `dossier export --format ftm` with the followthemoney package from PyPI, as Aleph and OpenSanctions
# load it (Tests/Export/validate_ftm.py): the default dossier (with what an analyst would look for in it) and the
# test fixtures; then reads the CSV export of the default dossier with Python's csv module (check_csv.py). Installs what it needs when missing: a Python venv in .build/ftm-venv with followthemoney (which
# builds PyICU, so Debian's libicu-dev, pkg-config and a C++ compiler). Run from the repository root after `swift build`.
set -eu
export PYTHONDONTWRITEBYTECODE=1

VENV=.build/ftm-venv
PY_PACKAGES="followthemoney==4.11.2"
DOSSIER=${DOSSIER:-.build/debug/dossier}
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

apt_install() {
    echo "Installing $* with apt-get"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$VENV"; }
fi
if ! "$VENV/bin/python" -c "import followthemoney" 2>/dev/null; then
    echo "Installing $PY_PACKAGES into $VENV"
    "$VENV/bin/python" -m pip install -q $PY_PACKAGES || {
        apt_install libicu-dev pkg-config g++ python3-dev
        "$VENV/bin/python" -m pip install -q $PY_PACKAGES
    }
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$DOSSIER" export --format ftm --content Content --output "$OUT/default.ftm" --quiet
"$VENV/bin/python" Tests/Export/validate_ftm.py "$OUT/default.ftm" --expect-default-dossier
for fixture in small discovery hostile; do
    "$DOSSIER" export --format ftm --content "Tests/DossierTests/Fixtures/$fixture" --output "$OUT/$fixture.ftm" --quiet
    "$VENV/bin/python" Tests/Export/validate_ftm.py "$OUT/$fixture.ftm"
done
"$DOSSIER" export --format csv --content Content --output "$OUT/csv" --quiet
"$VENV/bin/python" Tests/Export/check_csv.py "$OUT/csv"
