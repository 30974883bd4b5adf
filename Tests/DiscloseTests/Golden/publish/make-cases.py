#!/usr/bin/env python3
"""Writes the input data of the publication golden cases (Golden/publish/CASE/).

Each case is a tiny data set written out below in full: its factories, assessments and
responses literally, and its answers as "every question behind a public issue or a
zero-tolerance category of the country, answered compliantly under the rules in force on the
assessment day" (read from `disclose show CC --as-of DAY --format json`), with the answers that
make the case written out as overrides. The bad-data cases are the same kind of data with one
fault written in by hand.

Only input files and `as-of` are written; expected outputs are never touched (bless them
with `BLESS=1 swift test --filter PublishGolden` and then check them by hand). A new
failing case gets an empty `expected-diagnostics.txt`, so that the test knows it must fail.

Usage, from the package root, after `swift build`:
    python3 Tests/DiscloseTests/Golden/publish/make-cases.py [CASE ...]
"""

import csv
import io
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DISCLOSE = os.path.join(ROOT, ".build", "debug", "disclose")

COLUMNS = {
    "factories": ["factory_id", "name", "type", "country", "left_on"],
    "assessments": ["assessment_id", "factory_id", "assessed_on", "method", "cycle", "status", "refusal_reason",
                    "finalised_on", "cycle_ends_on"],
    "answers": ["assessment_id", "question_id", "answer"],
    "responses": ["response_id", "factory_id", "assessment_id", "issue_id", "responded_on", "text", "attachments"],
}

# ----------------------------------------------------------------------------------------
# Compliant answers from the shipped rules

_shown = {}


def show(country, day):
    key = (country, day)
    if key not in _shown:
        out = subprocess.run([DISCLOSE, "show", country, "--as-of", day, "--format", "json", "--rules", ROOT],
                             check=True, capture_output=True, text=True).stdout
        _shown[key] = json.loads(out)
    return _shown[key]


