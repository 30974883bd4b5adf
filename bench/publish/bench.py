#!/usr/bin/env python3
"""The publish benchmark: `disclose publish` throughput and memory, and the peer engines side
by side on the same data, with a differential check of the issues every engine raises.
Run it through bench/publish/run.sh (or bench/run.sh), which installs and builds what it needs.

usage: bench.py --project ROOT --work DIR --disclose BIN --helper BIN --py VENV_PYTHON
                --out RESULTS.md [--raw FILE] [--quick] [--reps N] [--no-profile]

Data sets (generated once, kept under WORK/data, generated again when the rules or the
generator change):
  sample-1x, sample-10x, sample-100x   `disclose sample --seed 1 --scale X` (10 countries)
  kh-100k                              Cambodia only, about 100,000 assessments of all
                                       219 questions of its catalogue (`publish-bench sample`)
--quick: sample-1x, sample-10x and kh-10k (10,000 assessments), one run each, no profile.

Every run is a separate process timed from outside (wall clock) under /usr/bin/time (CPU
time, peak RSS). Runs are interleaved over REPS rounds; medians are shown. The method and
the C lower bound / wc -l rows follow the reference harness (../shared/bench-peers/bench.py).
"""
import argparse
import datetime
import csv
import glob
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(os.path.dirname(HERE), "peers")
AS_OF = "2025-06-30"


def log(message):
    print(message, file=sys.stderr, flush=True)


