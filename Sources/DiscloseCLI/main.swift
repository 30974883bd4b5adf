import Disclose
import Foundation

// The `disclose` command: maps arguments to library calls, and results to text and an exit status.
// Exit status: 0 success, 1 problems found, 64 usage error, 2 the tool could not do its job.

let commands: [(name: String, summary: String, run: (inout Arguments) throws -> Int32)] = [
    ("check", "parse and check rule files; every problem in one run", runCheck),
    ("fmt", "write rule files in the one canonical layout", runFormat),
    ("show", "the rules of a country in force on a day", runShow),
    ("questions", "find the CAT questions that match a few words, and who uses them", runQuestions),
    ("validate", "check rules against the PAC decision registers and programme constraints", runValidate),
    ("diff", "what a rule change would change on the portal, or a country against the baseline", runDiff),
    ("test", "run the examples written inside rule files", runTest),
    ("publish", "the main job: data in, public finding sets and internal report out", runPublish),
    ("explain", "why a factory shows, or does not show, a given issue", runExplain),
    ("evaluate", "evaluate assessments one at a time: JSON Lines in, outcomes with reasons out", runEvaluate),
    ("lsp", "the language server for editors, on standard input and output", runLanguageServer),
    ("sample", "generate realistic sample data (seeded, deterministic)", runSample),
    ("help", "explain a diagnostic code, or list them all", runHelp),
]

@MainActor func usage() -> String {
    let lines = commands.map { "  " + $0.name.padding(toLength: 8, withPad: " ", startingAt: 0) + $0.summary }
    return """
    Usage: disclose COMMAND [OPTIONS] [ARGUMENTS]

    Commands:
    \(lines.joined(separator: "\n"))

    Run `disclose COMMAND --help` for a command's options.
    """
}

var arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
let status: Int32
do {
    guard let name = arguments.next() else {
        print(usage())
        exit(0)
    }
    if name == "--help" || name == "-h" {
        print(usage())
        exit(0)
    }
    if name == "--version" {
        print("disclose \(toolVersion)")
        exit(0)
    }
    guard let command = commands.first(where: { $0.name == name }) else {
        let suggestion = Suggestion.closest(to: name, among: commands.map(\.name)).map { " (did you mean `\($0)`?)" } ?? ""
        throw UsageError("unknown command `\(name)`\(suggestion)")
    }
    status = try command.run(&arguments)
} catch let error as UsageError {
    printError("Error: \(error.message)\n\n" + (error.usage ?? usage()))
    status = 64
} catch {
    printError("Error: \(error)")
    status = 2
}
exit(status)
