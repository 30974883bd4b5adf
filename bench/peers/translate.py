#!/usr/bin/env python3
"""Translates one country's resolved rules (`disclose show CC --format json`) for the peers.

    translate.py RULES_JSON OUT_PREFIX     writes OUT_PREFIX.rego, OUT_PREFIX.jdm.json, OUT_PREFIX.c.txt

The three translations are independent of the Swift evaluator: they are written from the
exported rule tree and docs/formats.md alone, so that the differential check in compare.py
tests our evaluator against engines that share none of its code.

Meaning of a question's status, as the rule language defines it (grammar.md):
  non-compliant   answered, and the answer meets the question's `nonCompliantWhen`
  compliant       answered with a usable answer that does not meet it
  not-applicable  answered `not-applicable`, where the question allows it
(a missing answer has none of the three). Answer tests (`X is yes`, `X is "in kind"`) and
comparisons (`X is above 60 hours`) look at the answer itself; not-applicable and missing
answers fail them. A question not in force on the day fails every test. `all of` an empty
list is false.

The peers' input (convert.py) holds each answer under the question id with `_` for `-`
(`CHL_LAB_01`: ZEN field paths would read a dash as minus), as: yes/no as "yes" / "no";
numbers as JSON numbers; dates as YYYYMMDD integers; choices lowercased; not-applicable as
"not-applicable".

Adapted from the reference harness's pyengines.py (rego_policy, zen_jdm), which maps a flat
any/and rule set; this version maps the full condition tree.
"""
import datetime
import json
import sys

NA = "not-applicable"


def date_number(text):
    day = datetime.date.fromisoformat(text)
    return day.year * 10000 + day.month * 100 + day.day


class Rules:
    """The exported rules, with every operand resolved to a number."""

    def __init__(self, export):
        self.export = export
        self.questions = {q["id"]: q for q in export["questions"]}
        self.parameters = export["parameters"]
        self.issues = export["issues"]

    def operand(self, value):
        """A comparison operand as a number, or None when it has no value in force."""
        if "number" in value:
            return float(value["number"])
        if "date" in value:
            return float(date_number(value["date"]))
        parameter = self.parameters.get(value["parameter"])
        if isinstance(parameter, dict) and "value" in parameter:
            return float(parameter["value"])
        if isinstance(parameter, str):
            try:
                return float(date_number(parameter))
            except ValueError:
                return None
        return None

    def violation(self, qid):
        """('yes'|'no', None) or ('compare', (op, threshold)) or ('choices', set) or ('unresolved', None)."""
        rule = self.questions[qid]["nonCompliantWhen"]
        if "answer" in rule:
            return rule["answer"], None
        if "choices" in rule:
            return "choices", {c.lower() for c in rule["choices"]}
        threshold = self.operand(rule["with"])
        return ("unresolved", None) if threshold is None else ("compare", (rule["compare"], threshold))

    def allows_na(self, qid):
        return self.questions[qid]["notApplicableAllowed"]


# ---------------------------------------------------------------------------------------
# Conditions as trees of literals. A literal is a test on one question's answer:
#   ('status', q, s)   s in non-compliant / compliant / not-applicable
#   ('answer', q, v)   the answer is v (yes, no, or a lowercased choice)
#   ('compare', q, op, threshold)
#   ('never',)
# Inner nodes: ('and', [..]), ('or', [..]), ('not', x).

def tree(rules, expression):
    e = expression
    if "and" in e:
        return ("and", [tree(rules, x) for x in e["and"]])
    if "or" in e:
        return ("or", [tree(rules, x) for x in e["or"]])
    if "not" in e:
        return ("not", tree(rules, e["not"]))
    if "any" in e or "all" in e:
        quantifier = "any" if "any" in e else "all"
        members = [("status", q, e["is"]) for q in e[quantifier] if q in rules.questions]
        if not members:
            return ("never",)
        return ("or" if quantifier == "any" else "and", members)
    q = e["question"]
    if q not in rules.questions:
        return ("never",)
    if "is" in e:
        return ("status", q, e["is"])
    if "answer" in e:
        return ("answer", q, e["answer"].lower())
    threshold = rules.operand(e["with"])
    return ("never",) if threshold is None else ("compare", q, e["compare"], threshold)


