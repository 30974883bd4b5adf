#!/usr/bin/env python3
"""Turns a data folder (docs/formats.md, CSV) into the peers' input.

    convert.py DATA_DIR RULE_PERIODS_JSON OUT_DIR

RULE_PERIODS_JSON is `publish-bench rules` output: for each country, its rule periods
(from, until, the rules as `disclose show` exports them). Writes into OUT_DIR:

  rulesets/N.json   the rules of each (country, period, factory attributes) some assessment
                    falls in
  rulesets.json     [{"country", "from", "until", "attributes", "file"}, ...] by N
  peers.jsonl       one line per completed assessment of a country with rules:
                    {"assessment_id":"KH-0001-01","ruleset":N,"answers":{"CHL_LAB_01":"no",...}}

Answers are read as docs/formats.md says (spaces and tabs around them ignored; `yes`, `no`,
`not-applicable`, `n/a`, `na` in any case) and written as translate.py expects: yes/no and
not-applicable as lowercase words, numbers as JSON numbers, dates as YYYYMMDD integers,
choices lowercased, keys with `_` for `-`. Questions outside the assessment's rules are left
out, as are answers to unknown assessments; the data the benchmark generates has neither.

Rules that read a factory's attributes (a parameter whose value depends on one, a condition
`factory NAME is VALUE`) are resolved here, per combination of attribute values some factory
has, so the peers need no notion of a factory: a parameter takes the factory's value (none when
the factory lacks the attribute: its comparisons are then never true, as disclose finds no
threshold), and a condition becomes always or never true.

The answers of one assessment must be contiguous in answers.csv (the generator writes them so).
"""
import csv
import datetime
import json
import os
import sys

NA_WORDS = {"not-applicable", "n/a", "na"}


