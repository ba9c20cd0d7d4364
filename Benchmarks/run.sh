#!/bin/sh
# Benchmark the timeline generator against Hugo and the cmark floor; see Benchmarks/README.md.
#   Benchmarks/run.sh [SIZE ...] [--full] [--repeat N] [--no-hugo] [--work DIR]
# TIMELINE=/path/to/timeline skips the release build.
exec python3 "$(dirname "$0")/run.py" "$@"
