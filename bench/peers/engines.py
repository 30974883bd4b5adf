#!/usr/bin/env python3
"""Runs a peer engine over the peers' input (convert.py) and writes the issues it raises.

    engines.py regorus|zen-engine PEERS_DIR OUTPUT

PEERS_DIR holds peers.jsonl and rulesets.json (convert.py); each rule set is translated by
translate.py and compiled once. OUTPUT gets one line per assessment, in input order:
    <assessment_id>\t<comma-joined sorted issue ids>
On stderr, one line 'BENCH {json}' with the program's own timings (as in the reference
harness): setup_s (import + translate + compile), load_s (input into the engine's form),
eval_s (evaluation, incl. turning the engine's answer into a list), emit_s (writing).

Adapted from the reference harness's pyengines.py (run_regorus, run_zen): the same engine
calls, timing split and output format, with one compiled policy per rule set.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import translate  # noqa: E402

pc = time.perf_counter


def rule_sets(peers_dir):
    index = json.load(open(os.path.join(peers_dir, "rulesets.json")))
    return [translate.Rules(json.load(open(os.path.join(peers_dir, entry["file"])))) for entry in index]


def head(line):
    """The assessment id and rule set of a line written by convert.py, without parsing it all
    (the engines that take raw JSON text parse the line themselves)."""
    aid = line.split('"', 4)[3]
    at = line.index('"ruleset":') + 10
    return aid, int(line[at:line.index(",", at)])


def report(engine, n, setup, load, ev, emit):
    print("BENCH " + json.dumps({"engine": engine, "n": n, "setup_s": round(setup, 4), "load_s": round(load, 4),
                                 "eval_s": round(ev, 4), "emit_s": round(emit, 4)}), file=sys.stderr, flush=True)


def write(outp, results):
    with open(outp, "w") as fo:
        fo.write("".join(f"{aid}\t{','.join(r)}\n" for aid, r in results))


def run_regorus(peers_dir, outp):
    t0 = pc()
    import regorus
    engines = []
    for rules in rule_sets(peers_dir):
        engine = regorus.Engine()
        engine.add_policy("disclose.rego", translate.rego_policy(rules))
        engines.append(engine)
    setup = pc() - t0
    load = ev = 0.0
    results = []
    with open(os.path.join(peers_dir, "peers.jsonl")) as f:
        t = pc()
        for line in f:
            aid, ruleset = head(line)
            engine = engines[ruleset]
            engine.set_input_json(line)          # JSON text -> regorus value (parsed in Rust)
            t1 = pc(); load += t1 - t
            r = engine.eval_rule("data.disclose.issues")
            results.append((aid, sorted(r)))
            t = pc(); ev += t - t1
    t2 = pc()
    write(outp, results)
    report("regorus", len(results), setup, load, ev, pc() - t2)


def run_zen(peers_dir, outp):
    t0 = pc()
    import zen
    engine = zen.ZenEngine()
    decisions = [engine.create_decision(json.dumps(translate.zen_jdm(rules))) for rules in rule_sets(peers_dir)]
    setup = pc() - t0
    load = ev = 0.0
    results = []
    with open(os.path.join(peers_dir, "peers.jsonl")) as f:
        t = pc()
        for line in f:
            aid, ruleset = head(line)
            t1 = pc(); load += t1 - t
            res = decisions[ruleset].evaluate(line)["result"]     # JSON text passed through; parsed in Rust
            results.append((aid, sorted({x["issue"] for x in res})))
            t = pc(); ev += t - t1
    t2 = pc()
    write(outp, results)
    report("zen-engine", len(results), setup, load, ev, pc() - t2)


ENGINES = {"regorus": run_regorus, "zen-engine": run_zen}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ENGINES:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(ENGINES)}}} PEERS_DIR OUTPUT")
    ENGINES[sys.argv[1]](sys.argv[2], sys.argv[3])
