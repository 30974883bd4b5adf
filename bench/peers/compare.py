#!/usr/bin/env python3
"""The differential check: every engine raises the same issues for every assessment.

    compare.py INTERNAL_REPORT_JSON PEERS_JSONL ENGINE=OUTPUT [ENGINE=OUTPUT ...]

Ours: `assessments[].raisedIssues` of disclose publish's internal-report.json. Each peer's
OUTPUT: lines `<assessment_id>\t<comma-joined issue ids>` (engines.py, lower_bound.c). For
every assessment of PEERS_JSONL (every completed assessment of a country with rules), the
sorted issue lists must be equal; assessments of a country not launched, which disclose does not
evaluate, are left out and counted (`notLaunched`). Prints one JSON object: per engine, how many assessments
were compared, how many differ (with up to five examples), and the sha256 of the sorted
`<id>\t<issues>` lines, which is the same for every engine that agrees.
"""
import hashlib
import json
import sys


def canonical(pairs):
    text = "".join(f"{aid}\t{','.join(issues)}\n" for aid, issues in sorted(pairs.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    report = json.load(open(sys.argv[1]))
    ours_all = {a["assessment"]: sorted(a["raisedIssues"]) for a in report["assessments"]}
    # A country not launched publishes nothing, so disclose does not evaluate its assessments:
    # they are left out of the comparison, and counted.
    not_launched = {a["assessment"] for a in report["assessments"] if a.get("reason") == "country-not-launched"}
    wanted = []
    skipped = 0
    with open(sys.argv[2]) as f:
        for line in f:
            aid = line.split('"', 4)[3]
            if aid in not_launched:
                skipped += 1
            else:
                wanted.append(aid)
    missing = [aid for aid in wanted if aid not in ours_all]
    ours = {aid: ours_all[aid] for aid in wanted if aid in ours_all}
    result = {"assessments": len(wanted), "notLaunched": skipped, "engines": {}}
    result["engines"]["disclose"] = {"compared": len(ours), "missing": len(missing), "sha256": canonical(ours)}
    for argument in sys.argv[3:]:
        name, path = argument.split("=", 1)
        theirs = {}
        with open(path) as f:
            for line in f:
                aid, _, issues = line.rstrip("\n").partition("\t")
                theirs[aid] = sorted(issues.split(",")) if issues else []
        differ = [aid for aid in wanted if ours.get(aid) != theirs.get(aid)]
        result["engines"][name] = {
            "compared": len(wanted), "differ": len(differ), "sha256": canonical({aid: theirs.get(aid, ["<missing>"]) for aid in wanted}),
            "examples": [{"assessment": aid, "disclose": ours.get(aid), name: theirs.get(aid)} for aid in differ[:5]],
        }
    result["agree"] = not missing and all(e.get("differ", 0) == 0 for e in result["engines"].values())
    print(json.dumps(result, indent=1))
    sys.exit(0 if result["agree"] else 1)


if __name__ == "__main__":
    main()
