#!/usr/bin/env python3
"""Evaluates one Cambodian assessment with the disclose shared library, from Python's standard
library only (ctypes): the rule files are read into memory and passed as JSON, one assessment of
the shipped sample is evaluated, and the raised issues are printed with their reasons. Writes no
file.

Build the library, then run from the project folder:
    swift build --product DiscloseC
    python3 examples/python-ctypes/evaluate.py .build/debug
"""
import csv
import ctypes
import json
import pathlib
import sys

PROJECT = pathlib.Path(__file__).resolve().parents[2]


class Disclose:
    """The C functions of include/disclose.h, with JSON in and out."""

    def __init__(self, build_folder):
        names = ["libDiscloseC.so", "libDiscloseC.dylib"]
        path = next((build_folder / name for name in names if (build_folder / name).exists()), None)
        if path is None:
            sys.exit(f"no libDiscloseC in {build_folder}: run `swift build --product DiscloseC` first")
        self.lib = ctypes.CDLL(str(path))
        # Returned strings are declared as void pointers, not c_char_p: ctypes would copy a
        # c_char_p into a Python string and lose the pointer that disclose_free needs.
        for name in ["disclose_version", "disclose_check_rules", "disclose_evaluate", "disclose_publish"]:
            getattr(self.lib, name).restype = ctypes.c_void_p
        self.lib.disclose_check_rules.argtypes = [ctypes.c_char_p]
        self.lib.disclose_publish.argtypes = [ctypes.c_char_p]
        self.lib.disclose_prepare.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
        self.lib.disclose_prepare.restype = ctypes.c_uint64
        self.lib.disclose_evaluate.argtypes = [ctypes.c_uint64, ctypes.c_char_p]
        self.lib.disclose_release.argtypes = [ctypes.c_uint64]
        self.lib.disclose_release.restype = ctypes.c_int32
        self.lib.disclose_free.argtypes = [ctypes.c_void_p]

    def _take(self, pointer):
        """The JSON a function returned, decoded; the string freed."""
        try:
            return json.loads(ctypes.string_at(pointer).decode("utf-8"))
        finally:
            self.lib.disclose_free(pointer)

    def version(self):
        return self._take(self.lib.disclose_version())

    def check_rules(self, request):
        return self._take(self.lib.disclose_check_rules(json.dumps(request).encode("utf-8")))

    def prepare(self, request):
        """A handle to prepared rules, or raises with the error value."""
        error = ctypes.c_void_p()
        handle = self.lib.disclose_prepare(json.dumps(request).encode("utf-8"), ctypes.byref(error))
        if handle == 0:
            raise RuntimeError(self._take(error))
        return handle

    def evaluate(self, handle, assessment):
        return self._take(self.lib.disclose_evaluate(handle, json.dumps(assessment).encode("utf-8")))

    def release(self, handle):
        return self.lib.disclose_release(handle) == 1


def sample_assessment(assessment_id):
    """One assessment of the shipped sample, as disclose_evaluate takes it."""
    sample = PROJECT / "examples" / "sample"
    with open(sample / "assessments.csv", newline="", encoding="utf-8") as table:
        row = next(r for r in csv.DictReader(table) if r["assessment_id"] == assessment_id)
    with open(sample / "factories.csv", newline="", encoding="utf-8") as table:
        factory = next(r for r in csv.DictReader(table) if r["factory_id"] == row["factory_id"])
    with open(sample / "answers.csv", newline="", encoding="utf-8") as table:
        answers = {r["question_id"]: r["answer"] for r in csv.DictReader(table) if r["assessment_id"] == assessment_id}
    attributes = {name: factory[name] for name in ["sector", "province", "export_licence"] if factory[name]}
    return {"id": assessment_id, "date": row["assessed_on"], "answers": answers, "factory": attributes}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: evaluate.py BUILD_FOLDER   (such as .build/debug)")
    disclose = Disclose(pathlib.Path(sys.argv[1]))
    print("disclose", disclose.version()["version"])

    # The rules held in memory, by their paths in the project: as a tool that keeps them in a
    # database would pass them. {"folder": str(PROJECT), "country": "KH"} reads them from disk.
    paths = sorted([*PROJECT.glob("rules/*.disclose"), *PROJECT.glob("countries/KH*.disclose")])
    rules = {"files": {path.relative_to(PROJECT).as_posix(): path.read_text(encoding="utf-8") for path in paths}, "country": "KH"}
    checked = disclose.check_rules(rules)
    print(f"rules of KH: {len(paths)} files, {checked['errors']} errors, {checked['warnings']} warnings")

    # Prepare once, as of the day the portal is published for; then evaluate each assessment.
    handle = disclose.prepare({**rules, "asOf": "2025-06-30"})
    outcome = disclose.evaluate(handle, sample_assessment("KH-0011-02"))
    print(f"{outcome['id']} of {outcome['day']}: withheld as incomplete data: {str(outcome['withheldAsIncomplete']).lower()}")
    for issue in outcome["raised"]:
        print(f"raised {issue['issue']}: {issue['title']} ({issue['category']})")
        print(f"  because {issue['because']}")
        for answer in issue["answers"]:
            if answer["status"] != "compliant":
                print(f"  {answer['question']} = {answer['answer']} ({answer['status']})")
        for parameter in issue["parameters"]:
            print(f"  parameter {parameter['name']} = {parameter['value']}")
    for hit in outcome["zeroTolerance"]:
        print(f"zero tolerance {hit['category']}: {', '.join(hit['questions'])}")

    # Mistakes come back as error values, never as a crash: a mistyped question id.
    mistaken = disclose.evaluate(handle, {"id": "KH-X", "date": "2024-05-14", "answers": {"CHL-LAB-1": "no"}})
    print(f"error {mistaken['error']['code']}: {mistaken['error']['message']}")
    disclose.release(handle)
    # And a released handle.
    stale = disclose.evaluate(handle, {"date": "2024-05-14", "answers": {}})
    print(f"error {stale['error']['code']}: {stale['error']['message']}")


if __name__ == "__main__":
    main()
