#!/usr/bin/env bash
# Tests the portable binary (see docs/testing.md): `make dist` makes dist/timeline, which needs none of the
# Swift toolchain's libraries nor libcmark; copied into a folder outside the repository with the site's
# content, and run there with an empty environment, it builds the committed Public/ byte for byte.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

start=$(date +%s)
make dist || { echo "FAIL: make dist" >&2; exit 1; }
echo "make dist: $(( $(date +%s) - start )) s"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
case "$tmp/" in "$repo"/*) echo "error: the temporary folder $tmp lies inside the repository" >&2; exit 1 ;; esac
cp dist/timeline "$tmp/timeline"
cp -R Content "$tmp/Content"
# A site without Templates/ builds with the generator's own; copy them only where the repository has them.
if [ -d Templates ]; then cp -R Templates "$tmp/Templates"; fi

libraries="$(ldd "$tmp/timeline" 2>&1)"
if grep -E 'not found|/opt/swift|libswift|libFoundation|libdispatch|libBlocksRuntime|libcmark' <<<"$libraries" >&2; then
  fail "dist/timeline needs the libraries above"
else
  pass "ldd finds every library dist/timeline needs, none of them the toolchain's or libcmark"
fi
needed="$(readelf -d "$tmp/timeline" | grep -E '\((NEEDED|RPATH|RUNPATH)\)')"
if grep -E 'swift|cmark|Foundation|dispatch|/opt/' <<<"$needed" >&2; then
  fail "dist/timeline names the libraries or paths above"
else
  pass "dist/timeline names only: $(sed -n 's/.*\[\(.*\)\]/\1/p' <<<"$needed" | tr '\n' ' ')"
fi

if version="$(cd "$tmp" && env -i ./timeline --version 2>&1)"; then
  pass "env -i ./timeline --version: $version"
else
  fail "env -i ./timeline --version: $version"
fi

build_start=$(date +%s%N)
if output="$(cd "$tmp" && env -i ./timeline build --strict 2>&1)"; then
  pass "env -i ./timeline build --strict, in $tmp: $output ($(( ($(date +%s%N) - build_start) / 1000000 )) ms)"
else
  fail "env -i ./timeline build --strict exited with $?: $output"
fi
if difference="$(diff -r "$tmp/Public" Public 2>&1)"; then
  pass "the site it built is the committed Public/"
else
  fail "the site it built differs from the committed Public/: $(head -c 2000 <<<"$difference")"
fi

echo "dist/timeline: $(stat -c %s dist/timeline) bytes"
if [ "$failures" -gt 0 ]; then
  echo "Tests/Dist: $failures failed" >&2
  exit 1
fi
echo "Tests/Dist: every check passed"
