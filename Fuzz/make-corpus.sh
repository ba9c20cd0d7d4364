#!/usr/bin/env bash
# Writes the seed corpora in Fuzz/corpus/TARGET/ from the test fixtures and the site's content:
# every note and YAML file, every dated value, and every line with a citation or [[...]] link.
# Each input is named by its SHA-1, as libFuzzer names what it finds. Run it after adding fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'EOF'
import hashlib, os, re

fixtures = ["Tests/TimelineKitTests/Fixtures", "Content"]
files = []
for top in fixtures:
    for folder, _, names in os.walk(top):
        if "/golden" in folder:
            continue
        for name in sorted(names):
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path) or os.path.getsize(path) > 65536:
                continue
            if name.endswith((".md", ".yaml")):
                files.append(path)
files.sort()

def save(target, data):
    folder = os.path.join("Fuzz", "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as out:
        out.write(data)

dates = set()
for test in ["Tests/TimelineKitTests/EDTFDateTests.swift"]:
    for match in re.finditer(rb'"([0-9X./~?%-][0-9X./~?%T:-]*)"', open(test, "rb").read()):
        dates.add(match.group(1))
for path in files:
    data = open(path, "rb").read()
    for match in re.finditer(rb"(?m)^\s*-?\s*(?:date|accessed|updated): *['\"]?([^'\"\r\n#]*)", data):
        dates.add(match.group(1).strip())
    if path.endswith(".md"):
        save("frontmatter", data)
        kind = {"entries": 0, "topics": 1, "pages": 2}.get(os.path.basename(os.path.dirname(path)), 0)
        save("note", bytes([kind]) + data)
        for line in data.splitlines():
            if b"[@" in line or b"[[" in line:
                save("references", line)
    else:
        kind = {"sources.yaml": 3, "facts.yaml": 4, "site.yaml": 5}.get(os.path.basename(path))
        if kind is not None:
            save("note", bytes([kind]) + data)
for date in sorted(dates):
    save("edtf", date)
# Templates: each of the site's alone, and each page template with the layout and the partials it uses, as
# templates a to d separated by NUL bytes (the target names them so; the seeds' own names are rewritten).
THEME = "Templates"
templates = {}
for folder, _, names in os.walk(THEME):
    for name in sorted(names):
        if name.endswith(".mustache"):
            path = os.path.join(folder, name)
            templates[os.path.relpath(path, THEME)[:-len(".mustache")]] = open(path, "rb").read()
for name in sorted(templates):
    save("templates", templates[name])
for name in sorted(templates):
    if "/" in name or name == "layout":
        continue
    used = re.findall(rb"\{\{[<>]\s*([\w/-]+)\s*\}\}", templates[name])
    group = [name] + [u.decode() for u in dict.fromkeys(used) if u.decode() in templates][:3]
    data = []
    for text in (templates[n] for n in group):
        for index, other in enumerate(group):
            text = re.sub(rb"(\{\{[<>/]\s*)" + re.escape(other.encode()) + rb"(\s*\}\})", rb"\g<1>" + b"abcd"[index:index + 1] + rb"\g<2>", text)
        data.append(text)
    save("templates", b"\0".join(data))
for target in ["edtf", "references", "frontmatter", "note", "templates"]:
    print(target, len(os.listdir(os.path.join("Fuzz", "corpus", target))))
EOF

# The cache target: the records of the build cache of the example site and of the Haiti site, each behind
# the byte that names its kind, written by a build with the generator in .build (built if missing).
TIMELINE=${TIMELINE:-.build/debug/timeline}
[ -x "$TIMELINE" ] || swift build --product timeline >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for site in Tests/TimelineKitTests/Fixtures/example/Content Content; do
    rm -rf "$work/Public" "$work/.Public.timeline"
    "$TIMELINE" build --content "$site" --output "$work/Public" >/dev/null 2>&1 || true
    python3 - "$work/.Public.timeline" <<'PY'
import hashlib, os, struct, sys
cache = sys.argv[1]
def save(data):
    folder = os.path.join("Fuzz", "corpus", "cache")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as out:
        out.write(data)
def records(path):
    data = open(path, "rb").read()
    offset = 8
    while offset + 12 <= len(data):
        (length,) = struct.unpack_from("<I", data, offset)
        yield data[offset + 12:offset + 12 + length]
        offset += 12 + length
def value(stored):
    # A stored record is its key (a length and UTF-8 bytes), a byte that says whether the record is
    # there, then the record's bytes.
    (length,) = struct.unpack_from("<I", stored, 0)
    present = stored[4 + length] if len(stored) > 4 + length else 0
    return stored[5 + length:] if present == 1 else None
kinds = {"cache.renderings": 0, "cache.entries": 1, "cache.topics": 2, "cache.pages": 3, "cache.readkeys": 5, "cache.reads": 6,
         "cache.exports": 7, "cache.data": 8, "cache.texts": 9}
count = 0
for name, kind in kinds.items():
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        continue
    for stored in list(records(path))[:40]:
        record = value(stored)
        if record is not None:
            save(bytes([kind]) + record)
            count += 1
manifest = open(os.path.join(cache, "cache"), "rb").read()
save(bytes([4]) + manifest[16:])
print("cache", count + 1, "from", cache)
PY
done
