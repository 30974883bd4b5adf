import Disclose
import Foundation

func runCheck(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose check [--format text|json|sarif] [--strict] [--rules DIR] [PATH...]

    Parses and checks rule files and everything they include, reporting every problem in
    one run. PATH may be a file or a folder; by default rules/ and countries/.
    Exit status: 0 no errors, 1 errors (or warnings, with --strict), 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json", "sarif"], default: "text", usage: usage)
    let strict = arguments.flag("--strict")
    let project = try projectFolder(&arguments, usage: usage)
    let files = try ruleFilePaths(try arguments.positional(usage: usage), project: project, usage: usage)
    let results = Checker.check(entries: files)
    var seen = Set<Diagnostic>()
    let diagnostics = Diagnostic.sortedForOutput(results.flatMap(\.diagnostics).filter { seen.insert($0).inserted })
    emit(diagnostics, format: format)
    let errors = diagnostics.filter { $0.severity == .error }.count
    if format == "text", diagnostics.isEmpty {
        // Every file read counts, the included ones too, so that `check countries/VN.disclose`
        // and `check` count the same way.
        let read = Set(results.flatMap { $0.files.map(\.path) }).count
        let included = max(0, read - files.count)
        let detail = included > 0 ? " (\(files.count == 1 ? files[0] : "\(files.count) named") and \(included) included)" : ""
        printError("checked \(read) file\(read == 1 ? "" : "s")\(detail): no problems")
    }
    return errors > 0 || (strict && !diagnostics.isEmpty) ? 1 : 0
}

func runFormat(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose fmt [--check] [--rules DIR] [PATH...|-]

    Rewrites rule files in the one canonical layout, keeping comments. With --check, changes
    nothing and lists the files that are not formatted. `-` formats standard input to
    standard output. By default rules/ and countries/.
    Exit status: 0 all formatted, 1 files differ (with --check) or have syntax errors, 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let checkOnly = arguments.flag("--check")
    let project = try projectFolder(&arguments, usage: usage)
    let paths = try arguments.positional(usage: usage)
    if paths == ["-"] {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let syntax = Parser.parse(SourceFile(path: "<stdin>", bytes: [UInt8](input)))
        guard let formatted = RuleFormatter.format(syntax) else {
            emit(syntax.diagnostics, format: "text")
            return 1
        }
        FileHandle.standardOutput.write(Data(formatted.utf8))
        return 0
    }
    var status: Int32 = 0
    for path in try ruleFilePaths(paths, project: project, usage: usage) {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("cannot read `\(path)`", usage: usage) }
        let syntax = Parser.parse(SourceFile(path: path, bytes: [UInt8](data)))
        guard let formatted = RuleFormatter.format(syntax) else {
            emit(syntax.diagnostics, format: "text")
            printError("not formatted: \(path) has syntax errors")
            status = 1
            continue
        }
        guard Data(formatted.utf8) != data else { continue }
        if checkOnly {
            print(path)
            status = 1
        } else {
            try Data(formatted.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            printError("formatted \(path)")
        }
    }
    return status
}

func runShow(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose show COUNTRY [--as-of DATE] [--format text|json] [--rules DIR]

    The rules of a country as in force on a day (default: today): its launch; its public
    issues with their titles in every language of the country, categories and conditions,
    each with the decision it rests on and whether it is adopted or a draft; parameters,
    publication policy and zero-tolerance categories. COUNTRY is a code such as KH, or a rule
    file's path.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json"], default: "text", usage: usage)
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    let names = try arguments.positional(usage: usage)
    guard names.count == 1 else { throw UsageError("name one country, such as `KH`", usage: usage) }
    let path = try countryFile(names[0], project: project, usage: usage)
    let result = Checker.check(entry: path)
    guard let book = result.ruleBook else {
        emit(result.diagnostics, format: "text")
        printError("cannot show `\(names[0])`: its rule files have errors")
        return 1
    }
    if format == "json" {
        print(RuleBookExport.json(book, on: day).serialized())
    } else {
        print(RuleBookText.render(book, on: day).safeForTerminal)
    }
    return 0
}

/// The rule file of a country code, or the path itself.
func countryFile(_ name: String, project: String, usage: String) throws -> String {
    if name.hasSuffix(".disclose") { return name }
    let countries = (project as NSString).appendingPathComponent("countries")
    let path = (countries as NSString).appendingPathComponent(name.uppercased() + ".disclose")
    guard FileManager.default.fileExists(atPath: path) else {
        let known = ((try? FileManager.default.contentsOfDirectory(atPath: countries)) ?? [])
            .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(9)) }.sorted()
        let hint = Suggestion.closest(to: name.uppercased(), among: known).map { " (did you mean `\($0)`?)" } ?? ""
        throw UsageError("no country `\(name)`\(hint); known: \(known.joined(separator: ", "))", usage: usage)
    }
    return path
}

func runHelp(_ arguments: inout Arguments) throws -> Int32 {
    let usage = "Usage: disclose help [CODE]\n\nExplains a diagnostic code such as E301; without a code, lists them all."
    if arguments.flag("--help") { print(usage); return 0 }
    let names = try arguments.positional(usage: usage)
    guard let name = names.first else {
        print("Diagnostic codes (run `disclose help CODE` for the explanation):\n")
        for code in DiagnosticCode.allCases { print("  \(code.code)  \(code.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(code.summary)") }
        return 0
    }
    guard let code = DiagnosticCode.named(name) else {
        let hint = Suggestion.closest(to: name.uppercased(), among: DiagnosticCode.allCases.map(\.code)).map { " (did you mean `\($0)`?)" } ?? ""
        throw UsageError("no diagnostic code `\(name)`\(hint)", usage: usage)
    }
    print("\(code.code) (\(code.severity.rawValue)): \(code.summary)\n\n\(code.explanation)")
    return 0
}
