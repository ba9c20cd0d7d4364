SWIFT ?= swift
TIMELINE := .build/release/timeline
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

PREFIX ?= /usr/local

.PHONY: site test unit-tests browser-tests deps build install

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
	$(SWIFT) build -c release --product timeline

## Run every test: the Swift tests, then the browser suite on the example and the real site.
test: unit-tests browser-tests

## The Swift tests, after a build that must give no warning in the project's own code.
unit-tests: deps
	mkdir -p .build
	$(SWIFT) build 2>&1 | tee .build/build.log
	@if grep -E "^$(CURDIR)/(Sources|Tests)/.*: warning:" .build/build.log; then echo "error: the build has warnings" >&2; exit 1; fi
	$(SWIFT) test

browser-tests: deps
	bash Tests/Browser/install.sh
	TIMELINE=.build/debug/timeline python3 Tests/Browser/run.py