# Comparison words as the export writes them (Comparison's raw values in SyntaxTree.swift).
OPS = {"above": ">", "after": ">", "below": "<", "before": "<", "at least": ">=", "at most": "<="}
NEGATED = {">": "<=", "<": ">=", ">=": "<", "<=": ">"}


def op_symbol(name):
    return OPS[name]


def number_text(value):
    return repr(int(value)) if float(value).is_integer() else repr(float(value))


# ---------------------------------------------------------------------------------------
# Rego v1 (regorus): a rule per node of each issue's tree.

def rego_policy(rules):
    lines = ["package disclose", "", "import rego.v1", ""]
    counter = [0]

    def answer(q):
        return f"input.answers.{field_name(q)}"

    def literal_bodies(lit):
        """Bodies (lists of expressions) whose disjunction is the literal; [] means false."""
        kind = lit[0]
        if kind == "never":
            return []
        q = lit[1]
        a = answer(q)
        if kind == "answer":
            return [[f"{a} == {json.dumps(lit[2])}"]]
        if kind == "compare":
            return [[f"x := {a}", "is_number(x)", f"x {op_symbol(lit[2])} {number_text(lit[3])}"]]
        status = lit[2]
        if status == "not-applicable":
            return [[f'{a} == "{NA}"']] if rules.allows_na(q) else []
        what, detail = rules.violation(q)
        if what == "unresolved":
            return []
        nc = status == "non-compliant"
        if what in ("yes", "no"):
            value = what if nc else ("no" if what == "yes" else "yes")
            return [[f'{a} == "{value}"']]
        if what == "compare":
            op, threshold = detail
            symbol = op_symbol(op) if nc else NEGATED[op_symbol(op)]
            return [[f"x := {a}", "is_number(x)", f"x {symbol} {number_text(threshold)}"]]
        choices = "{" + ", ".join(json.dumps(c) for c in sorted(detail)) + "}"
        if nc:
            return [[f"x := {a}", "is_string(x)", f"x in {choices}"]]
        return [[f"x := {a}", "is_string(x)", f'x != "{NA}"', f"not x in {choices}"]]

    def node(t):
        """Emits the rules of a node; returns its rule name (undefined = false)."""
        counter[0] += 1
        name = f"k{counter[0]}"
        kind = t[0]
        if kind == "and":
            parts = [node(x) for x in t[1]]
            lines.append(f"{name} if {{ {'; '.join(parts)} }}")
        elif kind == "or":
            for part in [node(x) for x in t[1]]:
                lines.append(f"{name} if {part}")
        elif kind == "not":
            inner = node(t[1])
            lines.append(f"{name} if not {inner}")
        else:
            bodies = literal_bodies(t)
            for body in bodies:
                lines.append(f"{name} if {{ {'; '.join(body)} }}")
            if not bodies:
                # Never true, but defined: Rego refuses a reference to a rule that has none.
                lines.append(f"{name} if false")
        return name

    for issue in rules.issues:
        root = node(tree(rules, issue["expression"]))
        lines.append(f'issues contains {json.dumps(issue["id"])} if {root}')
    if not rules.issues:
        # A period before any public issue: the rule must still exist to be asked for.
        lines.append("issues := set()")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# ZEN (GoRules JDM): one decision table, hit policy "collect", a column per question used,
# a row per conjunct of each issue's condition in disjunctive normal form.