def rows(path):
    """The rows of a CSV table as dicts; a quote-free line is split without the csv module."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        header = [h.strip().lower() for h in next(csv.reader([f.readline()]))]
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            fields = line.split(",") if '"' not in line else next(csv.reader([line]))
            yield dict(zip(header, fields))


def normalised(raw, kind):
    text = raw.strip(" \t")
    if text.lower() in NA_WORDS:
        return "not-applicable"
    if kind == "yes-no":
        return text.lower()
    if kind == "number":
        value = float(text)
        return int(value) if value.is_integer() else value
    if kind == "date":
        day = datetime.date.fromisoformat(text)
        return day.year * 10000 + day.month * 100 + day.day
    return text.lower()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    data, periods_path, out = sys.argv[1:]
    periods = json.load(open(periods_path))
    os.makedirs(os.path.join(out, "rulesets"), exist_ok=True)

    factories = list(rows(os.path.join(data, "factories.csv")))
    country_of_factory = {r["factory_id"].strip(): r["country"].strip().upper() for r in factories}
    attributes_of_factory = {r["factory_id"].strip(): {name: r.get(name, "").strip() for name in ATTRIBUTES if r.get(name, "").strip()}
                             for r in factories}
    rulesets = []          # (country, period index, the factory's attributes the rules read)
    ruleset_of = {}        # assessment id -> ruleset number
    order = []
    for r in rows(os.path.join(data, "assessments.csv")):
        if r["status"].strip().lower() != "completed":
            continue
        country = country_of_factory.get(r["factory_id"].strip())
        if country not in periods:
            continue
        day = r["assessed_on"].strip()
        for index, period in enumerate(periods[country]):
            if (period["from"] is None or period["from"] <= day) and (period["until"] is None or day < period["until"]):
                break
        read = attributes_read(periods[country][index]["rules"])
        given = attributes_of_factory.get(r["factory_id"].strip(), {})
        key = (country, index, tuple((name, given.get(name)) for name in sorted(read)))
        if key not in rulesets:
            rulesets.append(key)
        aid = r["assessment_id"].strip()
        ruleset_of[aid] = rulesets.index(key)
        order.append(aid)

    kinds = []
    index = []
    for number, (country, period_index, attributes) in enumerate(rulesets):
        period = periods[country][period_index]
        rules = specialised(period["rules"], dict(attributes))
        with open(os.path.join(out, "rulesets", f"{number}.json"), "w") as f:
            json.dump(rules, f)
        kinds.append({q["id"]: q["answer"]["kind"] for q in rules["questions"]})
        index.append({"country": country, "from": period["from"], "until": period["until"],
                      "attributes": {name: value for name, value in attributes if value is not None},
                      "file": f"rulesets/{number}.json"})
        names = [q.replace("-", "_") for q in kinds[-1]]
        assert len(set(names)) == len(names), "question ids differ only in - and _"
    with open(os.path.join(out, "rulesets.json"), "w") as f:
        json.dump(index, f, indent=1)

    # Answers, grouped by assessment (contiguous), written as they come; then the completed
    # assessments without any answer.
    written = set()
    current, current_answers = None, {}
    with open(os.path.join(out, "peers.jsonl.tmp"), "w") as f:
        def flush():
            if current in ruleset_of:
                f.write(encode(current, ruleset_of[current], current_answers))
                written.add(current)

        for r in rows(os.path.join(data, "answers.csv")):
            aid = r["assessment_id"]
            if aid != current:
                flush()
                if aid in written:
                    sys.exit(f"answers of {aid} are not contiguous")
                current, current_answers = aid, {}
            if aid not in ruleset_of:
                continue
            q = r["question_id"]
            kind = kinds[ruleset_of[aid]].get(q)
            if kind is not None:
                current_answers[q.replace("-", "_")] = normalised(r["answer"], kind)
        flush()
        for aid in order:
            if aid not in written:
                f.write(encode(aid, ruleset_of[aid], {}))
    os.replace(os.path.join(out, "peers.jsonl.tmp"), os.path.join(out, "peers.jsonl"))
    print(f"{len(order)} assessments, {len(rulesets)} rule set(s)", file=sys.stderr)


# The factories table's attribute columns (docs/formats.md).
ATTRIBUTES = ("sector", "province", "export_licence")
# A condition always true and one never true, in the export's form (translate.tree reads an
# `any` of no question as never).
NEVER = {"any": [], "is": "non-compliant"}
ALWAYS = {"not": NEVER}


def attributes_read(rules):
    """The names of the factory attributes the rules read."""
    names = set()

    def walk(value):
        if isinstance(value, dict):
            if "byAttribute" in value:
                names.add(value["byAttribute"])
            if "factory" in value and "is" in value and isinstance(value["factory"], str):
                names.add(value["factory"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk(rules.get("parameters", {}))
    for issue in rules.get("issues", []):
        walk(issue.get("expression"))
    return names


def specialised(rules, attributes):
    """The rules with every factory attribute resolved for a factory with `attributes`."""
    def parameter(value):
        if isinstance(value, dict) and "byAttribute" in value:
            given = attributes.get(value["byAttribute"])
            if given is None:
                return None
            for name, resolved in value["values"].items():
                if name.lower() == given.lower():
                    return resolved
            return value.get("otherwise")
        return value

    def condition(e):
        if isinstance(e, dict):
            if "factory" in e and "is" in e and isinstance(e["factory"], str):
                given = attributes.get(e["factory"])
                return ALWAYS if given is not None and given.lower() == e["is"].lower() else NEVER
            return {key: condition(value) for key, value in e.items()}
        if isinstance(e, list):
            return [condition(x) for x in e]
        return e

    result = dict(rules)
    result["parameters"] = {name: parameter(value) for name, value in rules.get("parameters", {}).items()}
    result["issues"] = [dict(issue, expression=condition(issue["expression"])) for issue in rules.get("issues", [])]
    return result


def encode(aid, ruleset, answers):
    return '{"assessment_id":%s,"ruleset":%d,"answers":%s}\n' % (json.dumps(aid), ruleset, json.dumps(answers, separators=(",", ":")))


if __name__ == "__main__":
    main()
