#!/usr/bin/env python3
"""Latency of `disclose lsp`: from a didChange written to the server's pipe to the
publishDiagnostics for that version read back, on the largest shipped country file.

    python3 bench/lsp/latency.py PATH-TO-DISCLOSE [--runs N] [--report FILE]

Each run alternates the file between its shipped text and a text with a misspelt question id,
so that every change gives new diagnostics. The figure includes the server's debounce
interval (it waits that long for more keystrokes before checking) and the pipes both ways.
"""
import json
import os
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
binary = os.path.abspath(args[0])
runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 50
report = args[args.index("--report") + 1] if "--report" in args else None
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
countries = os.path.join(root, "countries")
candidates = [os.path.join(countries, name) for name in os.listdir(countries) if name.endswith(".disclose") and "-" not in name]
largest = max(candidates, key=os.path.getsize)
with open(largest, encoding="utf-8") as handle:
    text = handle.read()
lines = text.count("\n")

server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)


def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = server.stdout.read(1)
        if not byte:
            raise SystemExit("the server closed its output")
        header += byte
    length = int([line for line in header.split(b"\r\n") if line.lower().startswith(b"content-length")][0].split(b":")[1])
    return json.loads(server.stdout.read(length))


def wait_for_diagnostics(uri, version):
    while True:
        message = receive()
        params = message.get("params") or {}
        if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri and params.get("version") == version:
            return params["diagnostics"]


uri = "file://" + largest
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://" + root, "capabilities": {}}})
receive()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "disclose", "version": 1, "text": text}}})
first = wait_for_diagnostics(uri, 1)
if first:
    raise SystemExit("the shipped file has diagnostics: %s" % first[:1])

# The first question id written in a condition, misspelt by dropping its last character.
import re
match = re.search(r"raised when .*?\b([A-Z]{3}-[A-Z]{3}-[0-9]{2})\b", text)
broken = text[:match.start(1)] + match.group(1)[:-1] + text[match.end(1):]

def cpu_seconds():
    """User and system time of the server process so far, from /proc (Linux)."""
    try:
        with open("/proc/%d/stat" % server.pid) as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


timings = []
cpu_before = cpu_seconds()
for run in range(runs):
    version = run + 2
    changed = broken if run % 2 == 0 else text
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}})
    diagnostics = wait_for_diagnostics(uri, version)
    timings.append((time.perf_counter() - started) * 1000)
    if (run % 2 == 0) != any(item.get("code") == "E301" for item in diagnostics) or (run % 2 == 1 and diagnostics):
        raise SystemExit("run %d: unexpected diagnostics %s" % (run, json.dumps(diagnostics)[:300]))

cpu_after = cpu_seconds()
cpu_per_change = (cpu_after - cpu_before) * 1000 / runs if cpu_before is not None and cpu_after is not None else None
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
receive()
send({"jsonrpc": "2.0", "method": "exit"})
status = server.wait(timeout=10)

timings.sort()
median = statistics.median(timings)
p90 = timings[int(len(timings) * 0.9) - 1]
worst = timings[-1]
relative = os.path.relpath(largest, root)
result = "\n".join([
    "## Language server: diagnostics after a change",
    "",
    "| file | runs | median | 90th percentile | slowest | server CPU per change | target |",
    "|---|---|---|---|---|---|---|",
    "| `%s` (%d lines, %d bytes) | %d | %.1f ms | %.1f ms | %.1f ms | %s | 50 ms: %s |" % (
        relative, lines, len(text.encode()), runs, median, p90, worst,
        "%.1f ms" % cpu_per_change if cpu_per_change is not None else "-", "met" if p90 < 50 else "NOT met"),
    "",
    "From writing `didChange` (the whole file) to reading the `publishDiagnostics` of that version,",
    "alternating between the shipped text and a misspelt question id (E301, then none); the",
    "figure includes the server's 5 ms debounce and the pipes. The CPU time (user and system, from",
    "/proc) is the server's work for one change, whatever else the machine is doing; on a loaded",
    "machine the wall times are longer than it. Server exit status: %d." % status,
    "",
])
print(result)
if report:
    with open(report, "w", encoding="utf-8") as handle:
        handle.write(result)
if p90 >= 50:
    sys.exit(1)
