#!/usr/bin/env python3
"""Validates the VS Code extension folder (editors/vscode): its manifest against
.ci/vscode-extension.schema.json, and that every file it names exists and is well formed:
the language configuration, and the grammar (whose scope name must match the manifest's,
and whose keyword patterns must name every keyword of the language, as grammar.md lists them).

    python3 .ci/validate_vscode_extension.py editors/vscode
"""
import json
import os
import re
import sys

import jsonschema

folder = sys.argv[1] if len(sys.argv) > 1 else "editors/vscode"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
problems = []

with open(os.path.join(root, ".ci", "vscode-extension.schema.json"), encoding="utf-8") as handle:
    schema = json.load(handle)
with open(os.path.join(folder, "package.json"), encoding="utf-8") as handle:
    manifest = json.load(handle)
for error in jsonschema.Draft202012Validator(schema).iter_errors(manifest):
    problems.append("package.json: %s at %s" % (error.message[:300], "/".join(map(str, error.path)) or "top level"))

languages = {language["id"] for language in manifest.get("contributes", {}).get("languages", [])}
for language in manifest.get("contributes", {}).get("languages", []):
    if "configuration" in language:
        try:
            with open(os.path.join(folder, language["configuration"]), encoding="utf-8") as handle:
                configuration = json.load(handle)
            if configuration.get("comments", {}).get("lineComment") != "#":
                problems.append("%s: the line comment of rule files is `#`" % language["configuration"])
        except (OSError, ValueError) as error:
            problems.append("%s: %s" % (language["configuration"], error))

keywords = set()
with open(os.path.join(root, "grammar.md"), encoding="utf-8") as handle:
    text = handle.read()
for heading in ("Declaration keywords:", "Clause keywords:", "Other keywords:"):
    section = text.split(heading, 1)[1].split("\n\n", 1)[0]
    keywords.update(re.findall(r"`([a-z-]+)`", section))

for grammar in manifest.get("contributes", {}).get("grammars", []):
    if grammar.get("language") not in languages:
        problems.append("grammar for unknown language `%s`" % grammar.get("language"))
    try:
        with open(os.path.join(folder, grammar["path"]), encoding="utf-8") as handle:
            tm = json.load(handle)
    except (OSError, ValueError, KeyError) as error:
        problems.append("%s: %s" % (grammar.get("path"), error))
        continue
    if tm.get("scopeName") != grammar.get("scopeName"):
        problems.append("%s: scopeName `%s`, the manifest says `%s`" % (grammar["path"], tm.get("scopeName"), grammar.get("scopeName")))
    patterns = json.dumps(tm["repository"])
    for keyword in sorted(keywords):
        spelled = keyword.replace("-", "\\\\-")
        if not re.search(r"[(|:]" + re.escape(spelled) + r"[|)]", patterns):
            problems.append("%s: keyword `%s` is not highlighted" % (grammar["path"], keyword))
    # Every pattern must compile (Python's `re` reads the subset the grammar uses).
    def walk(node):
        if isinstance(node, dict):
            for key in ("match", "begin", "end"):
                if key in node:
                    try:
                        re.compile(node[key])
                    except re.error as error:
                        problems.append("%s: pattern %r: %s" % (grammar["path"], node[key][:60], error))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(tm)

# The same grammar in the plist form Sublime Text reads, kept in step.
import plistlib
sublime = os.path.join(root, "editors", "sublime", "disclose.tmLanguage")
with open(os.path.join(folder, "syntaxes", "disclose.tmLanguage.json"), encoding="utf-8") as handle:
    expected = json.load(handle)
expected.pop("$schema", None)
with open(sublime, "rb") as handle:
    if plistlib.load(handle) != expected:
        problems.append("editors/sublime/disclose.tmLanguage differs from the VS Code grammar: regenerate it (see docs/editors.md)")

if len(keywords) < 60:
    problems.append("grammar.md: found only %d keywords; has its keyword list moved?" % len(keywords))
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("%s: manifest valid; grammar covers %d keywords" % (folder, len(keywords)))
