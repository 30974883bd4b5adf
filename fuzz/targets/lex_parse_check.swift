// Fuzz target 1: lex, parse and check arbitrary bytes as a country's entry rule file.
//
// The input is the file `countries/FZ.disclose` of an in-memory copy of fuzz/project: a
// miniature catalogue, policy, moderation rules, constraints and baseline (every answer
// kind and condition form, dated periods), so that `include "../rules/baseline.disclose"`
// and the layering checks are reached in microseconds rather than the milliseconds the
// shipped 220-question catalogue takes. Beyond "no crash, no hang, no sanitizer report", each run checks:
// - a rule book exists exactly when there is no error;
// - every diagnostic points inside its file and renders (as text; for one input in sixteen,
//   also as JSON that must parse, and as SARIF);
// - a file without syntax errors formats, and its formatted text parses without errors and
//   formats to itself (grammar.md section 7: formatting a formatted file changes nothing);
// - a rule book's examples run, and the book renders as text and JSON on a few days.

@testable import Disclose
import Foundation

let projectFiles = ruleFiles(of: (fuzzProjectRoot as NSString).appendingPathComponent("fuzz/project"), under: "/p")
let entryPath = "/p/countries/FZ.disclose"
let days = [Day(year: 2012, month: 1, day: 1)!, Day(year: 2021, month: 3, day: 1)!, Day(year: 2026, month: 6, day: 30)!]
/// What checking learns about the project's other files (parsed syntax, clean clauses,
/// pattern verdicts), kept from one input to the next as `Checker.check(entries:)` keeps it
/// from one country to the next; only the entry changes between inputs.
nonisolated(unsafe) var memo = CheckRunMemo()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let thorough = isThorough(data, size)

    // The whole check, as `disclose check` does it, with includes resolved in memory.
    var access = MemoryFileAccess([:])
    access.files = projectFiles
    access.files[entryPath] = bytes
    let result = Checker.check(entries: [entryPath], root: "/p", access: access, displayBase: "/p", memo: &memo)[0]
    let shared = { (path: String) in path != entryPath && projectFiles[path] != nil }
    memo.parsed = memo.parsed.filter { shared($0.key) }
    memo.cleanClauseFiles = memo.cleanClauseFiles.filter(shared)
    checkDiagnostics(result.diagnostics, thorough: thorough)
    fuzzRequire((result.ruleBook == nil) == result.hasErrors, "rule book present \(result.ruleBook != nil) with errors \(result.hasErrors)")
    guard thorough else { return 0 }

    // For one input in sixteen: the formatter's round trip, and everything made from a rule book.
    let syntax = Parser.parse(SourceFile(path: "countries/FZ.disclose", bytes: bytes))
    if let formatted = RuleFormatter.format(syntax) {
        let again = Parser.parse(SourceFile(path: "formatted.disclose", text: formatted))
        let errors = again.diagnostics.filter { $0.severity == .error }
        fuzzRequire(errors.isEmpty, "formatted text has errors: \(errors.map { "\($0.code.code) \($0.message)" }) in\n\(formatted)")
        if errors.isEmpty {
            let twice = RuleFormatter.format(again)
            fuzzRequire(twice == formatted, "formatting is not idempotent:\n--- once\n\(formatted)\n--- twice\n\(twice ?? "nil")")
        }
    }
    if let book = result.ruleBook {
        for example in book.examples { _ = ExampleRunner.run(example, in: book) }
        for day in days {
            _ = RuleBookText.render(book, on: day)
            fuzzRequire(isValidJSON(RuleBookExport.json(book, on: day).serialized()), "rule book JSON does not parse")
            _ = EvaluationPlan(book: book, day: day)
        }
    }
    return 0
}
