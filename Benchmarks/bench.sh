#!/usr/bin/env bash
# `make bench`: builds the same synthetic dossier with Dossier (release build) and with Hugo, alternating, several
# rounds per size, and prints the medians of wall time, CPU time and peak memory with the ratios dossier/hugo;
# then times `dossier build` after editing one article of the EDIT_N-article corpus.
#
#   N="1000 10000 50000"  sizes in articles (N= runs the edit test alone)
#   ROUNDS=3              rounds per size (ROUNDS_LARGE=2 from 50,000 articles)
#   EDIT_N=10000          size of the edit test's corpus       SEED=7   the generator's seed
#   EDIT_ROUNDS=5         edits, each followed by a timed rebuild
#
# Every run writes into its own fresh folder (deleting output between timed runs makes the next run's
# file creation slow on ext4: see PERFORMANCE-NOTES.md); the outputs are removed at the end. Corpora are kept
# in Benchmarks/work/ for the next run (delete them freely).

set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${N-"1000 10000 50000"}
ROUNDS=${ROUNDS:-3}
ROUNDS_LARGE=${ROUNDS_LARGE:-2}
EDIT_N=${EDIT_N:-10000}
EDIT_ROUNDS=${EDIT_ROUNDS:-5}
SEED=${SEED:-7}
WORK=$PWD/Benchmarks/work
RUNS=$WORK/runs-$$
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

need() {   # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return
    echo "Installing $2 with apt-get"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"
}
need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time
need python3 python3
make -s deps
swift build -c release --product dossier --static-swift-stdlib   # as `make release` builds it
DOSSIER=$PWD/.build/release/dossier

corpus() {   # corpus N → path of the generated corpus (made once per size and seed)
    local dir=$WORK/corpus-$1-seed$SEED
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        echo "Generating $1 articles into $dir" >&2
        python3 Benchmarks/generate.py "$dir" --articles "$1" --seed "$SEED" >&2
        touch "$dir/.complete"
    fi
    echo "$dir"
}

mkdir -p "$RUNS"
trap 'rm -rf "$RUNS"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# $(swift --version 2>&1 | head -1); $(hugo version | cut -d' ' -f1-2); rounds: $ROUNDS (from 50,000: $ROUNDS_LARGE)"

for n in $SIZES; do
    dir=$(corpus "$n")
    rounds=$ROUNDS; [ "$n" -ge 50000 ] && rounds=$ROUNDS_LARGE
    for r in $(seq "$rounds"); do
        # Alternating, each into a folder of its own, and each after a sync: a build is not timed while the kernel
        # writes back the one before (a 50,000-article build took 42 s instead of 23 s after the 10,000-article rounds).
        sync
        /usr/bin/time -v -o "$RUNS/$n-$r.dossier" "$DOSSIER" build --quiet --content "$dir/dossier/Content" \
            --templates Templates --output "$RUNS/$n-$r-dossier" > "$RUNS/$n-$r.dossier.log" 2>&1 \
            || { cat "$RUNS/$n-$r.dossier.log"; exit 1; }
        sync
        /usr/bin/time -v -o "$RUNS/$n-$r.hugo" hugo --quiet -s "$dir/hugo" -d "$RUNS/$n-$r-hugo" > "$RUNS/$n-$r.hugo.log" 2>&1 \
            || { cat "$RUNS/$n-$r.hugo.log"; exit 1; }
        echo "  $n articles, round $r done" >&2
    done
done

# One article edited in the EDIT_N corpus: a full build into a folder, then an edit and a rebuild, per round.
dir=$(corpus "$EDIT_N")
cp -r "$dir/dossier/Content" "$RUNS/edit-content"
/usr/bin/time -v -o "$RUNS/edit-full" "$DOSSIER" build --quiet --content "$RUNS/edit-content" --templates Templates \
    --output "$RUNS/edit-site" > /dev/null
# The full build leaves ~470 MB for the kernel to write back; an analyst's first edit comes later than that, and a
# rebuild started at once would be timed sharing the disk with it (the first of three took twice the others).
sync
article=$(ls "$RUNS/edit-content/articles" | sed -n "$((EDIT_N / 2))p")
for r in $(seq "$EDIT_ROUNDS"); do
    printf '\nAdded in edit %s: the delegation left on the next morning.\n' "$r" >> "$RUNS/edit-content/articles/$article"
    /usr/bin/time -v -o "$RUNS/edit-$r" "$DOSSIER" build --content "$RUNS/edit-content" --templates Templates \
        --output "$RUNS/edit-site" > "$RUNS/edit-$r.log" 2>&1 || { cat "$RUNS/edit-$r.log"; exit 1; }
done
echo "# edit rebuild: $(tail -1 "$RUNS/edit-$EDIT_ROUNDS.log" | sed 's/ Open .*//')"

python3 Benchmarks/report.py "$RUNS" "$SIZES" "$ROUNDS" "$ROUNDS_LARGE" "$EDIT_N" "$EDIT_ROUNDS"
