# Dossier: `make site` builds Site/ from Content/; `make serve` serves it, rebuilt on every change; `make test` runs every test.
# Both install what they need (libcmark-dev and libjemalloc-dev from Debian) when it is missing.
# `make install [PREFIX=...]` installs the command with its theme built in; `make theme` after editing Templates/.

SWIFT ?= swift
DOSSIER = .build/debug/dossier
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps build release clean serve browser-test export-test bench eval theme install

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

build: deps theme
	$(SWIFT) build

# The default theme built into `dossier` (Sources/BuiltinTheme/BuiltinTheme.swift) is generated from Templates/:
# run after editing Templates/ (`make build`, `make site` and `make release` run it). The file is committed, and
# ThemeTests fails when it differs from Templates/. It is rewritten only when it changes, so nothing recompiles
# needlessly. After a merge that conflicts in it, take either side and run `make theme`.
THEME = Sources/BuiltinTheme/BuiltinTheme.swift
theme:
	@sh Sources/BuiltinTheme/generate.sh Templates > $(THEME).new
	@if cmp -s $(THEME).new $(THEME); then rm $(THEME).new; else mv $(THEME).new $(THEME); echo "Regenerated $(THEME) from Templates/"; fi

# Installs `dossier` and `dossier-serve` (what `dossier serve` runs, found beside it) into PREFIX/bin, release
# builds with the theme built in: nothing refers to this clone afterwards. `dossier-serve` still loads the Swift
# runtime from the toolchain it was built with, and both load libcmark and libjemalloc (Debian's packages).
# PREFIX: as given; otherwise /usr/local, through sudo only when /usr/local is not writable, or ~/.local when
# there is no sudo either (then ~/.local/bin must be on PATH). Uninstall: remove the two files.
install: release
	@prefix='$(PREFIX)'; \
	writable() { d="$$1"; while [ ! -e "$$d" ]; do d=$$(dirname "$$d"); done; [ -w "$$d" ]; }; \
	if [ -z "$$prefix" ]; then \
		if writable /usr/local/bin || command -v sudo >/dev/null 2>&1; then prefix=/usr/local; else prefix="$$HOME/.local"; fi; \
	fi; \
	run=''; if ! writable "$$prefix/bin"; then run=sudo; fi; \
	$$run mkdir -p "$$prefix/bin" && \
	$$run install -m 755 .build/release/dossier .build/release/dossier-serve "$$prefix/bin/" && \
	echo "Installed $$prefix/bin/dossier and $$prefix/bin/dossier-serve ($$("$$prefix/bin/dossier" --version))"; \
	case ":$$PATH:" in *":$$prefix/bin:"*) ;; *) echo "Add $$prefix/bin to PATH to run dossier by name";; esac

# The optimised command for large dossiers, .build/release/dossier: the Swift runtime and Foundation linked in
# statically, so that it starts sooner and calls the runtime directly (a full build of 10,000 articles: 6 % less
# CPU). `dossier serve` runs dossier-serve from beside it: that one is linked as usual (statically it would need
# libcurl's headers for FoundationNetworking), in a build folder of its own so that neither build undoes the other.
release: deps theme
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
