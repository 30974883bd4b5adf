// Checks rule files held in memory with the disclose library, as an editor or a tool that keeps
// its rules in a database would, and prints the diagnostics as `disclose check` prints them:
// first a rule book with a mistake, then the corrected one. Reads and writes no file.
// Run from this folder: swift run check-rules-in-memory
import Disclose
import Foundation

// The files by path under a project folder that exists only in memory: `include` resolves
// against these paths, and messages name files relative to the project.
let project = "/rules-database"
let catalogue = """
    parameter minimum-working-age
      value 15 years

    cluster CHL
      title en "Child Labour"

    point CHL-LAB in CHL
      title en "Child Labourers"

    question CHL-LAB-02 in CHL-LAB
      text en "How old is the youngest worker?"
      answer number in years
      non-compliant when below minimum-working-age

    question CHL-LAB-05 in CHL-LAB
      text en "Where child labour was found, has the employer remediated it?"
      answer yes-no
      non-compliant when no
      not-applicable allowed
      required when CHL-LAB-02 is below minimum-working-age

    """

/// The issue file, with the question it reads named as `question`.
func issues(reading question: String) -> String {
    """
    include "catalogue.disclose"

    issue CHILD-NOT-REMEDIATED
      title en "Child labour not remediated"
      category child-labour
      raised when CHL-LAB-02 is below minimum-working-age and \(question) is no

    """
}

/// Checks the issue file and what it includes, from memory only, and prints the outcome.
func check(_ files: [String: String]) -> CheckResult {
    let access = MemoryFileAccess(files.reduce(into: [:]) { $0[project + "/" + $1.key] = $1.value })
    let result = Checker.check(entry: project + "/rules/issues.disclose", root: project, access: access, displayBase: project)
    let errors = result.diagnostics.count { $0.severity == .error }
    print("\(files.count) files checked: \(errors) error\(errors == 1 ? "" : "s"), \(result.diagnostics.count - errors) warnings;",
          result.ruleBook == nil ? "no rule book" : "a rule book to evaluate with")
    if !result.diagnostics.isEmpty { print(DiagnosticRenderer().render(result.diagnostics)) }
    return result
}

// A mistyped question id: one error, with the line, a caret and a "did you mean".
print("== with a mistake")
let flawed = check(["rules/catalogue.disclose": catalogue, "rules/issues.disclose": issues(reading: "CHL-LAB-5")])

// Corrected: no diagnostics, and a rule book to evaluate with.
print("== corrected")
let corrected = check(["rules/catalogue.disclose": catalogue, "rules/issues.disclose": issues(reading: "CHL-LAB-05")])
// The diagnostics are plain data too: code, severity, message, where, help.
for diagnostic in flawed.diagnostics {
    let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
    print("as data: \(diagnostic.codeName) \(diagnostic.severity.rawValue) at \(place): \(diagnostic.message)")
}
// For CI: the example fails unless the mistake is found and the correction checks cleanly.
if !flawed.hasErrors || corrected.hasErrors { exit(1) }
