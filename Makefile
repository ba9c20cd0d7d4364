SWIFT ?= swift
TIMELINE := .build/release/timeline

.PHONY: site test deps build

## Install what is missing, build the generator, and write Public/ from Content/.
site: build
	$(TIMELINE) build --strict

deps:
	@sh scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product timeline

## Run every test.
test: deps
	$(SWIFT) test