def sha_files(paths):
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def run(cmd, env=None, cwd=None):
    """Runs a command under /usr/bin/time; returns wall (timed here), user, sys, peak RSS (MB), stderr."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M"] + cmd, env=full_env, cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    lines = proc.stderr.rstrip("\n").split("\n")
    times = [l for l in lines if l.startswith("TIME ")]
    user = system = rss = None
    if times:
        _, _, u, s, m = times[-1].split()
        user, system, rss = float(u), float(s), int(m) / 1024
    bench = None
    for line in lines:
        if line.startswith("BENCH "):
            bench = json.loads(line[6:])
    if proc.returncode != 0:
        log(f"   exit status {proc.returncode}: {' '.join(cmd)}\n" + "\n".join(lines[-15:]))
    return {"wall": wall, "user": user, "sys": system, "rss": rss, "rc": proc.returncode, "bench": bench}


# ---------------------------------------------------------------------------------------
# Data

class DataSet:
    def __init__(self, name, kind, value):
        self.name, self.kind, self.value = name, kind, value   # kind: sample (scale) or country (assessments)

    def generate(self, a):
        folder = os.path.join(a.work, "data", self.name)
        sources = glob.glob(os.path.join(a.project, "rules", "**", "*.disclose"), recursive=True) \
            + glob.glob(os.path.join(a.project, "countries", "*.disclose")) \
            + glob.glob(os.path.join(a.project, "Sources", "Disclose", "Data", "Sample*.swift"))
        key = sha_files(sources) + f" {self.kind} {self.value}"
        stamp = os.path.join(folder, ".key")
        if os.path.exists(stamp) and open(stamp).read() == key:
            log(f"== data {self.name}: up to date")
        else:
            log(f"== data {self.name}: generating")
            os.makedirs(folder, exist_ok=True)
            if self.kind == "sample":
                cmd = [a.disclose, "sample", "--seed", "1", "--scale", str(self.value), "--rules", a.project, "--out", folder]
            else:
                cmd = [a.helper, "sample", "--project", a.project, "--countries", "KH", "--assessments", str(self.value), "--out", folder]
            subprocess.run(cmd, check=True)
            with open(stamp, "w") as f:
                f.write(key)
        self.folder = folder
        self.key = key
        self.bytes = sum(os.path.getsize(p) for p in glob.glob(os.path.join(folder, "*.csv")))
        self.answers_bytes = os.path.getsize(os.path.join(folder, "answers.csv"))
        self.answers = count_rows(os.path.join(folder, "answers.csv"))
        self.assessments = count_rows(os.path.join(folder, "assessments.csv"))
        # By the header's name: the table has optional columns after `country` (sector,
        # province, export_licence), and names may hold quoted commas.
        with open(os.path.join(folder, "factories.csv"), newline="", encoding="utf-8-sig") as f:
            self.countries = sorted({row["country"].strip() for row in csv.DictReader(f) if row.get("country", "").strip()})

    def prepare_peers(self, a):
        """The rules of every period of the data's countries, the peers' input, the C rules."""
        folder = os.path.join(a.work, "peers", self.name)
        os.makedirs(folder, exist_ok=True)
        periods = os.path.join(folder, "periods.json")
        subprocess.run([a.helper, "rules", "--project", a.project, "--countries", ",".join(self.countries), "--out", periods], check=True)
        key = self.key + " " + sha_files([periods, os.path.join(PEERS, "convert.py")])
        stamp = os.path.join(folder, ".key")
        if not (os.path.exists(stamp) and open(stamp).read() == key):
            log(f"== peers' input for {self.name}")
            subprocess.run([sys.executable, os.path.join(PEERS, "convert.py"), self.folder, periods, folder], check=True)
            with open(stamp, "w") as f:
                f.write(key)
        self.peers = folder
        self.rulesets = len(json.load(open(os.path.join(folder, "rulesets.json"))))
        if self.rulesets == 1:
            subprocess.run([sys.executable, os.path.join(PEERS, "translate.py"), os.path.join(folder, "rulesets", "0.json"),
                            os.path.join(folder, "rules0")], check=True)


def count_rows(path):
    n = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            n += chunk.count(b"\n")
    return n - 1


# ---------------------------------------------------------------------------------------
# Engines

def disclose_run(a, data, threads):
    out = os.path.join(a.work, "out", f"{data.name}-t{threads}")
    r = run([a.disclose, "publish", "--data", data.folder, "--out", out, "--as-of", AS_OF, "--rules", a.project],
            env={"DISCLOSE_THREADS": str(threads)})
    r["out"] = out
    return r


def peer_run(a, data, engine):
    out = os.path.join(a.work, "out", f"{data.name}-{engine}.txt")
    if engine == "c-lower-bound":
        cmd = [os.path.join(a.work, "bin", "lower_bound"), os.path.join(data.peers, "rules0.c.txt"),
               os.path.join(data.folder, "answers.csv"), out]
    elif engine == "wc-l":
        cmd = ["wc", "-l", os.path.join(data.folder, "answers.csv")]
    else:
        cmd = [a.py, os.path.join(PEERS, "engines.py"), engine, data.peers, out]
    r = run(cmd)
    r["out"] = out
    return r


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


# ---------------------------------------------------------------------------------------
# Profile: where the instructions of one single-threaded publish go (callgrind).

# (label, file pattern, function pattern): a phase's instructions are the largest inclusive
# count among callgrind_annotate's entries for it (a function whose code comes from several
# files, by inlining, is listed once per file; the entry of its own file includes the rest).
PHASES = [
    ("answers (Publisher.readAnswers: AnswerScanner or the careful reader)", r"", r"Publisher\.readAnswers\("),
    ("assessments table (DataFolder.readAssessments)", r"", r"closure #1 in DataFolder\.readAssessments"),
    ("factories table (DataFolder.readFactories)", r"", r"closure #1 in DataFolder\.readFactories"),
    ("responses table (DataFolder.readResponses)", r"", r"closure #1 in DataFolder\.readResponses"),
    ("rules checked (Checker.check)", r"", r"static Checker\.check\(entr"),
    ("publication policy (PolicyRun.apply)", r"", r"PolicyRun\.apply\(sheets"),
    ("  of which response moderation (Moderator.swift)", r"Moderator\.swift$", r""),
    ("JSON text of the outputs (JSONValue.write(to:), streamed)", r"", r"JSONValue\.write\(to:\)$"),
    ("CSV outputs (PublicationExport.publicCSV)", r"", r"PublicationExport\.publicCSV\("),
    ("writing the files (OutputFolder.replace)", r"", r"OutputFolder\.replace\("),
]


def profile(a, data):
    out = os.path.join(a.work, "profile.callgrind")
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", a.disclose, "publish", "--data", data.folder,
           "--out", os.path.join(a.work, "out", "profile"), "--as-of", AS_OF, "--rules", a.project]
    subprocess.run(cmd, env=dict(os.environ, DISCLOSE_THREADS="1"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return phases(out, data)


def phases(callgrind_file, data):
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no", "--threshold=100", callgrind_file],
                          capture_output=True, text=True).stdout
    text = subprocess.run(["swift", "demangle", "--simplified"], input=text, capture_output=True, text=True).stdout
    total = None
    costs = {}
    for line in text.split("\n"):
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
        if not m:
            continue
        value, what = int(m.group(1).replace(",", "")), m.group(2)
        if "PROGRAM TOTALS" in what:
            total = value
            continue
        # "FILE:FUNCTION [OBJECT]"; function names hold colons too, so split at the first one.
        file, _, function = re.sub(r" \[[^\]]*\]$", "", what).partition(":")
        for label, file_pattern, function_pattern in PHASES:
            if re.search(file_pattern, file) and re.search(function_pattern, function):
                costs[label] = max(costs.get(label, 0), value)
    return {"data": data.name, "total": total, "answers": data.answers, "assessments": data.assessments,
            "phases": [(label, costs.get(label)) for label, _, _ in PHASES]}


# ---------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser()
    for name in ("project", "work", "disclose", "helper", "py", "out"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--raw")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--reps", type=int)
    p.add_argument("--no-profile", action="store_true")
    a = p.parse_args()
    reps = a.reps or (1 if a.quick else 3)
    os.makedirs(os.path.join(a.work, "out"), exist_ok=True)
    load_before = open("/proc/loadavg").read().split()[:3]

    if a.quick:
        sets = [DataSet("sample-1x", "sample", 1), DataSet("sample-10x", "sample", 10), DataSet("kh-10k", "country", 10000)]
    else:
        sets = [DataSet("sample-1x", "sample", 1), DataSet("sample-10x", "sample", 10), DataSet("sample-100x", "sample", 100),
                DataSet("kh-100k", "country", 100000)]
    big = sets[-1]
    for data in sets:
        data.generate(a)
        data.prepare_peers(a)

    # Interleaved rounds: ours with 2 threads and 1, then (on the big set) the C lower bound and wc -l.
    runs = {}
    for rep in range(reps):
        log(f"== round {rep + 1} of {reps}")
        for data in sets:
            for threads in (2, 1):
                r = disclose_run(a, data, threads)
                runs.setdefault((data.name, f"disclose-t{threads}"), []).append(r)
                log(f"   {data.name:12} disclose, {threads} thread(s): {r['wall']:.2f} s, {r['rss']:.0f} MB")
        for engine in ("c-lower-bound", "wc-l"):
            r = peer_run(a, big, engine)
            runs.setdefault((big.name, engine), []).append(r)
            log(f"   {big.name:12} {engine}: {r['wall']:.2f} s")
    # The peers: once per data set (they take seconds to minutes).
    for data in sets:
        for engine in ("regorus", "zen-engine"):
            r = peer_run(a, data, engine)
            runs.setdefault((data.name, engine), []).append(r)
            log(f"   {data.name:12} {engine}: {r['wall']:.2f} s")

    # The differential check, on every data set; and ours gives the same bytes on 1 and 2 threads.
    checks = {}
    for data in sets:
        outputs = [f"{engine}={runs[(data.name, engine)][-1]['out']}" for engine in ("regorus", "zen-engine")]
        if data is big:
            outputs.append(f"c-lower-bound={runs[(data.name, 'c-lower-bound')][-1]['out']}")
        ours = runs[(data.name, "disclose-t2")][-1]["out"]
        result = subprocess.run([sys.executable, os.path.join(PEERS, "compare.py"), os.path.join(ours, "internal", "internal-report.json"),
                                 os.path.join(data.peers, "peers.jsonl")] + outputs, capture_output=True, text=True)
        check = json.loads(result.stdout)
        same = subprocess.run(["diff", "-r", ours, runs[(data.name, "disclose-t1")][-1]["out"]], capture_output=True).returncode == 0
        check["threads_same_bytes"] = same
        checks[data.name] = check
        log(f"== differential check {data.name}: {'all agree' if check['agree'] else 'DIFFERENCES'}; "
            f"1 and 2 threads {'same bytes' if same else 'DIFFER'}")

    prof = None
    if not a.quick and not a.no_profile:
        log("== profile (callgrind, sample-10x, 1 thread)")
        prof = profile(a, sets[1])

    if a.raw:
        with open(a.raw, "w") as f:
            for (name, engine), rs in runs.items():
                for r in rs:
                    f.write(json.dumps({"data": name, "engine": engine, **{k: v for k, v in r.items() if k != "out"}}) + "\n")
    report = write_report(a, sets, big, runs, checks, prof, reps, load_before)
    with open(a.out, "w") as f:
        f.write(report)
    ok = all(c["agree"] and c["threads_same_bytes"] for c in checks.values())
    sys.exit(0 if ok else 1)


# ---------------------------------------------------------------------------------------
# Report

def fmt(value, digits=2):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def rate(value):
    if value is None:
        return "–"
    for unit, scale in (("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.{1 if value / scale < 100 else 0}f}{unit}"
    return f"{value:.0f}"


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().split("\n")[0]
    except OSError:
        return "unknown"


def write_report(a, sets, big, runs, checks, prof, reps, load_before):
    def med(name, engine, key="wall"):
        return median([r[key] for r in runs.get((name, engine), []) if r["rc"] == 0])

    def phase(name, engine, key):
        values = [r["bench"][key] for r in runs.get((name, engine), []) if r.get("bench")]
        return median(values)

    lines = []
    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    commit = subprocess.run(["git", "-C", a.project, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", a.project, "status", "--porcelain", "--", "Sources"], capture_output=True, text=True).stdout
    if dirty.strip():
        commit += f" + {len(dirty.strip().splitlines())} uncommitted change(s) under Sources/"
    pip = subprocess.run([a.py, "-m", "pip", "list", "--format=json"], capture_output=True, text=True).stdout
    packages = {p["name"]: p["version"] for p in json.loads(pip or "[]")}
    lines += [
        "# Publish throughput and peers",
        "",
        f"Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}  ",
        f"Machine: {os.cpu_count()} cores ({cpu}), Linux {platform.release()}; load average before the run: {' '.join(load_before)}  ",
        f"Commit: {commit}; {version(['swift', '--version'])}; {version(['gcc', '--version'])}; "
        f"Python {platform.python_version()}; celine-regorus {packages.get('celine-regorus', '?')}, zen-engine {packages.get('zen-engine', '?')}  ",
        f"Runs: {reps} interleaved round(s) of disclose, the C lower bound and wc -l (medians shown); the peers once each."
        + (" Quick mode." if a.quick else ""),
        "",
    ]

    # Targets.
    ours2 = med(big.name, "disclose-t2")
    ours1 = med(big.name, "disclose-t1")
    c = med(big.name, "c-lower-bound")
    rego = med(big.name, "regorus")
    zen = med(big.name, "zen-engine")
    hundred = next((d for d in sets if d.name == "sample-100x"), None)
    rss100 = median([r["rss"] for r in runs.get((hundred.name, "disclose-t2"), [])]) if hundred else None
    agree = all(c_["agree"] for c_ in checks.values())
    lines += ["## Targets", "", "| target | measured | met |", "|---|---|---|"]
    if ours2 and rego:
        lines.append(f"| end to end ≥ 10× faster than Rego (regorus), {big.name} | {rego / ours2:.1f}× ({fmt(ours2)} s vs {fmt(rego)} s) | "
                     f"{'yes' if rego / ours2 >= 10 else 'no'} |")
    if ours2 and c:
        lines.append(f"| end to end within 2× of the C lower bound, {big.name} | {ours2 / c:.1f}× ({fmt(ours2)} s vs {fmt(c)} s) | "
                     f"{'yes' if ours2 / c <= 2 else 'no: see *What limits it*'} |")
    if rss100 is not None:
        lines.append(f"| peak memory under 100 MB at 100× the sample | {rss100:.0f} MB | {'yes' if rss100 < 100 else 'no: see *What limits it*'} |")
    lines.append(f"| every engine raises the same issues for every assessment, every data set | "
                 f"{sum(ch['assessments'] for ch in checks.values()):,} assessments in {len(checks)} data sets | {'yes' if agree else 'NO'} |")
    lines.append("")

    # Throughput.
    lines += ["## disclose publish throughput", "",
              "End to end: process start, checking the rules, reading all four tables, evaluating, the policy, writing "
              "public.json, the CSVs and internal-report.json. *MB/s* counts all four input tables; *answers/s* the rows "
              "of answers.csv. Threads: `DISCLOSE_THREADS` (the answers table is read by one thread per core by default).", "",
              "| data | assessments | answers | input MB | threads | wall s | CPU s | answers/s | MB/s | peak RSS MB |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for data in sets:
        for threads in (2, 1):
            key = f"disclose-t{threads}"
            wall = med(data.name, key)
            cpu_s = median([(r["user"] or 0) + (r["sys"] or 0) for r in runs[(data.name, key)]])
            rss = median([r["rss"] for r in runs[(data.name, key)]])
            lines.append(f"| {data.name} | {data.assessments:,} | {data.answers:,} | {data.bytes / 1e6:.1f} | {threads} | {fmt(wall)} | "
                         f"{fmt(cpu_s)} | {rate(data.answers / wall) if wall else '–'} | {fmt(data.bytes / 1e6 / wall) if wall else '–'} | {fmt(rss, 0)} |")
    lines += ["", "Scaling, 1 → 2 threads (wall): " + ", ".join(
        f"{d.name} {med(d.name, 'disclose-t1') / med(d.name, 'disclose-t2'):.2f}×" for d in sets if med(d.name, "disclose-t2")), ""]

    # Peers side by side.
    answers_big = big.answers
    lines += [f"## Peers side by side: {big.name} ({big.assessments:,} assessments, {answers_big:,} answers, one rule set)", "",
              "*wall*: the whole process, timed from outside. *setup+load* and *eval*: the program's own split (as in the "
              "reference harness: regorus parses each JSON line in load, ZEN in eval; the C program reads the file in load "
              "and parses + evaluates in eval). disclose does the whole publication, the others only raise issues.", "",
              "| engine | wall s | setup+load s | eval s | assessments/s | answers/s | peak RSS MB | × C | × disclose (2 threads) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    completed = checks[big.name]["assessments"]
    for label, engine in (("C lower bound (gcc -O2)", "c-lower-bound"), ("wc -l", "wc-l"), ("disclose publish, 2 threads", "disclose-t2"),
                          ("disclose publish, 1 thread", "disclose-t1"), ("Rego (regorus)", "regorus"), ("ZEN decision table (zen-engine)", "zen-engine")):
        wall = med(big.name, engine)
        if wall is None:
            continue
        setup = phase(big.name, engine, "setup_s")
        load = phase(big.name, engine, "load_s")
        ev = phase(big.name, engine, "eval_s")
        rss = median([r["rss"] for r in runs[(big.name, engine)]])
        lines.append(f"| {label} | {fmt(wall)} | {fmt((setup or 0) + (load or 0)) if setup is not None else '–'} | {fmt(ev)} | "
                     f"{rate(completed / wall)} | {rate(answers_big / wall)} | {fmt(rss, 0)} | {wall / c:.1f} | {wall / ours2:.2f} |")
    lines += [""]
    lines += ["The peers on the other data sets (same check; wall s):", "",
              "| data | rule sets | disclose (2 threads) | regorus | zen-engine |", "|---|---:|---:|---:|---:|"]
    for data in sets:
        lines.append(f"| {data.name} | {data.rulesets} | {fmt(med(data.name, 'disclose-t2'))} | {fmt(med(data.name, 'regorus'))} | "
                     f"{fmt(med(data.name, 'zen-engine'))} |")
    lines.append("")

    # Differential.
    lines += ["## Differential check", "",
              "For every completed assessment of a launched country with rules: the sorted issue ids of disclose "
              "(internal-report.json `raisedIssues`) against each engine's. The public rules of each country and period "
              "(what adopted decisions stand behind, as `publish` evaluates them) are exported with `RuleBookExport` "
              "(`disclose show --format json`), resolved per combination of factory attributes (bench/peers/convert.py) "
              "and translated by bench/peers/translate.py. A country not launched publishes nothing and is not evaluated: "
              "its assessments are counted apart.", "",
              "| data | assessments compared | not launched, left out | rule sets | engines | differing | same bytes, 1 and 2 threads | sha256 of the issue lists |",
              "|---|---:|---:|---:|---|---:|---|---|"]
    for data in sets:
        ch = checks[data.name]
        engines = [e for e in ch["engines"] if e != "disclose"]
        differ = sum(ch["engines"][e].get("differ", 0) for e in engines) + ch["engines"]["disclose"]["missing"]
        lines.append(f"| {data.name} | {ch['assessments']:,} | {ch.get('notLaunched', 0):,} | {data.rulesets} | disclose, {', '.join(engines)} | {differ} | "
                     f"{'yes' if ch['threads_same_bytes'] else 'NO'} | `{ch['engines']['disclose']['sha256'][:16]}…` |")
    lines.append("")

    if prof:
        total = prof["total"]
        lines += [f"## Where the time goes (callgrind, {prof['data']}, 1 thread)", "",
                  f"Instructions of one `disclose publish` ({total:,} in all; {prof['assessments']:,} assessments, "
                  f"{prof['answers']:,} answers), by phase (inclusive):", "",
                  "| phase | instructions | share | per assessment | per answer |", "|---|---:|---:|---:|---:|"]
        for label, value in prof["phases"]:
            if value is None:
                lines.append(f"| {label} | – | – | – | – |")
            else:
                lines.append(f"| {label} | {value:,} | {100 * value / total:.1f}% | {value / prof['assessments']:,.0f} | "
                             f"{value / prof['answers']:.0f} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
