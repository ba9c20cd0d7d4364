SWIFT ?= swift
TIMELINE := .build/release/timeline

.PHONY: site test unit-tests browser-tests deps build

## Install what is missing, build the generator, and write Public/ from Content/.
site: build
	$(TIMELINE) build --strict

deps:
	@sh scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product timeline

## Run every test: the Swift tests, then the browser suite on the example and the real site.
test: unit-tests browser-tests

unit-tests: deps
	$(SWIFT) build
	$(SWIFT) test

browser-tests: deps
	bash Tests/Browser/install.sh
	TIMELINE=.build/debug/timeline python3 Tests/Browser/run.py
