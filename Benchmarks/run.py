#!/usr/bin/env python3
"""Benchmark the timeline generator against Hugo and the cmark floor.

Usage: Benchmarks/run.sh [SIZE ...] [--full] [--repeat N] [--no-hugo] [--work DIR]

For each size (number of entries; default 1000 and 10000, with --full also 100000) it generates a
synthetic corpus (Benchmarks/generate_corpus.py), then measures, to the microsecond, the wall time, CPU time
(user + system) and, with GNU time, the peak memory (maximum resident set size) of:

  timeline cold      build into an empty output folder, with no cache beside it
  timeline rebuild   build again into the existing output, nothing changed
  timeline edit      change one entry's body, build again
  timeline warned    with one fact no note shows (a warning), a rebuild with nothing changed
  hugo cold          the same Markdown as a Hugo site, into an empty folder (when hugo is installed)
  hugo rebuild       Hugo again into its existing output
  cmark              the cmark command line on every entry's Markdown body, concatenated
  cp -r              a copy of the built site into a new folder: the kernel's cost of creating its files

The floor is what no generator can avoid, measured in the same run: cmark's CPU time spread over the
machine's cores, plus the copy's wall time. Every wall time is also given as a multiple of the floor, which
compares across runs on a machine whose timings move by half from one run to the next.

Each is run --repeat times (default 3) and the median is kept. The table is printed and written to
Benchmarks/results/latest.md (and the raw numbers to latest.json).

Environment: TIMELINE (a built binary; otherwise `swift build -c release --product timeline --static-swift-stdlib`, as `make build`, is run,
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
import threading
import time

GNU_TIME = "/usr/bin/time"

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_corpus  # noqa: E402

# Reference numbers from the issue, used for the targets when hugo is not installed.
REFERENCE_HUGO_10K = {"wall": 8.0, "cpu": 7.0, "rss_mib": 526.0}

TARGETS_NOTE = (
    "Targets, at 1,000 and 10,000 entries: a cold build within 2x the floor and at least 2.5x faster than Hugo "
    "in wall time, with at most a quarter of its peak memory; a rebuild with nothing changed under 0.2 s with a "
    "warning present; a one-entry edit under 100 ms at 1,000 and 300 ms at 10,000. At 100,000 entries time per "
    "entry no more than at 10,000 (growth no faster than linear; 10% allowed for noise)."
)
FLOOR_TIMES = 2.0
HUGO_TIMES = 2.5
REBUILD_LIMIT = 0.2
EDIT_LIMITS = {1000: 0.1, 10000: 0.3}
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
    # As `make build` builds it: the Swift standard library linked in.
    cmd = ["swift", "build", "-c", "release", "--product", "timeline", "--static-swift-stdlib"]
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
    def __init__(self, wall, cpu, rss_kib, rc, stdout, stderr, user=None, system=None):
        self.wall, self.cpu, self.rss_kib, self.rc = wall, cpu, rss_kib, rc
        # CPU time is user + system: the program's own work, and the kernel's on its behalf.
        self.user, self.system = user, system
        self.stdout, self.stderr = stdout, stderr


def measure(cmd, cwd, timeout, stdout_to_null=False):
    """Runs CMD and returns a Run: the wall time from a monotonic clock and the CPU time (user + system) from
    the kernel's account of the process (wait4), both to the microsecond, and the peak resident memory from
    GNU time, which starts CMD from a process of its own so that the peak is CMD's alone (a process started
    from this one would count this one's memory as its own)."""
    with tempfile.NamedTemporaryFile(prefix="bench-time-", delete=False) as t:
        time_file = t.name
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", time_file] + cmd, cwd=cwd,
                                    stdout=subprocess.DEVNULL if stdout_to_null else out, stderr=err)
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode(errors="replace")
            stderr = err.read().decode(errors="replace")
        if proc.returncode == -9 and wall >= timeout:
            return Run(None, None, None, "timeout", stdout, "timed out after %d s" % timeout)
        with open(time_file) as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
        try:
            rss = int(lines[-1].split()[-1])
        except (IndexError, ValueError):
            return Run(None, None, None, proc.returncode, stdout, stderr + "\n".join(lines))
        return Run(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, stdout, stderr,
                   user=usage.ru_utime, system=usage.ru_stime)
    finally:
        os.unlink(time_file)


