#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer, then runs each for SECONDS (default 60).
#
#   Fuzz/run.sh [SECONDS]             build, then run every target for SECONDS each
#   FUZZ_TARGETS="edtf note" Fuzz/run.sh 600
#   Fuzz/run.sh 0                     build only
#
# SwiftPM cannot build with -sanitize=fuzzer, so this compiles with swiftc directly: libyaml and Yams
# (from SwiftPM's checkout, or YAMS_DIR), the generator's library targets (TimelineCore, TimelineContent,
# TimelineMarkdown, TimelineSite, TimelineBuild and the in-memory TimelineTesting pieces they need) as static libraries built for testing, in
# layer order, and one small executable per target in Fuzz/Targets/. Each target starts from its seed corpus in Fuzz/corpus/TARGET/
# (made from the test fixtures; never changed by a run) and keeps what it learns in the build folder.
# A crash leaves its input in the build folder's crashes/ and makes this script fail: turn it into a
# fixture and a regression test, then fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
TARGETS=${FUZZ_TARGETS:-edtf references frontmatter note templates cache incremental}
OUT=${FUZZ_BUILD:-$ROOT/.build/fuzz}
mkdir -p "$OUT/obj" "$OUT/crashes"

# Yams 6.2.2, as Package.resolved pins it.
YAMS=${YAMS_DIR:-}
if [ -z "$YAMS" ]; then
    for candidate in "$ROOT/.build/checkouts/Yams" "$OUT/Yams"; do
        if [ -f "$candidate/Sources/Yams/Parser.swift" ]; then YAMS=$candidate; break; fi
    done
fi
if [ -z "$YAMS" ]; then
    swift package resolve --scratch-path "$OUT/spm" >/dev/null
    YAMS=$OUT/spm/checkouts/Yams
fi
CYAML=$YAMS/Sources/CYaml