def compliant_answer(question, parameters):
    kind = question["answer"]["kind"]
    when = question["nonCompliantWhen"]
    if kind == "yes-no":
        return "no" if when["answer"] == "yes" else "yes"
    if kind == "number":
        operand = when["with"]
        value = parameters[operand["parameter"]] if "parameter" in operand else {"value": operand["number"]}
        # A value by attribute: an answer compliant whatever the factory's attribute.
        thresholds = [value["value"]] if "value" in value else [v["value"] for v in value["values"].values()] + (
            [value["otherwise"]["value"]] if value.get("otherwise") else [])
        if when["compare"] in ("below", "at-least"):
            return str(int(max(thresholds)) + 3)
        return str(int(min(thresholds)) // 2)
    if kind == "choice":
        bad = set(c.lower() for c in when.get("choices", []))
        return next(c for c in question["answer"]["choices"] if c.lower() not in bad)
    raise ValueError(f"no compliant answer for {question['id']}")


def compliant(country, day):
    """(question, answer) for every question behind a public issue or a zero-tolerance
    category in force on `day`, in catalogue order."""
    rules = show(country, day)
    needed = set()
    for issue in rules["issues"]:
        needed |= set(issue["questions"])
    for category in rules["zeroTolerance"]:
        needed |= set(category["questions"])
    return [(q["id"], compliant_answer(q, rules["parameters"])) for q in rules["questions"] if q["id"] in needed]


# ----------------------------------------------------------------------------------------
# Records


def factory(fid, name, country="KH", type="garment", left_on="", export_licence=None):
    record = {"factory_id": fid, "name": name, "type": type, "country": country, "left_on": left_on}
    if export_licence is not None:
        # The attribute columns, written only for the cases that give them: the older cases
        # keep the five columns, which still read.
        record.update({"sector": "", "province": "", "export_licence": export_licence})
    return record


def assessed(aid, fid, day, cycle, finalised="", method="on-site", cycle_ends="", country="KH", set=None, drop=(), answers=True):
    """A completed assessment, with its answers: compliant, except `set` (question: answer) and
    `drop` (questions left unanswered)."""
    record = {"assessment_id": aid, "factory_id": fid, "assessed_on": day, "method": method, "cycle": str(cycle),
              "status": "completed", "refusal_reason": "", "finalised_on": finalised, "cycle_ends_on": cycle_ends}
    rows = []
    if answers:
        overrides = dict(set or {})
        for question, answer in compliant(country, day):
            if question in drop:
                continue
            rows.append({"assessment_id": aid, "question_id": question, "answer": overrides.pop(question, answer)})
        for question, answer in overrides.items():
            rows.append({"assessment_id": aid, "question_id": question, "answer": answer})
    return record, rows


def refused(aid, fid, day, cycle, reason="none"):
    return {"assessment_id": aid, "factory_id": fid, "assessed_on": day, "method": "", "cycle": str(cycle),
            "status": "refused", "refusal_reason": reason, "finalised_on": "", "cycle_ends_on": ""}, []


def response(rid, fid, aid, day, text, issue="", attachments=""):
    return {"response_id": rid, "factory_id": fid, "assessment_id": aid, "issue_id": issue, "responded_on": day,
            "text": text, "attachments": attachments}


class Data:
    def __init__(self, factories, events, responses=None):
        self.factories = factories
        self.assessments = [record for record, _ in events]
        self.answers = [row for _, rows in events for row in rows]
        self.responses = responses


# ----------------------------------------------------------------------------------------
# Writing


def csv_text(table, rows):
    out = io.StringIO()
    columns = COLUMNS[table]
    if table == "factories" and any("export_licence" in row for row in rows):
        columns = columns + ["sector", "province", "export_licence"]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def jsonl_text(table, rows):
    lines = []
    for row in rows:
        record = {}
        for column in COLUMNS[table]:
            value = row[column]
            if value == "":
                continue
            if column == "cycle":
                value = int(value)
            if column == "attachments":
                value = [item.strip() for item in value.split(";")]
            record[column] = value
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def tables(data):
    yield "factories", data.factories
    yield "assessments", data.assessments
    yield "answers", data.answers
    if data.responses is not None:
        yield "responses", data.responses


def texts(data, format="csv"):
    render = csv_text if format == "csv" else jsonl_text
    return {f"{table}.{format}": render(table, rows) for table, rows in tables(data)}


CASES = {}


def case(name, as_of, files, fails=False):
    CASES[name] = (as_of, files, fails)


def write(name):
    as_of, files, fails = CASES[name]
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    for entry in os.listdir(folder):
        if entry.endswith((".csv", ".jsonl")) and not entry.startswith("expected-"):
            os.remove(os.path.join(folder, entry))
    for file, contents in files.items():
        os.makedirs(os.path.dirname(os.path.join(folder, file)), exist_ok=True)
        with open(os.path.join(folder, file), "wb") as handle:
            handle.write(contents if isinstance(contents, bytes) else contents.encode("utf-8"))
    with open(os.path.join(folder, "as-of"), "w") as handle:
        handle.write(as_of + "\n")
    placeholder = os.path.join(folder, "expected-diagnostics.txt")
    if fails and not os.path.exists(placeholder):
        open(placeholder, "w").close()


# ----------------------------------------------------------------------------------------
# Policy cases (Cambodia unless said otherwise: 21 public issues, rules unchanged since 2013)

# A first assessment is never published, whatever it finds.
case("first-assessment-withheld", "2024-06-01", texts(Data(
    [factory("KH-101", "Angkor Garments Co., Ltd.")],
    [assessed("KH-101-A1", "KH-101", "2024-02-12", 1, "2024-03-20", set={"OSH-PRO-01": "no"})])))

# From the second finalised assessment on, the latest is shown; the first is superseded.
case("second-assessment-shown", "2024-06-01", texts(Data(
    [factory("KH-102", "Mekong Apparel")],
    [assessed("KH-102-A1", "KH-102", "2023-02-14", 1, "2023-03-30", set={"OSH-PRO-01": "no"}),
     assessed("KH-102-A2", "KH-102", "2024-02-20", 2, "2024-04-02", method="hybrid", set={"COM-LEA-05": "no"})])))

# Three finalised assessments: only the latest is shown, with its own findings only.
case("superseded-assessments-hidden", "2025-01-15", texts(Data(
    [factory("KH-103", "Phnom Penh Knitwear")],
    [assessed("KH-103-A1", "KH-103", "2022-03-01", 1, "2022-04-15", set={"OSH-EMR-05": "12"}),
     assessed("KH-103-A2", "KH-103", "2023-03-07", 2, "2023-04-20", set={"OSH-WEL-01": "no", "COM-OVT-01": "no"}),
     assessed("KH-103-A3", "KH-103", "2024-03-12", 3, "2024-05-02", method="virtual", set={"OSH-EMR-03": "no"})])))

# Compliant on every public issue: green.
case("green-compliant", "2024-06-01", texts(Data(
    [factory("KH-104", "Siem Reap Footwear", type="footwear")],
    [assessed("KH-104-A1", "KH-104", "2023-01-10", 1, "2023-02-20"),
     assessed("KH-104-A2", "KH-104", "2024-01-15", 2, "2024-02-28")])))

# Four public issues raised (two questions behind KH-03 count once), beside a green factory;
# two responses published (one with attachments and line breaks, one with quotes and a comma).
NON_COMPLIANT_COUNT = Data(
    [factory("KH-105", "Tonle Sap Textiles"), factory("KH-106", "Battambang Sportswear")],
    [assessed("KH-105-A1", "KH-105", "2023-01-16", 1, "2023-02-24"),
     assessed("KH-105-A2", "KH-105", "2024-01-22", 2, "2024-03-01",
              set={"FOR-COE-04": "yes", "DIS-GEN-04": "yes", "DIS-RAC-01": "yes", "OSH-EMR-05": "9", "COM-MIN-03": "4"}),
     assessed("KH-106-A1", "KH-106", "2023-01-18", 1, "2023-02-27"),
     assessed("KH-106-A2", "KH-106", "2024-01-24", 2, "2024-03-04")],
    [response("KH-105-R1", "KH-105", "KH-105-A2", "2024-03-20",
              "Actions taken:\n1. Evacuation drill held on 12 March.\n2. Drill calendar posted at both gates.",
              issue="KH-14", attachments="drill-log.pdf; drill-photo.jpg"),
     response("KH-105-R2", "KH-105", "KH-105-A2", "2024-03-22",
              'We have "zero tolerance" for forced labour, and all supervisors were retrained.')])
case("non-compliant-count", "2024-06-01", texts(NON_COMPLIANT_COUNT))

# The same data as JSON Lines: the same public output.
case("jsonl-input", "2024-06-01", texts(NON_COMPLIANT_COUNT, "jsonl"))

# Incomplete data is never green.
case("incomplete-missing-critical-answer", "2024-06-01", texts(Data(
    [factory("KH-107", "Kampong Cham Garments"), factory("KH-108", "Takeo Apparel")],
    [assessed("KH-107-A1", "KH-107", "2023-02-06", 1, "2023-03-10"),
     # A question behind KH-17 is not answered.
     assessed("KH-107-A2", "KH-107", "2024-02-05", 2, "2024-03-11", drop=["OSH-PRO-01"]),
     assessed("KH-108-A1", "KH-108", "2023-02-07", 1, "2023-03-10"),
     # A zero-tolerance question behind no public issue of Cambodia: not needed for the findings.
     assessed("KH-108-A2", "KH-108", "2024-02-06", 2, "2024-03-11", drop=["CON-DIA-05"])])))

case("incomplete-unusable-answer", "2024-06-01", texts(Data(
    [factory("KH-109", "Kratie Knitting"), factory("KH-110", "Pursat Garments")],
    [assessed("KH-109-A1", "KH-109", "2023-02-13", 1, "2023-03-17"),
     assessed("KH-109-A2", "KH-109", "2024-02-12", 2, "2024-03-18", set={"FOR-COE-01": "maybe", "COM-MIN-03": "a few"}),
     assessed("KH-110-A1", "KH-110", "2023-02-14", 1, "2023-03-17"),
     # Spreadsheet spellings are read without regard to case or surrounding spaces.
     assessed("KH-110-A2", "KH-110", "2024-02-13", 2, "2024-03-18", set={"FOR-COE-01": "No", "OSH-PRO-01": " YES ", "COM-MIN-03": "0"})])))

# Unusable answers to questions no rule needs on the day (behind no public issue or
# zero-tolerance category): W711 each, in the internal report; the findings do not change.
case("unusable-answer-to-non-critical-question", "2024-06-01", texts(Data(
    [factory("KH-143", "Chhouk Apparel")],
    [assessed("KH-143-A1", "KH-143", "2023-02-20", 1, "2023-03-24"),
     assessed("KH-143-A2", "KH-143", "2024-02-19", 2, "2024-03-25",
              set={"OSH-CHE-01": "maybe", "WTI-OVT-02": "1e3", "WTI-OVT-03": "-5", "CON-EMP-01": "sometimes",
                   "OSH-EMR-01": "n/a", "OSH-CHE-02": " Yes ", "WTI-OVT-04": "12.5", "COM-MET-02": "Mobile Money"})])))

case("incomplete-not-applicable-not-allowed", "2024-06-01", texts(Data(
    [factory("KH-111", "Svay Rieng Apparel"), factory("KH-112", "Kampot Knitwear")],
    [assessed("KH-111-A1", "KH-111", "2023-02-20", 1, "2023-03-24"),
     assessed("KH-111-A2", "KH-111", "2024-02-19", 2, "2024-03-25", set={"CHL-LAB-01": "n/a"}),
     assessed("KH-112-A1", "KH-112", "2023-02-21", 1, "2023-03-24"),
     # Not applicable where the question allows it: usable.
     assessed("KH-112-A2", "KH-112", "2024-02-20", 2, "2024-03-25", set={"CHL-LAB-05": "not-applicable", "COM-MIN-02": "NA"})])))

# Answers that silence an issue: CHL-LAB-05 (remediation) allows "not applicable", but is
# `required when` child labour was found. A child found and remediation "not applicable" is
# incomplete data, never green; beside it, the same child not remediated raises KH-01, and a
# child found and remediated is shown green.
case("incomplete-required-answer-not-applicable", "2024-06-01", texts(Data(
    [factory("KH-143", "Takhmao Stitching"), factory("KH-144", "Pursat Garments"), factory("KH-145", "Kratie Apparel")],
    [assessed("KH-143-A1", "KH-143", "2023-02-22", 1, "2023-03-27"),
     assessed("KH-143-A2", "KH-143", "2024-02-21", 2, "2024-03-26", set={"CHL-LAB-01": "yes", "CHL-LAB-05": "not-applicable"}),
     assessed("KH-144-A1", "KH-144", "2023-02-23", 1, "2023-03-27"),
     assessed("KH-144-A2", "KH-144", "2024-02-22", 2, "2024-03-26", set={"CHL-LAB-01": "yes", "CHL-LAB-05": "no"}),
     assessed("KH-145-A1", "KH-145", "2023-02-24", 1, "2023-03-27"),
     assessed("KH-145-A2", "KH-145", "2024-02-23", 2, "2024-03-26", set={"CHL-LAB-01": "yes", "CHL-LAB-05": "yes"})])))

# Finalisation: a report finalised after the as-of day does not count yet; one finalised on
# the as-of day does.
FINALISATION = Data(
    [factory("KH-113", "Banteay Meanchey Garments"), factory("KH-114", "Kandal Stitching"), factory("KH-115", "Prey Nob Apparel")],
    [assessed("KH-113-A1", "KH-113", "2023-03-01", 1, "2023-04-10"),
     assessed("KH-113-A2", "KH-113", "2024-03-04", 2, "2024-05-20", set={"COM-LEA-05": "no"}),
     assessed("KH-114-A1", "KH-114", "2022-03-02", 1, "2022-04-12"),
     assessed("KH-114-A2", "KH-114", "2023-03-06", 2, "2023-04-18", set={"OSH-WEL-01": "no"}),
     assessed("KH-114-A3", "KH-114", "2024-03-18", 3, ""),
     assessed("KH-115-A1", "KH-115", "2023-03-08", 1, "2023-04-20"),
     assessed("KH-115-A2", "KH-115", "2024-03-11", 2, "2024-05-01", set={"OSH-EMR-02": "no"})])
case("not-finalised-by-as-of", "2024-05-01", texts(FINALISATION))
case("not-finalised-shown-after-finalisation", "2024-06-01", texts(FINALISATION))

# Refusals after the current assessment count unless excused; two make the factory refusing.
case("refusals-counted", "2024-12-01", texts(Data(
    [factory("KH-116", "Kampot Garment Works"), factory("KH-117", "Stung Treng Apparel"),
     factory("KH-118", "Mondulkiri Textiles"), factory("KH-119", "Kep Knitting")],
    [assessed("KH-116-A1", "KH-116", "2023-02-06", 1, "2023-03-15"),
     assessed("KH-116-A2", "KH-116", "2024-02-05", 2, "2024-03-15", set={"OSH-WEL-01": "no"}),
     refused("KH-116-V1", "KH-116", "2024-08-05", 3),
     refused("KH-116-V2", "KH-116", "2024-10-14", 3),
     # Only a first assessment, then two refusals: listed as refusing, without findings.
     assessed("KH-117-A1", "KH-117", "2024-01-10", 1, "2024-02-20"),
     refused("KH-117-V1", "KH-117", "2024-06-03", 2),
     refused("KH-117-V2", "KH-117", "2024-09-09", 2),
     # Never assessed: two refusals.
     refused("KH-118-V1", "KH-118", "2024-04-08", 1),
     refused("KH-118-V2", "KH-118", "2024-07-15", 1),
     # One refusal only: not refusing, but the refusal is counted on the portal.
     assessed("KH-119-A1", "KH-119", "2023-02-13", 1, "2023-03-20"),
     assessed("KH-119-A2", "KH-119", "2024-02-12", 2, "2024-03-21"),
     refused("KH-119-V1", "KH-119", "2024-09-16", 3)])))

case("refusals-excused", "2024-12-01", texts(Data(
    [factory("KH-120", "Takhmao Garments"), factory("KH-121", "Chbar Ampov Apparel"), factory("KH-122", "Pailin Textiles")],
    [assessed("KH-120-A1", "KH-120", "2023-01-09", 1, "2023-02-14"),
     assessed("KH-120-A2", "KH-120", "2024-01-08", 2, "2024-02-15"),
     refused("KH-120-V1", "KH-120", "2024-06-10", 3, "force-majeure"),
     refused("KH-120-V2", "KH-120", "2024-08-12", 3, "other-audits-same-day"),
     refused("KH-120-V3", "KH-120", "2024-10-07", 3, "none"),
     # Two unexcused refusals, but before the current assessment: they no longer count.
     assessed("KH-121-A1", "KH-121", "2023-01-10", 1, "2023-02-15"),
     refused("KH-121-V1", "KH-121", "2023-06-12", 2),
     refused("KH-121-V2", "KH-121", "2023-09-11", 2),
     assessed("KH-121-A2", "KH-121", "2024-01-15", 2, "2024-02-21"),
     refused("KH-121-V3", "KH-121", "2024-07-08", 3),
     # The second refusal is after the as-of day.
     assessed("KH-122-A1", "KH-122", "2023-01-11", 1, "2023-02-16"),
     assessed("KH-122-A2", "KH-122", "2024-01-16", 2, "2024-02-22"),
     refused("KH-122-V1", "KH-122", "2024-09-02", 3),
     refused("KH-122-V2", "KH-122", "2025-01-13", 3)])))

# Factories that left: kept until the current assessment's cycle ends, given (KH-123:
# 2024-12-31) or derived (KH-124: 2024-03-04 plus 12 months less a day, 2025-03-03).
EXIT = Data(
    [factory("KH-123", "Kep Fashion", left_on="2024-06-30"), factory("KH-124", "Koh Kong Apparel", left_on="2024-06-30")],
    [assessed("KH-123-A1", "KH-123", "2023-03-01", 1, "2023-04-12", cycle_ends="2023-12-31"),
     assessed("KH-123-A2", "KH-123", "2024-03-01", 2, "2024-04-15", cycle_ends="2024-12-31", set={"OSH-PRO-01": "no"}),
     assessed("KH-124-A1", "KH-124", "2023-03-04", 1, "2023-04-14"),
     assessed("KH-124-A2", "KH-124", "2024-03-04", 2, "2024-04-20")])
case("exit-before-cycle-end", "2024-12-01", texts(EXIT))
case("exit-on-last-day-of-cycle", "2024-12-31", texts(EXIT))
case("exit-given-cycle-end-passed", "2025-01-15", texts(EXIT))
case("exit-on-last-day-of-derived-cycle", "2025-03-03", texts(EXIT))
case("exit-derived-cycle-end-passed", "2025-03-10", texts(EXIT))

# Zero tolerance: escalated from any assessment up to the as-of day, first and unfinalised
# ones included; internal only.
case("zero-tolerance-first-assessment", "2024-06-01", texts(Data(
    [factory("KH-126", "Prey Veng Garments"), factory("KH-127", "Kampong Speu Apparel"),
     factory("KH-128", "Ratanakiri Knitwear"), factory("KH-129", "Kampong Thom Garments")],
    [# A first assessment: child labour found and not remediated.
     assessed("KH-126-A1", "KH-126", "2024-02-07", 1, "2024-03-20", set={"CHL-LAB-01": "yes", "CHL-LAB-05": "no"}),
     # Not finalised yet: forced labour and a locked exit.
     assessed("KH-127-A1", "KH-127", "2024-04-02", 1, "", set={"FOR-PRI-01": "yes", "OSH-EMR-02": "no"}),
     # Assessed after the as-of day: not escalated yet.
     assessed("KH-128-A1", "KH-128", "2024-07-01", 1, "2024-08-05", set={"CHL-UWF-01": "yes"}),
     # A listed factory: an under-age worker found and remediated is escalated, but raises no
     # public issue in Cambodia (KH-01 is unremediated child labour), so it is shown green.
     assessed("KH-129-A1", "KH-129", "2023-02-08", 1, "2023-03-21"),
     assessed("KH-129-A2", "KH-129", "2024-02-08", 2, "2024-03-21", set={"CHL-LAB-02": "13"})])))

# Responses: published with the findings shown (not verified), held when moderation flags them.
case("responses-published-and-held", "2024-06-01", texts(Data(
    [factory("KH-130", "Sihanoukville Apparel")],
    [assessed("KH-130-A1", "KH-130", "2023-02-13", 1, "2023-03-24"),
     assessed("KH-130-A2", "KH-130", "2024-02-13", 2, "2024-03-25", set={"OSH-EMR-03": "no", "COM-LEA-05": "no"})],
    [response("KH-130-R1", "KH-130", "KH-130-A2", "2024-04-02",
              "The blocked emergency exit on the second floor was cleared on 28 March; photos are attached.",
              issue="KH-16", attachments="exit-before.jpg;exit-after.jpg"),
     response("KH-130-R2", "KH-130", "KH-130-A2", "2024-04-05",
              "We thank Better Work for the assessment. An improvement plan was agreed with the union."),
     response("KH-130-R3", "KH-130", "KH-130-A2", "2024-04-10",
              "Annual leave was paid to all workers. For details call our HR office on +855 12 345 678.", issue="KH-21"),
     response("KH-130-R4", "KH-130", "KH-130-A2", "2024-04-11",
              "Questions about the findings can be sent to hr.manager@sihanoukville-apparel.com.kh"),
     response("KH-130-R5", "KH-130", "KH-130-A2", "2024-04-12",
              "The locked exit was the fault of Mr. Nguyen, who has since been dismissed.", issue="KH-16"),
     response("KH-130-R6", "KH-130", "KH-130-A2", "2024-04-15",
              "The assessors are liars who did not even visit the warehouse."),
     response("KH-130-R7", "KH-130", "KH-130-A2", "2024-04-16", "Protective equipment was handed out.", issue="KH-17"),
     response("KH-130-R8", "KH-130", "KH-130-A2", "2024-06-20", "Leave records are now kept electronically.", issue="KH-21")])))

case("response-to-superseded-assessment", "2025-01-15", texts(Data(
    [factory("KH-131", "Battambang Garment Works"), factory("KH-132", "Siem Reap Stitching")],
    [assessed("KH-131-A1", "KH-131", "2022-03-07", 1, "2022-04-19"),
     assessed("KH-131-A2", "KH-131", "2023-03-06", 2, "2023-04-18", set={"OSH-PRO-01": "no"}),
     assessed("KH-131-A3", "KH-131", "2024-03-04", 3, "2024-04-16", set={"COM-LEA-05": "no"}),
     assessed("KH-132-A1", "KH-132", "2024-03-05", 1, "2024-04-17", set={"OSH-WEL-01": "no"})],
    [response("KH-131-R1", "KH-131", "KH-131-A2", "2023-05-02", "Protective equipment was handed out to all sewing lines.", issue="KH-17"),
     response("KH-131-R2", "KH-131", "KH-131-A3", "2024-05-06", "Unpaid annual leave was paid to the workers concerned.", issue="KH-21"),
     response("KH-131-R3", "KH-131", "KH-131-A1", "2022-05-10", "We welcome the first assessment."),
     # A first assessment is not shown, so neither is a response to it.
     response("KH-132-R1", "KH-132", "KH-132-A1", "2024-05-07", "Two water filters were installed.", issue="KH-18")])))

# One factory's history, published on six days.
HISTORY = Data(
    [factory("KH-133", "Kandal Garments")],
    [assessed("KH-133-A1", "KH-133", "2023-02-06", 1, "2023-03-17", set={"OSH-PRO-01": "no"}),
     assessed("KH-133-A2", "KH-133", "2024-02-12", 2, "2024-03-28", set={"OSH-WEL-01": "no", "COM-LEA-05": "no"}),
     refused("KH-133-V1", "KH-133", "2024-06-10", 2),
     assessed("KH-133-A3", "KH-133", "2024-09-02", 3, "2024-10-21"),
     refused("KH-133-V2", "KH-133", "2024-11-18", 3)],
    [response("KH-133-R1", "KH-133", "KH-133-A2", "2024-04-05", "Two water filters were installed on each floor.", issue="KH-18"),
     response("KH-133-R2", "KH-133", "KH-133-A3", "2024-11-01", "We thank the assessors for their visit.")])
case("as-of-1-before-any-assessment", "2023-01-01", texts(HISTORY))
case("as-of-2-first-not-finalised", "2023-03-01", texts(HISTORY))
case("as-of-3-second-not-finalised", "2024-03-01", texts(HISTORY))
case("as-of-4-second-shown", "2024-04-15", texts(HISTORY))
case("as-of-5-third-not-finalised-one-refusal", "2024-09-15", texts(HISTORY))
case("as-of-6-third-shown", "2024-12-01", texts(HISTORY))

# Vietnam withdrew UNION-CHOICE and UNION-FEDERATION from 2013-01-01. VN-201 was assessed
# under the 2012 rules, VN-202 under the 2013 ones, both with the same union answers.
VIETNAM = Data(
    [factory("VN-201", "Saigon Garment Joint Stock Company", country="VN"),
     factory("VN-202", "Hanoi Textile Company Limited", country="VN")],
    [assessed("VN-201-A1", "VN-201", "2011-05-10", 1, "2011-06-20", country="VN"),
     assessed("VN-201-A2", "VN-201", "2012-05-14", 2, "2012-06-25", country="VN", set={"FOA-ASC-01": "no", "FOA-ASC-02": "no"}),
     assessed("VN-202-A1", "VN-202", "2012-04-16", 1, "2012-05-28", country="VN"),
     assessed("VN-202-A2", "VN-202", "2013-05-20", 2, "2013-07-01", country="VN", set={"FOA-ASC-01": "no", "FOA-ASC-02": "no"})])
case("vn-withdrawn-issue-before-2013", "2012-12-01", texts(VIETNAM))
case("vn-withdrawn-issue-after-2013", "2013-12-01", texts(VIETNAM))

# Hostile names and texts: JSON escapes them, the public CSV defuses formulas.
case("hostile-factory-names", "2024-06-01", texts(Data(
    [factory("KH-134", '<script>alert("pwned")</script> Garments'),
     factory("KH-135", '=HYPERLINK("http://example.com","Click here")'),
     factory("KH-136", "+Plus Apparel"),
     factory("KH-137", "@Home Textiles"),
     factory("KH-138", "-Minus Knitwear"),
     factory("KH-139", 'Star "Quality" \\ Garments')],
    [ev for n in range(134, 140) for ev in (
        assessed(f"KH-{n}-A1", f"KH-{n}", "2023-03-13", 1, "2023-04-24"),
        assessed(f"KH-{n}-A2", f"KH-{n}", "2024-03-11", 2, "2024-04-22", set={"OSH-WEL-01": "no"} if n % 2 == 0 else None))],
    [response("KH-134-R1", "KH-134", "KH-134-A2", "2024-05-02", "=SUM(A1:A9) Two water filters were installed.", issue="KH-18",
              attachments="=cmd|' /C calc'!A0"),
     response("KH-139-R1", "KH-139", "KH-139-A2", "2024-05-03", '<img src=x onerror="alert(1)"> Line one,\nline "two".')])))

# A country that publishes nothing.
case("country-publishes-nothing", "2024-06-01", texts(Data(
    [factory("LK-301", "Colombo Apparel (Pvt) Ltd", country="LK")],
    [assessed("LK-301-A1", "LK-301", "2023-05-08", 1, "2023-06-12", country="LK"),
     assessed("LK-301-A2", "LK-301", "2024-05-06", 2, "2024-05-20", country="LK")])))

# Publication calendar (with a preview): Cambodia publishes quarterly over the calendar year on
# a proposed decision. Public: as of the day asked, 2024-05-15: KH-146's second assessment
# (finalised 2024-04-10) is shown with KH-16, and KH-147's third (2024-04-02, finalised
# 2024-04-30) with KH-01. Preview: as of the quarter's last day, 2024-03-31: KH-146 has one
# finalised assessment (withheld, first-assessment), KH-147 shows its second, and its third is
# after the publication day; the child labour it found is escalated all the same, as of 2024-05-15.
case("calendar-quarterly-in-preview", "2024-05-15", texts(Data(
    [factory("KH-146", "Kampong Chhnang Garments", export_licence="yes"), factory("KH-147", "Pursat Apparel", export_licence="yes")],
    [assessed("KH-146-A1", "KH-146", "2023-03-06", 1, "2023-04-12"),
     assessed("KH-146-A2", "KH-146", "2024-03-04", 2, "2024-04-10", set={"OSH-EMR-03": "no"}),
     assessed("KH-147-A1", "KH-147", "2023-01-09", 1, "2023-02-15"),
     assessed("KH-147-A2", "KH-147", "2024-01-08", 2, "2024-02-14"),
     assessed("KH-147-A3", "KH-147", "2024-04-02", 3, "2024-04-30", set={"CHL-LAB-01": "yes", "CHL-LAB-05": "no"})])))

# Egypt's zero-tolerance steps: Egypt is not launched, so nothing is public, but a child found
# at work is escalated with the four steps of Egypt's protocol and their due days.
case("zero-tolerance-steps-egypt", "2024-06-01", texts(Data(
    [factory("EG-401", "Tenth of Ramadan Garments", country="EG")],
    [assessed("EG-401-A1", "EG-401", "2024-03-12", 1, "2024-04-20", country="EG", set={"CHL-LAB-02": "13"})])))

# ----------------------------------------------------------------------------------------
# Tiers: a miniature project (`project/`, written here too) whose country XT has an adopted
# low-compliance tier over ten requirements (Q-01 to Q-10, non-compliant when `yes`: with k of
# them `yes`, a factory's rate is (10 - k) * 10 percent) and an adopted union tier over Q-11.

TIER_CATALOGUE = "# A miniature catalogue for the tier cases: eleven yes-no questions.\n\ncluster TST\n  title en \"Test cluster\"\n\npoint TST-ONE in TST\n  title en \"Test point\"\n" + "".join(
    f"\nquestion Q-{n:02} in TST-ONE\n  text en \"Requirement {n}\"\n  answer yes-no\n  non-compliant when yes\n" for n in range(1, 11)) + (
    "\n# The union's conduct: did it meet the legal requirements for a strike?\n"
    "question Q-11 in TST-ONE\n  text en \"Did the union meet the legal requirements for the strike?\"\n  answer yes-no\n"
    "  non-compliant when no\n  not-applicable allowed\n")

TIER_COUNTRY = """# A country with two adopted tiers, for the tier golden cases.

country XT
  title en "Tier Land"
  languages en
  status decided
  decided by XT-PAC-2020-01

include "../rules/catalogue.disclose"
include "XT-decisions.disclose"

issue XT-ONE
  title en "Requirement one not met"
  category wages
  raised when Q-01 is non-compliant
  decided by XT-PAC-2020-01
  from 2020-01-01

tier XT-LOW
  title en "Low compliance"
  assessments at least 3
  questions Q-01, Q-02, Q-03, Q-04, Q-05, Q-06, Q-07, Q-08, Q-09, Q-10
  threshold 2 deviations below mean
  decided by XT-PAC-2020-01

tier XT-UNION
  title en "Union compliance"
  concerns union
  assessments at least 2
  questions Q-11
  threshold below 100 percent
  decided by XT-PAC-2020-01
"""

TIER_DECISIONS = """# The register of XT.

decision XT-PAC-2020-01
  title en "Launch of public reporting, with its tiers"
  status adopted
  on 2020-01-01
  publishes XT-ONE
  covers XT-LOW, XT-UNION
"""


def tier_data(rows):
    """rows: (factory id, name, assessments, non-compliant requirements in the latest, union answer)."""
    factories, assessments, answers = [], [], []
    for fid, name, count, failing, union in rows:
        factories.append(factory(fid, name, country="XT"))
        for number in range(1, count + 1):
            aid = f"{fid}-A{number}"
            year = 2024 - count + number
            assessments.append({"assessment_id": aid, "factory_id": fid, "assessed_on": f"{year}-02-12", "method": "on-site",
                                "cycle": str(number), "status": "completed", "refusal_reason": "", "finalised_on": f"{year}-03-20",
                                "cycle_ends_on": ""})
            latest = number == count
            for n in range(1, 11):
                answers.append({"assessment_id": aid, "question_id": f"Q-{n:02}", "answer": "yes" if latest and n > 10 - failing else "no"})
            answers.append({"assessment_id": aid, "question_id": "Q-11", "answer": union if latest else "not-applicable"})
    files = {f"{table}.csv": csv_text(table, rows) for table, rows in
             [("factories", factories), ("assessments", assessments), ("answers", answers)]}
    files["project/rules/catalogue.disclose"] = TIER_CATALOGUE
    files["project/countries/XT.disclose"] = TIER_COUNTRY
    files["project/countries/XT-decisions.disclose"] = TIER_DECISIONS
    return files


# Exactly two standard deviations: four factories at 90%, one at 70% (mean 86%, deviation 8%):
# the fifth is not named, since a factory is named only *more than* two deviations below.
# XT-4's union met the strike requirements; the others had no strike (not applicable).
case("tier-boundary-exactly-two-deviations", "2024-06-30", tier_data([
    ("XT-1", "Boundary One Garments", 3, 1, "not-applicable"), ("XT-2", "Boundary Two Garments", 3, 1, "not-applicable"),
    ("XT-3", "Boundary Three Garments", 3, 1, "not-applicable"), ("XT-4", "Boundary Four Garments", 3, 1, "yes"),
    ("XT-5", "Boundary Five Garments", 3, 3, "not-applicable")]))

# The same with a sixth factory at 90%: the one at 70% is now 2.24 deviations below the mean
# (86.67%, deviation 7.45%), and named.
case("tier-beyond-two-deviations", "2024-06-30", tier_data([
    ("XT-1", "Beyond One Garments", 3, 1, "not-applicable"), ("XT-2", "Beyond Two Garments", 3, 1, "not-applicable"),
    ("XT-3", "Beyond Three Garments", 3, 1, "not-applicable"), ("XT-4", "Beyond Four Garments", 3, 1, "not-applicable"),
    ("XT-5", "Beyond Five Garments", 3, 3, "not-applicable"), ("XT-6", "Beyond Six Garments", 3, 1, "not-applicable")]))

# Fewer than three assessments: XT-4 fails every requirement but has two assessments, so it is
# listed (with XT-ONE) but not measured, and not named. XT-2's union broke the strike rules: it is
# named in the union tier, and XT-2 itself stays compliant (green): the union's conduct is not
# counted against it.
case("tier-fewer-than-three-assessments", "2024-06-30", tier_data([
    ("XT-1", "Few One Garments", 3, 1, "not-applicable"), ("XT-2", "Few Two Garments", 3, 0, "no"),
    ("XT-3", "Few Three Garments", 3, 1, "not-applicable"), ("XT-4", "Few Four Garments", 2, 10, "not-applicable")]))

# Every factory equal: four at 80%, deviation 0: nobody is named, and nothing is divided by 0.
case("tier-all-equal", "2024-06-30", tier_data([
    ("XT-1", "Equal One Garments", 3, 2, "not-applicable"), ("XT-2", "Equal Two Garments", 3, 2, "not-applicable"),
    ("XT-3", "Equal Three Garments", 3, 2, "not-applicable"), ("XT-4", "Equal Four Garments", 3, 2, "not-applicable")]))

# ----------------------------------------------------------------------------------------
# Factory attributes: a miniature project (`project/`, written here too) with two adopted
# countries. XA's overtime cap differs by sector (200 hours a year, 300 in garment and textile
# factories); XB covers only export-licensed factories (its scope), and escalates child labour.

ATTR_COLUMNS = COLUMNS["factories"] + ["sector", "province", "export_licence"]
# (Cambodia's scope reads `export_licence`; it rests on a proposed decision, so only the preview
# applies it, and the calendar case above gives the column so that its preview is about the calendar.)

ATTR_CATALOGUE = """# A miniature catalogue for the factory attribute cases.

attribute sector
  values "garment", "textile", "footwear"

attribute export_licence
  values "yes", "no"

parameter annual-overtime-cap
  value 624 hours

cluster TST
  title en "Test cluster"

point TST-ONE in TST
  title en "Test point"

question Q-HOURS in TST-ONE
  text en "What is the highest number of overtime hours any worker worked in the last twelve months?"
  answer number in hours
  non-compliant when above annual-overtime-cap

question Q-CHILD in TST-ONE
  text en "Are there workers under the minimum working age?"
  answer yes-no
  non-compliant when yes
"""

ATTR_XA = """# A country whose annual overtime cap differs by sector, for the attribute golden cases.

country XA
  title en "Sector Land"
  languages en
  status decided
  decided by XA-PAC-2020-01

include "../rules/catalogue.disclose"
include "XA-decisions.disclose"

change parameter annual-overtime-cap
  value 200 hours
  value 300 hours for sector "garment", "textile"
  reason "300 hours in garments and textiles, 200 in other sectors"
  decided by XA-PAC-2020-01
  from 2020-01-01

issue XA-OVERTIME
  title en "Overtime above the annual cap"
  category wages
  raised when Q-HOURS is non-compliant
  decided by XA-PAC-2020-01
  from 2020-01-01
"""

ATTR_XA_DECISIONS = """# The register of XA.

decision XA-PAC-2020-01
  title en "Launch of public reporting, with the overtime cap by sector"
  status adopted
  on 2020-01-01
  publishes XA-OVERTIME
  covers annual-overtime-cap
"""

ATTR_XB = """# A country whose portal covers export-licensed factories only, for the scope golden case.

country XB
  title en "Scope Land"
  languages en
  status decided
  decided by XB-PAC-2020-01

include "../rules/catalogue.disclose"
include "XB-decisions.disclose"

scope XB-EXPORTERS
  covers when factory export_licence is yes
  reason "The portal covers export-licensed factories"
  decided by XB-PAC-2020-01

issue XB-CHILD
  title en "Workers under the minimum working age"
  category child-labour
  raised when Q-CHILD is non-compliant
  decided by XB-PAC-2020-01
  from 2020-01-01

zero-tolerance ZT-XB-CHILD
  title en "Child labour"
  questions Q-CHILD
  step notify-ministry by better-work immediately
  decided by XB-PAC-2020-01
  from 2020-01-01
"""

ATTR_XB_DECISIONS = """# The register of XB.

decision XB-PAC-2020-01
  title en "Launch of public reporting for export-licensed factories"
  status adopted
  on 2020-01-01
  publishes XB-CHILD
  covers XB-EXPORTERS, ZT-XB-CHILD
"""


def attribute_data(rows):
    """rows: (factory id, name, country, sector, export licence, latest answers {question: answer});
    two assessments each (2023 and 2024), the first compliant."""
    factories, assessments, answers = [], [], []
    for fid, name, country, sector, licence, latest in rows:
        factories.append({"factory_id": fid, "name": name, "type": "garment", "country": country, "left_on": "",
                          "sector": sector, "province": "", "export_licence": licence})
        for number, year in [(1, 2023), (2, 2024)]:
            aid = f"{fid}-A{number}"
            assessments.append({"assessment_id": aid, "factory_id": fid, "assessed_on": f"{year}-02-12", "method": "on-site",
                                "cycle": str(number), "status": "completed", "refusal_reason": "", "finalised_on": f"{year}-03-20",
                                "cycle_ends_on": ""})
            given = latest if number == 2 else {}
            answers.append({"assessment_id": aid, "question_id": "Q-HOURS", "answer": given.get("Q-HOURS", "150")})
            answers.append({"assessment_id": aid, "question_id": "Q-CHILD", "answer": given.get("Q-CHILD", "no")})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ATTR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(factories)
    files = {"factories.csv": out.getvalue(), "assessments.csv": csv_text("assessments", assessments),
             "answers.csv": csv_text("answers", answers)}
    files["project/rules/catalogue.disclose"] = ATTR_CATALOGUE
    files["project/countries/XA.disclose"] = ATTR_XA
    files["project/countries/XA-decisions.disclose"] = ATTR_XA_DECISIONS
    files["project/countries/XB.disclose"] = ATTR_XB
    files["project/countries/XB-decisions.disclose"] = ATTR_XB_DECISIONS
    return files


# The same answer judged on both sides of the cap by sector: 250 hours is within a garment
# factory's 300 (green) and above a footwear factory's 200 (XA-OVERTIME); exactly 300 in a
# garment factory is not above its cap (green); 310 in a textile factory is (XA-OVERTIME); 190 in
# a footwear factory is within 200 (green).
case("attribute-value-by-sector-both-sides", "2024-06-30", attribute_data([
    ("XA-1", "Both Sides Garment 250", "XA", "garment", "yes", {"Q-HOURS": "250"}),
    ("XA-2", "Both Sides Footwear 250", "XA", "footwear", "yes", {"Q-HOURS": "250"}),
    ("XA-3", "Both Sides Garment 300", "XA", "garment", "yes", {"Q-HOURS": "300"}),
    ("XA-4", "Both Sides Textile 310", "XA", "textile", "yes", {"Q-HOURS": "310"}),
    ("XA-5", "Both Sides Footwear 190", "XA", "footwear", "yes", {"Q-HOURS": "190"})]))

# A factory without a sector, and one whose sector is not a declared value (W714, with its
# line and column), cannot be judged against the cap: 150 hours is within every sector's cap,
# yet both are withheld as incomplete data, never shown green. A footwear factory beside them
# with the same answer is shown green.
case("attribute-missing-incomplete", "2024-06-30", attribute_data([
    ("XA-11", "No Sector Given", "XA", "", "yes", {"Q-HOURS": "150"}),
    ("XA-12", "Undeclared Sector Knitwear", "XA", "knitwear", "yes", {"Q-HOURS": "150"}),
    ("XA-13", "Declared Sector Footwear", "XA", "footwear", "yes", {"Q-HOURS": "150"})]))

# XB covers export-licensed factories only. XB-2 has no export licence: its child labour is
# escalated to the Ministry as usual, but it is withheld publicly as out-of-scope; XB-3 gives
# no export licence at all, so whether it is covered cannot be told: incomplete data.
case("out-of-scope-factory", "2024-06-30", attribute_data([
    ("XB-1", "Licensed Exporter", "XB", "garment", "yes", {}),
    ("XB-2", "Unlicensed Subcontractor", "XB", "garment", "no", {"Q-CHILD": "yes"}),
    ("XB-3", "Licence Not Recorded", "XB", "garment", "", {})]))

# ----------------------------------------------------------------------------------------
# Bad data: nothing is published (except bom-crlf-reads-fine, which must read).

GREEN = Data(
    [factory("KH-104", "Siem Reap Footwear", type="footwear"), factory("KH-140", "Kampong Chhnang Apparel")],
    [assessed("KH-104-A1", "KH-104", "2023-01-10", 1, "2023-02-20"),
     assessed("KH-104-A2", "KH-104", "2024-01-15", 2, "2024-02-28")])


def green(**replace):
    files = texts(GREEN)
    files.update(replace)
    return files


FACTORIES = texts(GREEN)["factories.csv"]
ASSESSMENTS = texts(GREEN)["assessments.csv"]
ANSWERS = texts(GREEN)["answers.csv"]


def crlf_bom(text):
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


case("bom-crlf-reads-fine", "2024-06-01",
     {name: crlf_bom(text) for name, text in texts(Data(
         GREEN.factories + [factory("KH-141", "Line\nBreak Garments")], [
             assessed("KH-104-A1", "KH-104", "2023-01-10", 1, "2023-02-20"),
             assessed("KH-104-A2", "KH-104", "2024-01-15", 2, "2024-02-28")])).items()})

# The same with an error after the quoted line break: line numbers count it, columns skip the BOM.
case("bad-bom-crlf-line-numbers", "2024-06-01",
     {name: crlf_bom(text) for name, text in texts(Data(
         GREEN.factories + [factory("KH-141", "Line\nBreak Garments"), factory("KH-142", "Kep Garments", left_on="31/12/2024")], [
             assessed("KH-104-A1", "KH-104", "2023-01-10", 1, "2023-02-20"),
             assessed("KH-104-A2", "KH-104", "2024-01-15", 2, "2024-02-28")])).items()}, fails=True)

case("bad-unknown-country", "2024-06-01", green(**{"factories.csv": FACTORIES.replace(
    "KH-140,Kampong Chhnang Apparel,garment,KH,", "KH-140,Kampong Chhnang Apparel,garment,KM,")}), fails=True)

case("bad-completed-without-method", "2024-06-01", green(**{"assessments.csv": ASSESSMENTS.replace(
    "KH-104-A2,KH-104,2024-01-15,on-site,", "KH-104-A2,KH-104,2024-01-15,,")}), fails=True)

case("bad-ragged-row", "2024-06-01", green(**{"factories.csv": FACTORIES.replace(
    "KH-140,Kampong Chhnang Apparel,", "KH-140,Kampong Chhnang Apparel, Ltd.,")}), fails=True)

case("bad-unclosed-quote", "2024-06-01", green(**{"factories.csv": FACTORIES.replace(
    "KH-140,Kampong Chhnang Apparel,", 'KH-140,"Kampong Chhnang Apparel,')}), fails=True)

case("bad-stray-quote", "2024-06-01", green(**{"factories.csv": FACTORIES.replace(
    "KH-140,Kampong Chhnang Apparel,", 'KH-140,Kampong Chhnang 5" Apparel,')}), fails=True)

case("bad-unknown-column", "2024-06-01", green(**{"factories.csv": FACTORIES.replace(
    "factory_id,name,type,country,left_on", "factory_id,name,type,countyr,left_on")}), fails=True)

case("bad-missing-required-column", "2024-06-01", green(**{"assessments.csv": "".join(
    ",".join(line.split(",")[:5] + line.split(",")[6:]) + "\n" for line in ASSESSMENTS.splitlines())}), fails=True)

case("bad-semicolon-separated", "2024-06-01", green(**{"factories.csv": FACTORIES.replace(",", ";")}), fails=True)

case("bad-unknown-question", "2024-06-01", green(**{"answers.csv": ANSWERS.replace(",CHL-LAB-01,", ",CHL-LAB-1,")}), fails=True)

case("bad-duplicate-answer", "2024-06-01", green(**{"answers.csv": ANSWERS.replace(
    "KH-104-A2,OSH-PRO-01,yes\n", "KH-104-A2,OSH-PRO-01,yes\nKH-104-A2,OSH-PRO-01,no\n")}), fails=True)

case("bad-unknown-assessment-in-answers", "2024-06-01", green(**{"answers.csv": ANSWERS
    + "KH-104-A3,OSH-PRO-01,yes\nKH-104-A3,OSH-WEL-01,yes\nKH-014-A2,OSH-PRO-01,yes\n"}), fails=True)

# An unknown assessment id that is also an unknown question id (`CHL-LAB-1`), and one that
# appears inside another message (`KH`, the country): each count goes to its own message only.
case("bad-unknown-ids-alike", "2024-06-01", green(**{"answers.csv": ANSWERS.replace(",CHL-LAB-01,", ",CHL-LAB-1,")
    + "KH,OSH-PRO-01,yes\nKH,OSH-WEL-01,yes\nCHL-LAB-1,OSH-PRO-01,yes\n"}), fails=True)

case("bad-invalid-dates", "2024-06-01", green(**{"assessments.csv": ASSESSMENTS.replace(
    "KH-104-A1,KH-104,2023-01-10", "KH-104-A1,KH-104,2024-02-30").replace("2024-02-28,", "30/02/2024,")}), fails=True)

case("bad-non-utf8", "2024-06-01", green(**{"factories.csv": FACTORIES.encode("utf-8").replace(
    b"Kampong Chhnang Apparel", b"Kampong Chhnang Confection R\xe9unie")}), fails=True)

case("bad-unknown-factory-in-assessments", "2024-06-01", green(**{"assessments.csv": ASSESSMENTS.replace(
    "KH-104-A2,KH-104,", "KH-104-A2,KH-014,")}), fails=True)

case("bad-duplicate-factory-id", "2024-06-01", green(**{"factories.csv": FACTORIES
    + "KH-104,Siem Reap Footwear Annex,footwear,KH,\n"}), fails=True)

BAD_JSONL = texts(GREEN, "jsonl")
case("bad-malformed-json-line", "2024-06-01", dict(BAD_JSONL, **{"assessments.jsonl": BAD_JSONL["assessments.jsonl"].replace(
    '"cycle": 2,', '"cycle": 2,,', 1)}), fails=True)

case("bad-refusal-reason-misspelt", "2024-06-01", green(**{"assessments.csv": ASSESSMENTS
    + "KH-104-V1,KH-104,2024-04-08,,3,refused,force majeur,,\n"}), fails=True)

case("bad-answer-to-refused-visit", "2024-06-01", green(**{
    "assessments.csv": ASSESSMENTS + "KH-104-V1,KH-104,2024-04-08,,3,refused,none,,\n",
    "answers.csv": ANSWERS + "KH-104-V1,OSH-PRO-01,yes\n"}), fails=True)

# A cycle that ends before its assessment; a factory that left before its first visit (beside
# one that left after it, which is fine).
case("bad-cycle-end-before-assessment", "2024-06-01", green(**{"assessments.csv": ASSESSMENTS.replace(
    "KH-104-A2,KH-104,2024-01-15,on-site,2,completed,,2024-02-28,", "KH-104-A2,KH-104,2024-01-15,on-site,2,completed,,2024-02-28,2023-12-31")}),
     fails=True)

case("bad-left-before-first-assessment", "2024-06-01", texts(Data(
    [factory("KH-144", "Takeo Weaving", left_on="2022-12-31"), factory("KH-145", "Kampot Sewing", left_on="2024-04-30")],
    [assessed("KH-144-A1", "KH-144", "2023-01-10", 1, "2023-02-20"),
     refused("KH-144-V1", "KH-144", "2023-06-05", 2),
     assessed("KH-145-A1", "KH-145", "2023-01-11", 1, "2023-02-21"),
     assessed("KH-145-A2", "KH-145", "2024-01-16", 2, "2024-02-27")])), fails=True)

case("bad-table-missing-and-doubled", "2024-06-01", {
    "factories.csv": FACTORIES, "factories.jsonl": texts(GREEN, "jsonl")["factories.jsonl"], "assessments.csv": ASSESSMENTS}, fails=True)


if __name__ == "__main__":
    names = sys.argv[1:] or sorted(CASES)
    for name in names:
        write(name)
        print("wrote", name)