def summarize(runs):
    """Median of each measure over the successful runs, plus what went wrong, if anything."""
    ok = [r for r in runs if r.rc == 0 and r.wall is not None]
    result = {"runs": [{"wall": r.wall, "cpu": r.cpu, "user": r.user, "system": r.system, "rss_kib": r.rss_kib, "rc": r.rc}
                       for r in runs]}
    if ok:
        result.update({
            "wall": statistics.median(r.wall for r in ok),
            "cpu": statistics.median(r.cpu for r in ok),
            "user": statistics.median(r.user for r in ok),
            "system": statistics.median(r.system for r in ok),
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
        copy = os.path.join(corpus, "site-copy")

        def fresh_copy(k):
            if os.path.exists(copy):
                set_aside(copy)
        res["copy"] = summarize(repeat("cp -r of the site", args.repeat, fresh_copy,
                                       ["cp", "-r", os.path.join(tl_dir, "Public"), copy], corpus, args.timeout))
        if os.path.exists(copy):
            set_aside(copy)
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
        # A site with a warning, as real sites often have: one fact that no note shows.
        facts = os.path.join(tl_dir, "Content", "facts.yaml")
        with open(facts, "rb") as f:
            facts_original = f.read()
        with open(os.path.join(tl_dir, "Content", "sources.yaml")) as f:
            source = next(line.split(":", 1)[1].strip() for line in f if line.startswith("- id:"))
        try:
            with open(facts, "ab") as f:
                f.write(("- id: bench-unused-fact\n  statement: A fact that no note shows, so that every build warns.\n"
                         "  date: 2020\n  sources: [%s]\n" % source).encode())
            # An edit as a person makes it, a moment before the build: one made in the same tenth of a second
            # as a build is read again by the next one, whose time stamps cannot tell it apart.
            time.sleep(0.2)
            warned = measure(tl_cmd, tl_dir, args.timeout)
            res["warned_build_warnings"] = sum(1 for l in warned.stderr.splitlines() if ": warning:" in l)
            res["timeline_rebuild_warned"] = summarize(repeat("rebuild, warning", args.repeat, None, tl_cmd, tl_dir, args.timeout))
        finally:
            with open(facts, "wb") as f:
                f.write(facts_original)

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
    return "%.3f" % m[key] if m[key] < 1 else "%.2f" % m[key]


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


def floor(r, cores):
    """The floor of a size: cmark's CPU time over the cores, plus the copy's wall time; None if unmeasured."""
    c, cp = r.get("cmark") or {}, r.get("copy") or {}
    if "cpu" not in c or "wall" not in cp:
        return None
    return c["cpu"] / cores + cp["wall"]


def over_floor(m, f):
    return ratio(val(m, "wall"), f)


def report(results, meta):
    cores = meta["cores"] or 1
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
    out.append("Tools: %s · %s. Wall time is from a monotonic clock and CPU time (user + system) from the kernel (wait4), to the microsecond; peak is the maximum resident set size, from GNU time; "
               "÷ floor is the wall time as a multiple of the floor measured in the same run (below)."
               % (meta["hugo"] or meta["hugo_missing"], meta["cmark"] or "cmark not installed"))
    out.append("")
    out.append("| entries | Markdown | build | timeline wall s | ÷ floor | CPU s | peak MiB | Hugo wall s | ÷ floor | CPU s "
               "| peak MiB | Hugo ÷ timeline: wall | CPU | peak |")
    out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        n = "{:,}".format(r["entries"])
        mb = "%.1f MB" % (r["corpus"]["body_bytes"] / 1e6)
        f = floor(r, cores)
        rows = [("cold", r.get("timeline_cold"), r.get("hugo_cold")),
                ("rebuild, nothing changed", r.get("timeline_rebuild"), r.get("hugo_rebuild")),
                ("rebuild, nothing changed, a warning present", r.get("timeline_rebuild_warned"), None),
                ("one entry edited", r.get("timeline_edit"), None)]
        for label, t, h in rows:
            if t is None and h is None:
                continue
            out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, mb, label, fmt_s(t), over_floor(t, f), fmt_s(t, "cpu"), fmt_mib(t), fmt_s(h), over_floor(h, f),
                fmt_s(h, "cpu"), fmt_mib(h), ratio(val(h, "wall"), val(t, "wall")), ratio(val(h, "cpu"), val(t, "cpu")),
                ratio(val(h, "rss_mib"), val(t, "rss_mib"))))
    out.append("")
    out.append("The floor, in the same run: cmark on all the Markdown (its CPU time spread over the %d cores) and `cp -r` of "
               "the built site into a new folder (the kernel's cost of creating its files)." % cores)
    out.append("")
    out.append("| entries | cmark CPU s | ÷ %d cores | cp -r wall s | files | floor s | timeline cold ÷ floor | Hugo cold ÷ floor "
               "| timeline cold per entry: wall | CPU |" % cores)
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t, c, cp = r.get("timeline_cold"), r.get("cmark"), r.get("copy")
        f = floor(r, cores)
        per_wall = "%.3f ms" % (t["wall"] * 1000 / r["entries"]) if t and "wall" in t else "—"
        per_cpu = "%.3f ms" % (t["cpu"] * 1000 / r["entries"]) if t and "cpu" in t else "—"
        out.append("| {:,} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            r["entries"], fmt_s(c, "cpu"), "%.2f" % (c["cpu"] / cores) if c and "cpu" in c else "—", fmt_s(cp),
            "{:,}".format(r["timeline_files"]) if "timeline_files" in r else "—", "%.2f" % f if f else "—",
            over_floor(t, f), over_floor(r.get("hugo_cold"), f), per_wall, per_cpu))
    out.append("")
    notes = []
    for r in results:
        c = r["corpus"]
        notes.append("- {:,} entries: {:,} sources, {:,} topics, {:,} facts, {} pages; timeline wrote {} files "
                     "({} warnings; {} with the unused fact){}{}".format(
                         r["entries"], c["sources"], c["topics"], c["facts"], c["pages"],
                         r.get("timeline_files", "—"), r.get("timeline_warnings", "—"), r.get("warned_build_warnings", "—"),
                         "; Hugo wrote %d files" % r["hugo_files"] if "hugo_files" in r else "",
                         "".join("; **%s failed**: `%s`" % (k, v["error"].replace("\n", " ⏎ ")[:400])
                                 for k, v in r.items() if isinstance(v, dict) and "error" in v)))
    out += notes
    out.append("")
    out.append("## Targets")
    out.append("")
    out.append(TARGETS_NOTE)
    out.append("")
    out.append("| target | measured | result |")
    out.append("|---|---|---|")
    for row in targets(results, cores):
        out.append("| %s | %s | %s |" % row)
    out.append("")
    return "\n".join(out)