def negation_normal(t, negate=False):
    kind = t[0]
    if kind == "not":
        return negation_normal(t[1], not negate)
    if kind in ("and", "or"):
        flipped = {"and": "or", "or": "and"}[kind] if negate else kind
        return (flipped, [negation_normal(x, negate) for x in t[1]])
    return ("lit", t, negate)


def dnf(t):
    """A list of conjuncts, each a list of (literal, negated)."""
    if t[0] == "lit":
        return [[(t[1], t[2])]]
    if t[0] == "or":
        return [c for x in t[1] for c in dnf(x)]
    result = [[]]
    for x in t[1]:
        result = [a + b for a in result for b in dnf(x)]
        if len(result) > 20000:
            raise SystemExit("condition too large for a decision table")
    return result


def zen_test(rules, lit, negated):
    """A unary test on the column value `$`, or 'true' / 'false'.

    ZEN's unary parser rejects parentheses around `and` / `or` ("Incomplete parser output")
    and a test that starts with a parenthesis, so each negation is written out by De Morgan
    rather than as `not (...)`; and comparing a string with a number is an error in ZEN, not
    false, hence the type checks before comparisons."""
    kind = lit[0]
    if kind == "never":
        return "true" if negated else "false"
    q = lit[1]

    def equals(value):
        return f"$ != {json.dumps(value)}" if negated else f"$ == {json.dumps(value)}"

    def compare(symbol, threshold):
        if negated:
            return f'type($) != "number" or $ {NEGATED[symbol]} {number_text(threshold)}'
        return f'type($) == "number" and $ {symbol} {number_text(threshold)}'

    if kind == "answer":
        return equals(lit[2])
    if kind == "compare":
        return compare(op_symbol(lit[2]), lit[3])
    status = lit[2]
    what, detail = rules.violation(q)
    if status == "not-applicable":
        return equals(NA) if rules.allows_na(q) else ("true" if negated else "false")
    if what == "unresolved":
        return "true" if negated else "false"
    if what in ("yes", "no"):
        return equals(what if status == "non-compliant" else ("no" if what == "yes" else "yes"))
    if what == "compare":
        op, threshold = detail
        return compare(op_symbol(op) if status == "non-compliant" else NEGATED[op_symbol(op)], threshold)
    choices = "[" + ", ".join(json.dumps(c) for c in sorted(detail)) + "]"
    if status == "non-compliant":
        return f'type($) != "string" or not ($ in {choices})' if negated else f'type($) == "string" and $ in {choices}'
    if negated:
        return f'type($) != "string" or $ == "{NA}" or $ in {choices}'
    return f'type($) == "string" and $ != "{NA}" and not ($ in {choices})'


def zen_jdm(rules):
    # Each literal of a conjunct gets a column of its own: the k-th test on one question in a
    # row goes to that question's k-th column (tests are not combined in one cell, see above).
    rows = []
    columns = []
    for issue in rules.issues:
        for conjunct in dnf(negation_normal(tree(rules, issue["expression"]))):
            cells = {}
            impossible = False
            for lit, negated in conjunct:
                test = zen_test(rules, lit, negated)
                if test == "true":
                    continue
                if test == "false":
                    impossible = True
                    break
                field = f"answers.{field_name(lit[1])}"
                k = 0
                while (field, k) in cells:
                    k += 1
                cells[(field, k)] = test
                if (field, k) not in columns:
                    columns.append((field, k))
            if not impossible:
                rows.append((issue["id"], cells))
    ids = {column: f"c{i}" for i, column in enumerate(columns)}
    table_rows = []
    for number, (iid, cells) in enumerate(rows):
        row = {"_id": f"r{number}"}
        for column in columns:
            row[ids[column]] = cells.get(column, "")
        row["out"] = json.dumps(iid)
        table_rows.append(row)
    return {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
            {"id": "dt", "type": "decisionTableNode", "name": "Issues", "position": {"x": 200, "y": 0},
             "content": {"hitPolicy": "collect",
                         "inputs": [{"id": ids[c], "name": f"{c[0]} #{c[1]}", "type": "expression", "field": c[0]} for c in columns],
                         "outputs": [{"id": "out", "name": "issue", "type": "expression", "field": "issue"}],
                         "rules": table_rows}},
            {"id": "out", "type": "outputNode", "name": "Response", "position": {"x": 400, "y": 0}},
        ],
        "edges": [{"id": "e1", "type": "edge", "sourceId": "in", "targetId": "dt"},
                  {"id": "e2", "type": "edge", "sourceId": "dt", "targetId": "out"}],
    }


