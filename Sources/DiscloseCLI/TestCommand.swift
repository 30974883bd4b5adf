import Disclose
import Foundation

func runTest(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose test [--format text|json] [--rules DIR] [PATH...]

    Runs the examples written inside rule files (`example` declarations) under the rules of
    the file they are in, and lists the public issues that no example raises. PATH may be a
    file or folder; by default rules/ and countries/.
    Exit status: 0 all examples pass, 1 an example fails or a file has errors, 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json"], default: "text", usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    let files = try ruleFilePaths(try arguments.positional(usage: usage), project: project, usage: usage)
    var status: Int32 = 0
    var passed = 0
    var failed = 0
    var report: [JSONValue] = []
    for (path, result) in zip(files, Checker.check(entries: files)) {
        guard let book = result.ruleBook else {
            emit(result.diagnostics.filter { $0.severity == .error }, format: "text")
            status = 1
            continue
        }
        guard !book.examples.isEmpty || (book.country != nil && book.country?.publishesNothing != true) else { continue }
        let outcomes = book.examples.map { ExampleRunner.run($0, in: book) }
        let uncovered = book.country?.publishesNothing == true ? [] : ExampleRunner.uncovered(outcomes, in: book)
        var lines: [String] = []
        for outcome in outcomes {
            let (line, _) = outcome.example.origin.file.location(of: outcome.example.origin.span.start)
            if outcome.passed {
                passed += 1
                lines.append("  pass  \(outcome.example.name)")
            } else {
                failed += 1
                status = 1
                lines.append("  FAIL  \(outcome.example.name)  (\(path):\(line))")
                lines.append("        expected: \(outcome.example.expected.isEmpty ? "nothing" : outcome.example.expected.joined(separator: ", "))")
                lines.append("        raised:   \(outcome.raised.isEmpty ? "nothing" : outcome.raised.joined(separator: ", "))")
                for id in outcome.raised where !outcome.example.expected.contains(id) {
                    let why = outcome.reasons[id] ?? []
                    lines.append("        + \(id) raised" + (why.isEmpty ? " by its condition" : " because non-compliant: \(why.joined(separator: ", "))"))
                }
                for id in outcome.example.expected where !outcome.raised.contains(id) {
                    lines.append("        - \(id) not raised: its condition does not hold for these answers")
                }
            }
        }
        if !uncovered.isEmpty { lines.append("  no example raises: \(uncovered.joined(separator: ", "))") }
        if format == "text" {
            print("\(path): \(outcomes.filter(\.passed).count) of \(outcomes.count) examples pass")
            if !lines.isEmpty { print(lines.joined(separator: "\n").safeForTerminal) }
        }
        report.append(.object([
            ("file", .string(path)),
            ("examples", .array(outcomes.map { outcome in
                .object([("name", .string(outcome.example.name)), ("passed", .bool(outcome.passed)),
                         ("expected", .array(outcome.example.expected.map(JSONValue.string))), ("raised", .array(outcome.raised.map(JSONValue.string)))])
            })),
            ("uncovered", .array(uncovered.map(JSONValue.string))),
        ]))
    }
    if format == "json" { print(JSONValue.array(report).serialized()) } else { print("\(passed) passed, \(failed) failed") }
    return status
}