def targets(results, cores=os.cpu_count() or 1):
    by = {r["entries"]: r for r in results}
    rows = []

    def verdict(ok):
        return "**PASS**" if ok else "**FAIL**"
    for size in (1000, 10000):
        r = by.get(size)
        n = "{:,}".format(size)
        if not r:
            rows.append(("%s-entry targets" % n, "not measured (run with %d)" % size, "—"))
            continue
        t = r.get("timeline_cold") or {}
        h = r.get("hugo_cold")
        ref = ""
        if (not h or "wall" not in h) and size == 10000:
            h, ref = REFERENCE_HUGO_10K, " (Hugo not measured: the issue's reference Hugo numbers)"
        f = floor(r, cores)
        if "wall" not in t:
            rows.append(("%s: cold build" % n, "failed", "**FAIL**"))
        else:
            if f:
                rows.append(("%s: cold build within %g× the floor (wall)" % (n, FLOOR_TIMES),
                             "%s: %s s against a floor of %.2f s" % (ratio(t["wall"], f), fmt_s(t), f),
                             verdict(t["wall"] <= FLOOR_TIMES * f)))
            else:
                rows.append(("%s: cold build within %g× the floor (wall)" % (n, FLOOR_TIMES), "floor not measured (cmark missing)", "—"))
            if h and "wall" in h:
                rows.append(("%s: cold build at least %g× faster than Hugo (wall)" % (n, HUGO_TIMES),
                             "%s: timeline %s s, Hugo %s s%s" % (ratio(h["wall"], t["wall"]), fmt_s(t), fmt_s(h), ref),
                             verdict(h["wall"] / t["wall"] >= HUGO_TIMES)))
                rows.append(("%s: cold build peak memory at most ¼ of Hugo's" % n,
                             "%.0f MiB against %.0f MiB (%.0f%%)%s" % (t["rss_mib"], h["rss_mib"], 100 * t["rss_mib"] / h["rss_mib"], ref),
                             verdict(t["rss_mib"] <= h["rss_mib"] / 4)))
            else:
                rows.append(("%s: cold build against Hugo" % n, "Hugo not measured", "—"))
        for key, label in (("timeline_rebuild", "rebuild with nothing changed"), ("timeline_rebuild_warned", "rebuild with nothing changed, a warning present")):
            rb = r.get(key) or {}
            rows.append(("%s: %s under %g s" % (n, label, REBUILD_LIMIT), "%s wall" % fmt_ms(rb["wall"]) if "wall" in rb else "not measured",
                         verdict(rb["wall"] < REBUILD_LIMIT) if "wall" in rb else "**FAIL**"))
        ed = r.get("timeline_edit") or {}
        limit = EDIT_LIMITS[size]
        rows.append(("%s: one entry edited, rebuilt in under %s" % (n, fmt_ms(limit)),
                     "%s wall" % fmt_ms(ed["wall"]) if "wall" in ed else "not measured",
                     verdict(ed["wall"] < limit) if "wall" in ed else "**FAIL**"))
    r10 = by.get(10000)
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
            measured = ("wall %.3f → %.3f ms/entry (%.2f×), CPU %.3f → %.3f ms/entry (%.2f×); %.0f MiB peak"
                        % (pw10 * 1000, pw100 * 1000, pw100 / pw10, pc10 * 1000, pc100 * 1000, pc100 / pc10,
                           t100["rss_mib"]))
            # The CPU time split into the program's own work and the kernel's, and the floor's growth, which
            # is the kernel's alone: they tell a program that grows from a machine whose file system does.
            if "user" in t10 and "user" in t100:
                pu10, pu100 = t10["user"] / 10000, t100["user"] / 100000
                ps10, ps100 = t10["system"] / 10000, t100["system"] / 100000
                measured += ("; of the CPU, user %.3f → %.3f ms/entry (%.2f×), system %.3f → %.3f (%.2f×)"
                             % (pu10 * 1000, pu100 * 1000, pu100 / pu10, ps10 * 1000, ps100 * 1000, ps100 / ps10))
            f10, f100 = floor(r10, cores), floor(r100, cores)
            if f10 and f100:
                measured += ("; the floor %.3f → %.3f ms/entry (%.2f×)"
                             % (f10 / 10000 * 1000, f100 / 100000 * 1000, (f100 / 100000) / (f10 / 10000)))
            rows.append(("100,000: build completes, time per entry no more than at 10,000", measured,
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
