import Disclose
import Foundation

func runValidate(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose validate [--format text|json|sarif] [--strict] [--as-of DATE] [--rules DIR] [COUNTRY...]

    Checks each country's rules against its PAC decision register (countries/CC-decisions.disclose)
    and the programme-wide constraints of rules/: every choice rests on an adopted decision of that
    country which covers it, no rule is in force before its decision, every adopted decision is
    carried out. Then a summary per country: its public issues, the decisions they rest on, its
    launch, and how many items that could reach the portal rest on adopted decisions and how
    many are drafts on DATE (default: today). By default, every country in countries/.
    Exit status: 0 valid, 1 errors (or warnings, with --strict), 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json", "sarif"], default: "text", usage: usage)
    let strict = arguments.flag("--strict")
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    var codes = try arguments.positional(usage: usage)
    if codes.isEmpty {
        let folder = (project as NSString).appendingPathComponent("countries")
        codes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(".disclose".count)) }.sorted()
        if codes.isEmpty { throw UsageError("no country files in `\(folder)`", usage: usage) }
    }
    let paths = try codes.map { try countryFile($0, project: project, usage: usage) }
    var diagnostics: [Diagnostic] = []
    var summaries: [JSONValue] = []
    var text: [String] = []
    for result in Checker.check(entries: paths) {
        guard let book = result.ruleBook else {
            diagnostics += result.diagnostics.filter { $0.severity == .error }
            continue
        }
        let report = Validator.validate(book, on: day)
        diagnostics += report.diagnostics
        text.append(report.summary())
        summaries.append(report.json())
    }
    var seen = Set<Diagnostic>()
    diagnostics = Diagnostic.sortedForOutput(diagnostics.filter { seen.insert($0).inserted })
    switch format {
    case "json": print(JSONValue.object([("countries", .array(summaries)), ("diagnostics", DiagnosticExport.json(diagnostics))]).serialized())
    case "sarif": emit(diagnostics, format: "sarif")
    default:
        emit(diagnostics, format: "text")
        print(text.joined(separator: "\n").safeForTerminal)
    }
    let errors = diagnostics.contains { $0.severity == .error }
    return errors || (strict && !diagnostics.isEmpty) ? 1 : 0
}