SANITIZE="-sanitize=fuzzer,address"
STAMP=$OUT/obj/stamp
MODULES="TimelineTheme TimelineCore TimelineMedia TimelineContent TimelineMarkdown TimelineSite TimelineBuild"
SOURCES=$(find Templates Sources/TimelineTheme Sources/TimelineCore Sources/TimelineMedia Sources/CVips Sources/TimelineContent Sources/TimelineMarkdown Sources/TimelineSite Sources/TimelineBuild Sources/TimelineTesting Sources/CSystemShim Fuzz/Targets -type f | sort)
if [ ! -f "$STAMP" ] || [ -n "$(find $SOURCES -newer "$STAMP" 2>/dev/null | head -1)" ]; then
    echo "fuzz: building libyaml and Yams" >&2
    for c in "$CYAML"/src/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$CYAML/include" "$c" \
            -o "$OUT/obj/cyaml-$(basename "$c" .c).o"
    done
    swiftc -O -g -parse-as-library $SANITIZE -D SWIFT_PACKAGE -module-name Yams -emit-library -static -emit-module \
        -emit-module-path "$OUT/obj/Yams.swiftmodule" -I "$CYAML/include" -Xcc -DYAML_DECLARE_STATIC \
        "$YAMS"/Sources/Yams/*.swift -o "$OUT/obj/libYams.a" -suppress-warnings
    # The build stage's C files, and a module map for them.
    rm -f "$OUT"/obj/csystemshim*.o
    for c in Sources/CSystemShim/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -I Sources/CSystemShim/include "$c" -o "$OUT/obj/csystemshim-$(basename "$c" .c).o"
    done
    mkdir -p "$OUT/obj/CSystemShim"
    printf 'module CSystemShim {\n    header "%s"\n    export *\n}\n' "$ROOT/Sources/CSystemShim/include/CSystemShim.h" > "$OUT/obj/CSystemShim/module.modulemap"
    # The theme's files as SwiftPM embeds them: a byte array each, named after the file.
    python3 - Templates "$OUT/obj/embedded_resources.swift" <<'PY'
import os, re, sys
lines = ["struct PackageResources {"]
for folder, _, names in sorted(os.walk(sys.argv[1])):
    for name in sorted(names):
        identifier = re.sub(r"[^A-Za-z0-9_]", "_", name)
        identifier = "_" + identifier[1:] if identifier[0].isdigit() else identifier
        data = open(os.path.join(folder, name), "rb").read()
        lines.append("static let %s: [UInt8] = [%s]" % (identifier, ",".join(str(b) for b in data)))
open(sys.argv[2], "w").write("\n".join(lines + ["}", ""]))
PY
    for module in $MODULES; do
        echo "fuzz: building $module" >&2
        extra=""
        [ "$module" = TimelineTheme ] && extra="$OUT/obj/embedded_resources.swift"
        swiftc -O -g -parse-as-library $SANITIZE -enable-testing -package-name timeline -module-name "$module" -emit-library -static \
            -emit-module -emit-module-path "$OUT/obj/$module.swiftmodule" \
            -I "$OUT/obj" -I "$OUT/obj/CSystemShim" -I "$CYAML/include" -I Sources/CCMark -I Sources/CVips -Xcc -DYAML_DECLARE_STATIC \
            $(find "Sources/$module" -name '*.swift' | sort) $extra -o "$OUT/obj/lib$module.a"
    done
    # The in-memory file system of the tests, without the rest of TimelineTesting (which needs the build stage).
    echo "fuzz: building TimelineTesting's file system" >&2
    swiftc -O -g -parse-as-library $SANITIZE -package-name timeline -module-name TimelineTesting -emit-library -static -emit-module \
        -emit-module-path "$OUT/obj/TimelineTesting.swiftmodule" -I "$OUT/obj" -I "$CYAML/include" -Xcc -DYAML_DECLARE_STATIC \
        Sources/TimelineTesting/MemoryFileSystem.swift -o "$OUT/obj/libTimelineTesting.a"
    for target in Fuzz/Targets/*.swift; do
        name=$(basename "$target" .swift)
        echo "fuzz: building target $name" >&2
        swiftc -O -g -parse-as-library $SANITIZE \
            -package-name timeline -I "$OUT/obj" -I "$OUT/obj/CSystemShim" -I "$CYAML/include" -I Sources/CCMark -I Sources/CVips -Xcc -DYAML_DECLARE_STATIC \
            "$target" -L "$OUT/obj" -lTimelineTesting -lTimelineBuild -lTimelineSite -lTimelineMarkdown -lTimelineContent -lTimelineMedia -lTimelineCore -lTimelineTheme -lYams \
            "$OUT"/obj/cyaml-*.o "$OUT"/obj/csystemshim-*.o -lcmark \
            -o "$OUT/fuzz-$name" > "$OUT/obj/link-$name.log" 2>&1 \
            || { cat "$OUT/obj/link-$name.log" >&2; echo "fuzz: could not build $name" >&2; exit 1; }
    done
    touch "$STAMP"
fi

[ "$SECONDS_EACH" -gt 0 ] || exit 0
# One worker: the targets read a handful of files, and threads would only slow each run.
export TIMELINE_JOBS=1
# Crashes reported by AddressSanitizer and libFuzzer alone, without the Swift runtime's backtracer.
export SWIFT_BACKTRACE=enable=no
status=0
for name in $TARGETS; do
    if [ "$name" = incremental ]; then
        # Not a libFuzzer target: the incremental-build test of the Swift suite, from a new seed, until it has
        # made INCREMENTAL_FUZZ_EDITS random edits (500 by default), each build compared with a full one.
        seed=${INCREMENTAL_FUZZ_SEED:-$(date +%s)}
        echo "fuzz: running incremental from seed $seed" >&2
        if ! INCREMENTAL_FUZZ_SEED=$seed INCREMENTAL_FUZZ_EDITS=${INCREMENTAL_FUZZ_EDITS:-500} \
                swift test --filter 'IncrementalBuildTests/incrementalBuildsEqualFullBuildsAfterRandomEdits' > "$OUT/incremental.log" 2>&1; then
            echo "fuzz: incremental FAILED from seed $seed; see $OUT/incremental.log" >&2
            grep -E "incremental build differs|error|failed" "$OUT/incremental.log" | head -20 >&2
            status=1
        else
            grep "^incremental fuzz:" "$OUT/incremental.log" | sed "s/^/fuzz: /" >&2 || true
        fi
        continue
    fi
    corpus=$OUT/corpus/$name
    mkdir -p "$corpus"
    echo "fuzz: running $name for $SECONDS_EACH s" >&2
    # -rss_limit_mb: the targets read notes up to 1 MiB; anything near this limit is a bug.
    if ! ( cd "$OUT/crashes" && "$OUT/fuzz-$name" "$corpus" "$ROOT/Fuzz/corpus/$name" \
            -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
            -dict="$ROOT/Fuzz/dictionary.txt" -print_final_stats=1 -artifact_prefix="$OUT/crashes/$name-" \
            > "$OUT/$name.log" 2>&1 ); then
        echo "fuzz: $name FAILED; see $OUT/$name.log and $OUT/crashes/" >&2
        tail -40 "$OUT/$name.log" >&2
        status=1
    else
        grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "$OUT/$name.log" | sed "s/^/fuzz: $name: /" >&2 || true
    fi
done
exit $status
