#!/usr/bin/env python3
"""Benchmark the timeline generator against Hugo and the cmark floor.

Usage: Benchmarks/run.sh [SIZE ...] [--full] [--repeat N] [--no-hugo] [--work DIR]

For each size (number of entries; default 1000 and 10000, with --full also 100000) it generates a
synthetic corpus (Benchmarks/generate_corpus.py), then measures with GNU time the wall time, CPU time
(user + system) and peak memory (maximum resident set size) of:

  timeline cold      build into an empty output folder, with no cache beside it
  timeline rebuild   build again into the existing output, nothing changed
  timeline edit      change one entry's body, build again
  hugo cold          the same Markdown as a Hugo site, into an empty folder (when hugo is installed)
  hugo rebuild       Hugo again into its existing output
  cmark floor        the cmark command line on every entry's Markdown body, concatenated

Each is run --repeat times (default 3) and the median is kept. The table is printed and written to
Benchmarks/results/latest.md (and the raw numbers to latest.json).

Environment: TIMELINE (a built binary; otherwise `swift build -c release --product timeline` is run,
with --scratch-path $SCRATCH_PATH when set), TEMPLATES, BENCH_DIR (work folder, default
/tmp/timeline-bench), HUGO, CMARK.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_corpus  # noqa: E402

GNU_TIME = "/usr/bin/time"

# Reference numbers from the issue, used for the targets when hugo is not installed.
REFERENCE_HUGO_10K = {"wall": 8.0, "cpu": 7.0, "rss_mib": 526.0}

TARGETS_NOTE = (
    "Targets: at 10,000 entries a cold build at least 8x faster than Hugo in wall time and with under a "
    "quarter of its peak memory, a rebuild with nothing changed under 0.5 s, CPU time within 3x of the cmark "
    "floor, a one-entry edit rebuild under 100 ms; at 100,000 entries time per entry no more than at 10,000 "
    "(growth no faster than linear; 10% allowed for noise)."
)
LINEAR_TOLERANCE = 1.10


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# Tools ----------------------------------------------------------------------------------------

def ensure_gnu_time(install):
    if os.access(GNU_TIME, os.X_OK):
        return
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        log("GNU time is missing; installing the Debian package 'time'")
        subprocess.run(["apt-get", "install", "-y", "time"], check=False)
        if not os.access(GNU_TIME, os.X_OK):
            subprocess.run(["apt-get", "update"], check=False)
            subprocess.run(["apt-get", "install", "-y", "time"], check=False)
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("error: %s (Debian package 'time') is needed: apt-get install -y time" % GNU_TIME)


def optional_tool(env, name, install):
    path = os.environ.get(env) or shutil.which(name)
    if not path and install and os.geteuid() == 0 and shutil.which("apt-get"):
        log("%s is missing; installing the Debian package '%s'" % (name, name))
        subprocess.run(["apt-get", "install", "-y", name], check=False)
        path = shutil.which(name)
    return path


def tool_version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except Exception:
        return "?"


def timeline_binary(scratch):
    path = os.environ.get("TIMELINE")
    if path:
        if not os.access(path, os.X_OK):
            sys.exit("error: TIMELINE=%s is not an executable" % path)
        return os.path.abspath(path)
    cmd = ["swift", "build", "-c", "release", "--product", "timeline"]
    if scratch:
        cmd += ["--scratch-path", scratch]
    log("building: " + " ".join(cmd))
    if subprocess.run(cmd, cwd=REPO).returncode != 0:
        sys.exit("error: the release build failed")
    bin_dir = subprocess.run(cmd[:4] + cmd[6:] + ["--show-bin-path"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
    return os.path.join(bin_dir, "timeline")


# Measuring ------------------------------------------------------------------------------------

class Run:
    def __init__(self, wall, cpu, rss_kib, rc, stdout, stderr):
        self.wall, self.cpu, self.rss_kib, self.rc = wall, cpu, rss_kib, rc
        self.stdout, self.stderr = stdout, stderr


def measure(cmd, cwd, timeout, stdout_to_null=False):
    """Runs CMD under GNU time; returns a Run."""
    with tempfile.NamedTemporaryFile(prefix="bench-time-", delete=False) as t:
        time_file = t.name
    try:
        full = [GNU_TIME, "-f", "%e %U %S %M", "-o", time_file] + cmd
        try:
            proc = subprocess.run(full, cwd=cwd, timeout=timeout, text=True, errors="replace",
                                  stdout=subprocess.DEVNULL if stdout_to_null else subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        except subprocess.TimeoutExpired:
            return Run(None, None, None, "timeout", "", "timed out after %d s" % timeout)
        with open(time_file) as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
        try:
            wall, user, sys_, rss = lines[-1].split()
            return Run(float(wall), float(user) + float(sys_), int(rss), proc.returncode,
                       proc.stdout or "", proc.stderr or "")
        except (IndexError, ValueError):
            return Run(None, None, None, proc.returncode, proc.stdout or "", (proc.stderr or "") + "\n".join(lines))
    finally:
        os.unlink(time_file)


def summarize(runs):
    """Median of each measure over the successful runs, plus what went wrong, if anything."""
    ok = [r for r in runs if r.rc == 0 and r.wall is not None]
    result = {"runs": [{"wall": r.wall, "cpu": r.cpu, "rss_kib": r.rss_kib, "rc": r.rc} for r in runs]}
    if ok:
        result.update({
            "wall": statistics.median(r.wall for r in ok),
            "cpu": statistics.median(r.cpu for r in ok),
            "rss_mib": statistics.median(r.rss_kib for r in ok) / 1024.0,
        })
    failed = [r for r in runs if r.rc != 0 or r.wall is None]
    if failed:
        r = failed[0]
        tail = "\n".join((r.stderr or "").strip().splitlines()[-8:])
        result["error"] = "exit %s: %s" % (r.rc, tail)
    return result


TRASH = []


def set_aside(path):
    """Moves PATH into the run's trash folder, emptied when the benchmark ends.

    A cold build is measured into a folder that was never written, not one just emptied: on ext4, creating
    10,000 files where 10,000 were just deleted costs about ten times the system time of creating them
    anywhere else (Python writing 10,000 files of 20 KB: 0.4 s of system time in a new folder, 4.4 s in the
    place of a deleted 212 MB site), whichever program writes them. Renaming the old output away keeps that
    cost out of both generators' figures alike.
    """
    trash = os.path.join(os.path.dirname(os.path.abspath(path)), ".bench-trash")
    os.makedirs(trash, exist_ok=True)
    if trash not in TRASH:
        TRASH.append(trash)
    os.rename(path, os.path.join(trash, "%s-%d-%d" % (os.path.basename(path), os.getpid(), len(os.listdir(trash)))))


def empty_trash():
    while TRASH:
        shutil.rmtree(TRASH.pop(), ignore_errors=True)


def clean_except(folder, keep):
    """Sets aside everything in FOLDER but KEEP: output, staging, lock and any cache beside them."""
    for name in os.listdir(folder):
        if name in keep or name == ".bench-trash":
            continue
        set_aside(os.path.join(folder, name))


def repeat(label, n, prepare, cmd, cwd, timeout, stdout_to_null=False, stop_on_failure=True):
    runs = []
    for k in range(n):
        if prepare:
            prepare(k)
        r = measure(cmd, cwd, timeout, stdout_to_null)
        runs.append(r)
        if r.rc == 0 and r.wall is not None:
            log("  %-18s run %d: %.3f s wall, %.3f s CPU, %.0f MiB" % (label, k + 1, r.wall, r.cpu, r.rss_kib / 1024))
        else:
            log("  %-18s run %d: FAILED (exit %s)\n%s" % (label, k + 1, r.rc, "\n".join(r.stderr.strip().splitlines()[-8:])))
            if stop_on_failure:
                break
    return runs


def ensure_corpus(size, work, seed, regenerate):
    out = os.path.join(work, "n%d" % size)
    stamp = os.path.join(out, "corpus.json")
    with open(generate_corpus.__file__, "rb") as f:
        generator = f.read()
    digest = "%x" % (hash_bytes(generator))
    if not regenerate and os.path.exists(stamp):
        with open(stamp) as f:
            info = json.load(f)
        if info.get("seed") == seed and info.get("generator_digest") == digest:
            return out, info
    log("generating %d entries in %s" % (size, out))
    info = generate_corpus.generate(size, out, seed)
    info["generator_digest"] = digest
    with open(stamp, "w") as f:
        json.dump(info, f, indent=2)
    return out, info


def hash_bytes(data):
    import hashlib
    return int(hashlib.sha256(data).hexdigest()[:16], 16)


def bench_size(size, args, tools):
    corpus, info = ensure_corpus(size, args.work, args.seed, args.regenerate)
    res = {"entries": size, "corpus": info}
    tl_dir = os.path.join(corpus, "timeline")
    tl_cmd = [tools["timeline"], "build", "--content", "Content", "--templates", tools["templates"],
              "--output", "Public"]

    log("[%d entries] timeline" % size)
    cold = repeat("timeline cold", args.repeat, lambda k: clean_except(tl_dir, {"Content"}),
                  tl_cmd, tl_dir, args.timeout)
    res["timeline_cold"] = summarize(cold)
    first = cold[0]
    res["timeline_warnings"] = sum(1 for l in first.stderr.splitlines() if ": warning:" in l)
    res["timeline_errors"] = sum(1 for l in first.stderr.splitlines() if ": error:" in l)
    res["timeline_output"] = first.stdout.strip().splitlines()[-1] if first.stdout.strip() else ""
    if "error" not in res["timeline_cold"]:
        res["timeline_files"] = count_files(os.path.join(tl_dir, "Public"))
        res["timeline_rebuild"] = summarize(repeat("timeline rebuild", args.repeat, None, tl_cmd, tl_dir, args.timeout))
        entry = os.path.join(tl_dir, "Content", "entries", info["edit_entry"] + ".md")
        with open(entry, "rb") as f:
            original = f.read()

        def edit(k):
            with open(entry, "wb") as f:
                f.write(original + b"\nAn edited paragraph, version %d, added for the rebuild.\n" % (k + 1))
        try:
            res["timeline_edit"] = summarize(repeat("timeline edit", args.repeat, edit, tl_cmd, tl_dir, args.timeout))
        finally:
            with open(entry, "wb") as f:
                f.write(original)

    if tools.get("hugo"):
        log("[%d entries] hugo" % size)
        hugo_dir = os.path.join(corpus, "hugo")
        hugo_out = os.path.join(corpus, "hugo-out")
        hugo_cmd = [tools["hugo"], "--quiet", "--source", hugo_dir, "--destination", os.path.join(hugo_out, "public"),
                    "--cacheDir", os.path.join(hugo_out, "cache")]

        def hugo_clean(k):
            if os.path.exists(hugo_out):
                set_aside(hugo_out)
            os.makedirs(hugo_out)
            for name in ("resources", ".hugo_build.lock"):
                path = os.path.join(hugo_dir, name)
                if os.path.isdir(path):
                    shutil.rmtree(path)
                elif os.path.exists(path):
                    os.unlink(path)
        hc = repeat("hugo cold", args.repeat, hugo_clean, hugo_cmd, corpus, args.timeout)
        res["hugo_cold"] = summarize(hc)
        if "error" not in res["hugo_cold"]:
            res["hugo_files"] = count_files(os.path.join(hugo_out, "public"))
            res["hugo_rebuild"] = summarize(repeat("hugo rebuild", args.repeat, None, hugo_cmd, corpus, args.timeout))

    if tools.get("cmark"):
        log("[%d entries] cmark" % size)
        res["cmark"] = summarize(repeat("cmark floor", args.repeat, None, [tools["cmark"], "bodies.md"], corpus,
                                        args.timeout, stdout_to_null=True))
    return res


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


# Report ---------------------------------------------------------------------------------------

def fmt_s(m, key="wall"):
    if not m or key not in m:
        return "—"
    return "%.2f" % m[key]


def fmt_ms(v):
    return "%.0f ms" % (v * 1000) if v < 1 else "%.2f s" % v


def fmt_mib(m):
    return "%.0f" % m["rss_mib"] if m and "rss_mib" in m else "—"


def ratio(a, b):
    """a / b as 'N.N×'."""
    if a is None or b is None or b == 0:
        return "—"
    r = a / b
    return ("%.1f×" if r < 100 else "%.0f×") % r


def val(m, key):
    return m.get(key) if m else None


def report(results, meta):
    out = []
    out.append("# Benchmark results")
    out.append("")
    out.append("%s · repository at %s · %s · %s · %s cores · %.0f GiB · load average %s at start · median of %d runs"
               % (meta["date"], meta["commit"], meta["binary"], meta["cpu"], meta["cores"], meta["mem_gib"],
                  meta["load"], meta["repeat"]))
    out.append("")
    if meta.get("note"):
        out.append(meta["note"])
        out.append("")
    out.append("Tools: %s · %s · GNU time. CPU is user + system time; peak is the maximum resident set size."
               % (meta["hugo"] or meta["hugo_missing"], meta["cmark"] or "cmark not installed"))
    out.append("")
    out.append("| entries | Markdown | build | timeline wall s | CPU s | peak MiB | Hugo wall s | CPU s | peak MiB "
               "| Hugo ÷ timeline: wall | CPU | peak |")
    out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        n = "{:,}".format(r["entries"])
        mb = "%.1f MB" % (r["corpus"]["body_bytes"] / 1e6)
        rows = [("cold", r.get("timeline_cold"), r.get("hugo_cold")),
                ("rebuild, nothing changed", r.get("timeline_rebuild"), r.get("hugo_rebuild")),
                ("one entry edited", r.get("timeline_edit"), None)]
        for label, t, h in rows:
            if t is None and h is None:
                continue
            out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, mb, label, fmt_s(t), fmt_s(t, "cpu"), fmt_mib(t), fmt_s(h), fmt_s(h, "cpu"), fmt_mib(h),
                ratio(val(h, "wall"), val(t, "wall")), ratio(val(h, "cpu"), val(t, "cpu")),
                ratio(val(h, "rss_mib"), val(t, "rss_mib"))))
    out.append("")
    out.append("| entries | cmark floor wall s | CPU s | peak MiB | timeline cold CPU ÷ cmark CPU | timeline cold per entry: wall | CPU |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t, c = r.get("timeline_cold"), r.get("cmark")
        per_wall = "%.3f ms" % (t["wall"] * 1000 / r["entries"]) if t and "wall" in t else "—"
        per_cpu = "%.3f ms" % (t["cpu"] * 1000 / r["entries"]) if t and "cpu" in t else "—"
        out.append("| {:,} | {} | {} | {} | {} | {} | {} |".format(
            r["entries"], fmt_s(c), fmt_s(c, "cpu"), fmt_mib(c), ratio(val(t, "cpu"), val(c, "cpu")), per_wall, per_cpu))
    out.append("")
    out.append("GNU time counts in hundredths of a second, so the smallest cmark times are coarse.")
    out.append("")
    notes = []
    for r in results:
        c = r["corpus"]
        notes.append("- {:,} entries: {:,} sources, {:,} topics, {:,} facts, {} pages; timeline wrote {} files "
                     "({} warnings){}{}".format(
                         r["entries"], c["sources"], c["topics"], c["facts"], c["pages"],
                         r.get("timeline_files", "—"), r.get("timeline_warnings", "—"),
                         "; Hugo wrote %d files" % r["hugo_files"] if "hugo_files" in r else "",
                         "".join("; **%s failed**: `%s`" % (k, v["error"].replace("\n", " ⏎ ")[:400])
                                 for k, v in r.items() if isinstance(v, dict) and "error" in v)))
    out += notes
    out.append("")
    out.append("## Targets")
    out.append("")
    out.append("| target | measured | result |")
    out.append("|---|---|---|")
    for row in targets(results):
        out.append("| %s | %s | %s |" % row)
    out.append("")
    return "\n".join(out)


def targets(results):
    by = {r["entries"]: r for r in results}
    rows = []
    r10 = by.get(10000)

    def verdict(ok):
        return "**PASS**" if ok else "**FAIL**"
    if not r10:
        rows.append(("10,000-entry targets", "not measured (run with 10000)", "—"))
    else:
        t = r10.get("timeline_cold") or {}
        h = r10.get("hugo_cold")
        ref = ""
        if not h or "wall" not in h:
            h, ref = REFERENCE_HUGO_10K, " (Hugo not measured: the issue's reference Hugo numbers)"
        if "wall" in t:
            rows.append(("10,000: cold build at least 8× faster than Hugo (wall)",
                         "%s×: timeline %s s, Hugo %s s%s" % (ratio(h["wall"], t["wall"]).rstrip("×"), fmt_s(t), fmt_s(h), ref),
                         verdict(h["wall"] / t["wall"] >= 8)))
            rows.append(("10,000: cold build peak memory under ¼ of Hugo's",
                         "%.0f MiB vs %.0f MiB (%.0f%%)%s" % (t["rss_mib"], h["rss_mib"], 100 * t["rss_mib"] / h["rss_mib"], ref),
                         verdict(t["rss_mib"] < h["rss_mib"] / 4)))
        else:
            rows.append(("10,000: cold build", "failed", "**FAIL**"))
        rb = r10.get("timeline_rebuild") or {}
        if "wall" in rb:
            rows.append(("10,000: rebuild with nothing changed under 0.5 s", "%s wall" % fmt_ms(rb["wall"]),
                         verdict(rb["wall"] < 0.5)))
        else:
            rows.append(("10,000: rebuild with nothing changed under 0.5 s", "not measured", "**FAIL**"))
        c = r10.get("cmark") or {}
        if "cpu" in t and "cpu" in c:
            rows.append(("10,000: cold build CPU within 3× of the cmark floor",
                         "%s: %.2f CPU s vs cmark %.2f CPU s" % (ratio(t["cpu"], c["cpu"]), t["cpu"], c["cpu"]),
                         verdict(t["cpu"] <= 3 * c["cpu"])))
        else:
            rows.append(("10,000: cold build CPU within 3× of the cmark floor", "not measured", "—"))
        ed = r10.get("timeline_edit") or {}
        rows.append(("10,000: one-entry edit rebuild under 100 ms (later)",
                     "%s wall" % fmt_ms(ed["wall"]) if "wall" in ed else "not measured",
                     verdict(ed["wall"] < 0.1) if "wall" in ed else "**FAIL**"))
    r100 = by.get(100000)
    if not r100:
        rows.append(("100,000: build completes, time per entry no more than at 10,000",
                     "not measured (run with --full)", "—"))
    else:
        t100 = r100.get("timeline_cold") or {}
        t10 = (r10 or {}).get("timeline_cold") or {}
        if "wall" not in t100:
            rows.append(("100,000: build completes", "failed: %s" % (t100.get("error", "?").splitlines() or ["?"])[0],
                         "**FAIL**"))
        elif "wall" not in t10:
            rows.append(("100,000: build completes", "%.1f s wall (10,000 not measured)" % t100["wall"], "—"))
        else:
            pw10, pw100 = t10["wall"] / 10000, t100["wall"] / 100000
            pc10, pc100 = t10["cpu"] / 10000, t100["cpu"] / 100000
            rows.append(("100,000: build completes, time per entry no more than at 10,000",
                         "wall %.3f → %.3f ms/entry (%.2f×), CPU %.3f → %.3f ms/entry (%.2f×); %.0f MiB peak"
                         % (pw10 * 1000, pw100 * 1000, pw100 / pw10, pc10 * 1000, pc100 * 1000, pc100 / pc10,
                            t100["rss_mib"]),
                         verdict(pw100 <= pw10 * LINEAR_TOLERANCE and pc100 <= pc10 * LINEAR_TOLERANCE)))
    return rows


def machine_meta(args, tools):
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Templates", "Package.swift"],
                           cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": (commit or "?") + (" (with uncommitted changes)" if dirty else ""),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "mem_gib": mem,
        "load": "%.2f" % os.getloadavg()[0],
        "repeat": args.repeat,
        "hugo": tool_version([tools["hugo"], "version"]).split(" BuildDate")[0] if tools.get("hugo") else None,
        "cmark": tool_version([tools["cmark"], "--version"]).split(" - ")[0] if tools.get("cmark") else None,
        "timeline": tools["timeline"],
        "binary": "binary given as TIMELINE" if os.environ.get("TIMELINE") else "binary built from it",
    }


def main():
    p = argparse.ArgumentParser(description="Benchmark the timeline generator against Hugo and the cmark floor.")
    p.add_argument("sizes", nargs="*", type=int, help="numbers of entries (default 1000 10000)")
    p.add_argument("--full", action="store_true", help="also 100000 entries")
    p.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is kept (default 3)")
    p.add_argument("--work", default=os.environ.get("BENCH_DIR", "/tmp/timeline-bench"),
                   help="work folder for corpora and outputs (default $BENCH_DIR or /tmp/timeline-bench)")
    p.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    p.add_argument("--regenerate", action="store_true", help="write the corpora again even if they exist")
    p.add_argument("--no-hugo", action="store_true", help="do not run Hugo even if it is installed")
    p.add_argument("--install", action="store_true", help="apt-get install hugo and cmark when missing (as root)")
    p.add_argument("--scratch-path", default=os.environ.get("SCRATCH_PATH"),
                   help="swift build --scratch-path for the release build (default $SCRATCH_PATH)")
    p.add_argument("--timeout", type=int, default=3600, help="seconds before one run is stopped (default 3600)")
    p.add_argument("--note", help="a line to add under the results' heading, such as what was measured")
    p.add_argument("--results", default=os.path.join(HERE, "results"), help="folder for latest.md and latest.json")
    args = p.parse_args()
    sizes = args.sizes or [1000, 10000]
    if args.full and 100000 not in sizes:
        sizes.append(100000)
    sizes = sorted(set(sizes))
    if any(n < 2 for n in sizes):
        p.error("sizes are numbers of entries, at least 2")

    ensure_gnu_time(install=True)
    tools = {
        "timeline": timeline_binary(args.scratch_path),
        "templates": os.path.abspath(os.environ.get("TEMPLATES", os.path.join(REPO, "Templates"))),
        "hugo": None if args.no_hugo else optional_tool("HUGO", "hugo", args.install),
        "cmark": optional_tool("CMARK", "cmark", args.install),
    }
    if not args.no_hugo and not tools["hugo"]:
        log("note: hugo is not installed (apt-get install -y hugo, or --install); Hugo is skipped")
    if not tools["cmark"]:
        log("note: cmark is not installed (apt-get install -y cmark, or --install); the cmark floor is skipped")
    os.makedirs(args.work, exist_ok=True)
    args.work = os.path.abspath(args.work)
    meta = machine_meta(args, tools)
    meta["note"] = args.note
    meta["hugo_missing"] = "Hugo skipped (--no-hugo)" if args.no_hugo else "hugo not installed"
    log("timeline: %s" % tools["timeline"])

    try:
        results = [bench_size(n, args, tools) for n in sizes]
    finally:
        empty_trash()
    text = report(results, meta)
    print(text)
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, "latest.md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.results, "latest.json"), "w") as f:
        json.dump({"meta": meta, "results": results}, f, indent=2)
        f.write("\n")
    log("written: %s" % os.path.join(args.results, "latest.md"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