def field_name(qid):
    """Question ids hold dashes, which ZEN's field paths would read as minus: `CHL-LAB-01` -> `CHL_LAB_01`."""
    return qid.replace("-", "_")


# ---------------------------------------------------------------------------------------
# The C lower bound's rule file: the questions the rules need, then each issue as a
# postfix program (lower_bound.c explains the format).

def c_rules(rules):
    needed = []
    programs = []

    def slot(q):
        if q not in needed:
            needed.append(q)
        return needed.index(q)

    def emit(t, out):
        kind = t[0]
        if kind in ("and", "or"):
            for x in t[1]:
                emit(x, out)
            out.append(f"{kind.upper()} {len(t[1])}")
        elif kind == "not":
            emit(t[1], out)
            out.append("NOT")
        elif kind == "never":
            out.append("NEVER")
        elif kind == "status":
            out.append(f"IS {slot(t[1])} {'NC' if t[2] == 'non-compliant' else 'C' if t[2] == 'compliant' else 'NA'}")
        elif kind == "answer":
            q = rules.questions[t[1]]
            if q["answer"]["kind"] == "choice":
                options = [o.lower() for o in q["answer"]["options"]]
                value = options.index(t[2]) if t[2] in options else -9
            else:
                value = {"yes": 1, "no": 0}.get(t[2], -9)
            out.append(f"ANSWER {slot(t[1])} {value}")
        else:
            out.append(f"CMP {slot(t[1])} {op_symbol(t[2])} {number_text(t[3])}")

    for issue in rules.issues:
        out = []
        emit(tree(rules, issue["expression"]), out)
        programs.append(f"I {issue['id']} {len(out)} " + " ".join(out))
    lines = [f"Q {len(needed)}"]
    for q in needed:
        kind = rules.questions[q]["answer"]["kind"]
        na = 1 if rules.allows_na(q) else 0
        what, detail = rules.violation(q)
        if kind == "choice":
            options = [o.lower().replace(" ", "\x1f") for o in rules.questions[q]["answer"]["options"]]
            head = f"{q} CHOICE {na} {len(options)} " + " ".join(options)
        else:
            head = f"{q} {'YESNO' if kind == 'yes-no' else 'NUMBER' if kind == 'number' else 'DATE'} {na}"
        if what in ("yes", "no"):
            tail = f"V{what.upper()}"
        elif what == "compare":
            tail = f"VCMP {op_symbol(detail[0])} {number_text(detail[1])}"
        elif what == "choices":
            options = [o.lower() for o in rules.questions[q]["answer"]["options"]]
            indices = [str(options.index(c)) for c in sorted(detail) if c in options]
            tail = f"VCHOICES {len(indices)} " + " ".join(indices)
        else:
            tail = "VUNRESOLVED"
        lines.append(f"{head} {tail}")
    lines.append(f"I {len(programs)}")
    return "\n".join(lines + programs) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rules = Rules(json.load(open(sys.argv[1])))
    prefix = sys.argv[2]
    with open(prefix + ".rego", "w") as f:
        f.write(rego_policy(rules))
    with open(prefix + ".jdm.json", "w") as f:
        json.dump(zen_jdm(rules), f, indent=1)
    with open(prefix + ".c.txt", "w") as f:
        f.write(c_rules(rules))


if __name__ == "__main__":
    main()
