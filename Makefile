SWIFT ?= swift
TIMELINE := .build/release/timeline
## The release build links the Swift standard library and Foundation into the program: each command then
## starts in 4 ms instead of 8, and calls the runtime directly rather than through the dynamic linker's tables.
RELEASE := -c release --product timeline --static-swift-stdlib
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

PREFIX ?= /usr/local

.PHONY: site test unit-tests browser-tests deploy-tests dist dist-tests deps build install

## Install what is missing, build the generator, and write Public/ from Content/.
site: build
	$(TIMELINE) build --strict

## Put the generator in $(PREFIX)/bin (/usr/local/bin unless PREFIX says otherwise).
install: build
	install -d "$(PREFIX)/bin"
	install -m 755 $(TIMELINE) "$(PREFIX)/bin/timeline"

deps:
	@sh scripts/install-deps.sh

build: deps
	$(SWIFT) build $(RELEASE)

## Run every test: the Swift tests, the browser suite on the example and the real site, the deploy recipes
## and the portable binary.
test: unit-tests browser-tests deploy-tests dist-tests

## The Swift tests, after a build that must give no warning in the project's own code.
unit-tests: deps
	mkdir -p .build
	$(SWIFT) build 2>&1 | tee .build/build.log
	@if grep -E "^$(CURDIR)/(Sources|Tests)/.*: warning:" .build/build.log; then echo "error: the build has warnings" >&2; exit 1; fi
	$(SWIFT) test

## The browser suite; its check of `timeline serve`'s reload times the release build, as a user runs it.
browser-tests: deps
	bash Tests/Browser/install.sh
	$(SWIFT) build $(RELEASE)
	TIMELINE=.build/debug/timeline SERVE_TIMELINE=$(TIMELINE) python3 Tests/Browser/run.py

## The recipes of docs/deploy/, served by nginx and Apache from the committed Public/, and checked.
deploy-tests: deps
	TIMELINE=.build/debug/timeline bash Tests/Deploy/run.sh

## make dist, then the binary run with an empty environment from a folder outside the repository.
dist-tests: deps
	bash Tests/Dist/run.sh

DIST_BUILD := .build/dist

## A portable binary, dist/timeline: a release build with the Swift standard library and libcmark linked in
## (libvips, with its own many libraries, is loaded as a shared library when a site has images),
## so that it runs on Linux without the Swift toolchain's libraries or libcmark. It has a build folder of its
## own, as linking the standard library statically compiles every module differently. Every -lcmark finds
## libcmark.a: a pkg-config file of its own names a folder that holds only that library.
dist: deps
	mkdir -p $(DIST_BUILD)/lib dist
	ln -sf "$$(pkg-config --variable=libdir libcmark)/libcmark.a" $(DIST_BUILD)/lib/libcmark.a
	printf 'Name: libcmark\nDescription: libcmark, linked statically\nVersion: %s\nLibs: -L%s -lcmark\nCflags:\n' \
		"$$(pkg-config --modversion libcmark)" "$(CURDIR)/$(DIST_BUILD)/lib" > $(DIST_BUILD)/lib/libcmark.pc
	PKG_CONFIG_PATH=$(CURDIR)/$(DIST_BUILD)/lib $(SWIFT) build -c release --product timeline --static-swift-stdlib --scratch-path $(DIST_BUILD)
	cp $(DIST_BUILD)/release/timeline dist/timeline
	@if ldd dist/timeline | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|libcmark|/opt/swift'; then \
		echo "error: dist/timeline needs the libraries above" >&2; exit 1; fi
	@echo "dist/timeline: $$(du -h dist/timeline | cut -f1); it needs: $$(readelf -d dist/timeline | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
