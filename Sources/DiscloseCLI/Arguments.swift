import Disclose
import Foundation

let toolVersion = DiscloseLibrary.version

/// A mistake in how the command was called: exit status 64.
struct UsageError: Error {
    var message: String
    var usage: String?
    init(_ message: String, usage: String? = nil) {
        self.message = message
        self.usage = usage
    }
}

/// The command line, consumed from the front.
struct Arguments {
    private var remaining: [String]

    init(_ arguments: [String]) { remaining = arguments }

    mutating func next() -> String? { remaining.isEmpty ? nil : remaining.removeFirst() }

    /// Takes `--name` if present.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Takes `--name VALUE` or `--name=VALUE` if present; given twice, it is a usage error
    /// (which of the two was meant cannot be told).
    mutating func option(_ name: String, usage: String) throws -> String? {
        if remaining.filter({ $0 == name || $0.hasPrefix(name + "=") }).count > 1 {
            throw UsageError("`\(name)` is given twice; give it once", usage: usage)
        }
        if let index = remaining.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            return String(remaining.remove(at: index).dropFirst(name.count + 1))
        }
        guard let index = remaining.firstIndex(of: name) else { return nil }
        guard index + 1 < remaining.count else { throw UsageError("`\(name)` needs a value", usage: usage) }
        let value = remaining[index + 1]
        remaining.removeSubrange(index...(index + 1))
        return value
    }

    /// `--format`, checked against the formats the command offers.
    mutating func format(_ allowed: [String], default fallback: String, usage: String) throws -> String {
        let value = try option("--format", usage: usage) ?? fallback
        guard allowed.contains(value) else {
            throw UsageError("unknown format `\(value)`; use one of: \(allowed.joined(separator: ", "))", usage: usage)
        }
        return value
    }

    /// `--as-of DATE`, or today.
    mutating func asOf(usage: String) throws -> Day {
        guard let text = try option("--as-of", usage: usage) else { return Day.today }
        guard let day = Day(iso: text) else { throw UsageError("`\(text)` is not a date; write it as YYYY-MM-DD", usage: usage) }
        return day
    }

    /// What is left, which must not contain options.
    mutating func positional(usage: String) throws -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("--") }) {
            throw UsageError("unknown option `\(unknown)`", usage: usage)
        }
        defer { remaining = [] }
        return remaining
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Colour only on a terminal, and never with NO_COLOR set.
var standardErrorUsesColor: Bool {
    isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
}

/// Prints diagnostics in the chosen format: text to stderr, data to stdout.
func emit(_ diagnostics: [Diagnostic], format: String) {
    switch format {
    case "json": print(DiagnosticExport.json(diagnostics).serialized())
    case "sarif": print(DiagnosticExport.sarif(diagnostics, toolVersion: toolVersion).serialized())
    default:
        if !diagnostics.isEmpty { printError(DiagnosticRenderer(usesColor: standardErrorUsesColor).render(diagnostics)) }
    }
}

/// The problems of a publication run, on standard error: those it lists, and how many more.
func emit(_ result: PublishResult) {
    if !result.diagnostics.isEmpty { printError(DiagnosticRenderer(usesColor: standardErrorUsesColor).render(result.diagnostics, unlisted: result.unlisted)) }
}

/// The project folder: `--rules DIR`, or the working folder.
func projectFolder(_ arguments: inout Arguments, usage: String) throws -> String {
    try arguments.option("--rules", usage: usage) ?? FileManager.default.currentDirectoryPath
}

/// Rule files from the paths given, or from rules/ and countries/ of the project.
func ruleFilePaths(_ paths: [String], project: String, usage: String) throws -> [String] {
    let targets = paths.isEmpty
        ? ["rules", "countries"].map { (project as NSString).appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0) }
        : paths
    let (files, missing) = RuleFiles.collect(targets)
    if let first = missing.first { throw UsageError("no such file or folder: `\(first)`", usage: usage) }
    if files.isEmpty { throw UsageError("no rule files (*.disclose) found; give files or folders, or run inside a project with rules/ and countries/", usage: usage) }
    return files
}
