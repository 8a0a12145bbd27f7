# Dossier: `make site` builds Site/ from Content/; `make serve` serves it, rebuilt on every change; `make test` runs every test.
# Both install what they need (libcmark-dev and libjemalloc-dev from Debian) when it is missing.

SWIFT ?= swift
DOSSIER = .build/debug/dossier
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps build release clean serve browser-test export-test bench eval

site: deps build
	$(DOSSIER) build --content Content --templates Templates --output Site

# Build, serve on http://127.0.0.1:8000/ and rebuild and reload on every change; Ctrl-C stops.
serve: deps build
	$(DOSSIER) serve --content Content --templates Templates --output Site

test: deps
	$(SWIFT) test
	$(MAKE) export-test
	$(MAKE) browser-test

# `dossier export --format ftm` validated with the followthemoney package (a venv in .build/ftm-venv, made when missing).
export-test: build
	sh Tests/Export/run.sh

# Headless Chromium over Site/ from file:// and over http:// from nginx under /briefings/dmitriev/, and the Nu HTML
# Checker over every page; installs chromium, chromium-driver, nginx, Java and a Python venv (.build/browser-venv)
# when missing. Screenshots: Tests/Browser/screenshots/.
browser-test: site
	sh Tests/Browser/run.sh

build: deps
	$(SWIFT) build

# The optimised command for large dossiers, .build/release/dossier: the Swift runtime and Foundation linked in
# statically, so that it starts sooner and calls the runtime directly (a full build of 10,000 articles: 6 % less
# CPU). `dossier serve` runs dossier-serve from beside it: that one is linked as usual (statically it would need
# libcurl's headers for FoundationNetworking), in a build folder of its own so that neither build undoes the other.
release: deps
	$(SWIFT) build -c release --product dossier --static-swift-stdlib
	$(SWIFT) build -c release --product dossier-serve --build-path .build/serve
	cp .build/serve/release/dossier-serve .build/release/dossier-serve

# Two system libraries: libcmark (Markdown) and jemalloc (the command's allocator); pkg-config tells whether they are there.
# rsync: what `dossier publish` runs (its tests publish to a local folder).
deps:
	@pkg-config --exists libcmark jemalloc 2>/dev/null && command -v rsync >/dev/null || { \
		echo "Installing libcmark-dev (CommonMark), libjemalloc-dev and rsync with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libjemalloc-dev pkg-config rsync; }

clean:
	rm -rf .build

# Dossier against Hugo on synthetic dossiers (not part of `test`; minutes): N="1000 10000" ROUNDS=3 make bench
bench: deps
	Benchmarks/bench.sh

# The evaluation (not part of `test`; Tests/Evaluation/README.md): the scorer's own tests, Dossier's discovery
# scored on the blind test part, then spaCy's en_core_web_sm on the same annotations (makes .build/eval-venv once).
eval: deps build
	python3 -m unittest discover -s Tests/Evaluation -p 'test_*.py'
	python3 Tests/Evaluation/score.py test --binary $(DOSSIER)
	python3 Tests/Evaluation/spacy_anchor.py test
