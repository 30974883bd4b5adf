#!/usr/bin/env python3
"""Turns a data folder (docs/formats.md, CSV) into the peers' input.

    convert.py DATA_DIR RULE_PERIODS_JSON OUT_DIR

RULE_PERIODS_JSON is `publish-bench rules` output: for each country, its rule periods
(from, until, the rules as `disclose show` exports them). Writes into OUT_DIR:

  rulesets/N.json   the rules of each (country, period) some assessment falls in
  rulesets.json     [{"country", "from", "until", "file"}, ...] by N
  peers.jsonl       one line per completed assessment of a country with rules:
                    {"assessment_id":"KH-0001-01","ruleset":N,"answers":{"CHL_LAB_01":"no",...}}

Answers are read as docs/formats.md says (spaces and tabs around them ignored; `yes`, `no`,
`not-applicable`, `n/a`, `na` in any case) and written as translate.py expects: yes/no and
not-applicable as lowercase words, numbers as JSON numbers, dates as YYYYMMDD integers,
choices lowercased, keys with `_` for `-`. Questions outside the assessment's rules are left
out, as are answers to unknown assessments; the data the benchmark generates has neither.

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

    country_of_factory = {r["factory_id"].strip(): r["country"].strip().upper() for r in rows(os.path.join(data, "factories.csv"))}
    rulesets = []          # (country, period index)
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
        key = (country, index)
        if key not in rulesets:
            rulesets.append(key)
        aid = r["assessment_id"].strip()
        ruleset_of[aid] = rulesets.index(key)
        order.append(aid)

    kinds = []
    index = []
    for number, (country, period_index) in enumerate(rulesets):
        period = periods[country][period_index]
        with open(os.path.join(out, "rulesets", f"{number}.json"), "w") as f:
            json.dump(period["rules"], f)
        kinds.append({q["id"]: q["answer"]["kind"] for q in period["rules"]["questions"]})
        index.append({"country": country, "from": period["from"], "until": period["until"], "file": f"rulesets/{number}.json"})
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


def encode(aid, ruleset, answers):
    return '{"assessment_id":%s,"ruleset":%d,"answers":%s}\n' % (json.dumps(aid), ruleset, json.dumps(answers, separators=(",", ":")))


if __name__ == "__main__":
    main()
