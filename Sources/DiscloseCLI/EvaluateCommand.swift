import Disclose
import Foundation

/// `disclose evaluate COUNTRY`: assessments as JSON Lines on standard input, one evaluation
/// outcome as JSON per line on standard output, as each line comes (a `PreparedEvaluator`).
func runEvaluate(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose evaluate COUNTRY [--as-of DATE] [--preview] [--rules DIR]

    Evaluates assessments one at a time under a country's rules, streaming: reads JSON Lines on
    standard input, one assessment a line,
      {"id": "KH-0001-03", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no", ...}, "factory": {"sector": "garment"}}
    ("id" and "factory" optional), and writes for each line, as it comes, one JSON object on
    standard output: the evaluation outcome (issues raised and why, zero tolerance, answers
    missing or unusable, whether the portal would withhold it as incomplete data), with the
    line's "id". Findings are the public issues raised under the rules of the assessment day,
    among those still public on the as-of day (default: today). A line that is not such an
    object, or that names a question the catalogue does not know, gives on its line instead
      {"error": {"code": "unknown-question", "message": ...}, "id": ..., "line": N}
    Uses the public view of the rules (adopted decisions only); --preview uses the drafts too.
    Exit status 1 when some line had an error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let asOf = try arguments.asOf(usage: usage)
    let preview = arguments.flag("--preview")
    let project = try projectFolder(&arguments, usage: usage)
    let names = try arguments.positional(usage: usage)
    guard names.count == 1 else { throw UsageError("name one country, such as `KH`", usage: usage) }
    let path = try countryFile(names[0], project: project, usage: usage)
    let result = Checker.check(entry: path)
    guard let book = preview ? result.ruleBook : result.publicRuleBook else {
        emit(result.diagnostics, format: "text")
        printError("cannot evaluate for `\(names[0])`: its rule files have errors")
        return 1
    }
    let evaluator = PreparedEvaluator(book: book, asOf: asOf)
    // One line read, one line written, straight to the file descriptor (no buffer to flush):
    // memory stays constant, and a pipeline sees each outcome as soon as its line is done.
    // Lines are read as bytes (getline), not as Swift strings, which would quietly replace
    // bytes that are not UTF-8: such a line gets its error like any other bad line.
    // A stream of its own on standard input's descriptor: Swift 6 refuses the C global `stdin`
    // (shared mutable state), and nothing else in the command reads standard input.
    guard let input = fdopen(STDIN_FILENO, "r") else { return 0 }   // no standard input: no lines
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    var number = 0
    var failed = false
    while case let count = getline(&buffer, &capacity, input), count >= 0, let buffer {
        number += 1
        var line = Data(bytes: buffer, count: count)
        while let last = line.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { line.removeLast() }
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
        let reply = EvaluationReply.answering(line, with: evaluator, line: number)
        failed = failed || reply.isError
        FileHandle.standardOutput.write(reply.json + Data("\n".utf8))
    }
    return failed ? 1 : 0
}
