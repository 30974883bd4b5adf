import Disclose
import Foundation

func runDiff(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose diff --before DIR|REV [--after DIR] --data DIR [--as-of DATE] [--format text|json] [--rules DIR]
           disclose diff --baseline COUNTRY [--format text|json] [--rules DIR]

    The first form publishes the same data under two versions of the rules and lists what would
    change on the portal: factories whose status or findings change, and the issue figures that
    move, per country. A version is a folder holding rules/ and countries/, or a git revision of
    the project (such as HEAD or main~1). --after defaults to the rules in the working folder.
    The second form lists how a country's list differs from the baseline, each difference with
    its reason and the decision behind it.
    Exit status: 0 done (whether or not anything changes), 1 errors in the rules or data, 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json"], default: "text", usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    if let country = try arguments.option("--baseline", usage: usage) {
        _ = try arguments.positional(usage: usage)
        let result = Checker.check(entry: try countryFile(country, project: project, usage: usage))
        guard let book = result.ruleBook else {
            emit(result.diagnostics.filter { $0.severity == .error }, format: "text")
            return 1
        }
        let diff = BaselineDiff(book: book)
        print(format == "json" ? diff.json().serialized() : diff.text().safeForTerminal)
        return 0
    }
    let day = try arguments.asOf(usage: usage)
    guard let before = try arguments.option("--before", usage: usage) else { throw UsageError("name the old rules with `--before DIR` or `--before REV`", usage: usage) }
    guard let data = try arguments.option("--data", usage: usage) else { throw UsageError("name the data folder with `--data DIR`", usage: usage) }
    let after = try arguments.option("--after", usage: usage) ?? project
    _ = try arguments.positional(usage: usage)
    let beforeFolder = try rulesVersion(before, project: project, usage: usage)
    defer { if beforeFolder != before { try? FileManager.default.removeItem(atPath: beforeFolder) } }
    var publications: [Publication] = []
    for folder in [beforeFolder, after] {
        let result = Publisher(project: folder, asOf: day).publish(data: data)
        guard let publication = result.publication else {
            emit(result)
            printError("cannot compare: the rules in `\(folder == beforeFolder ? before : after)` or the data have errors")
            return 1
        }
        publications.append(publication)
    }
    let diff = PublicationDiff(before: publications[0], after: publications[1])
    print(format == "json" ? diff.json().serialized() : diff.text().safeForTerminal)
    return 0
}

/// A folder holding the rules of `version`: the folder itself, or a git revision extracted to a temporary folder.
func rulesVersion(_ version: String, project: String, usage: String) throws -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: version, isDirectory: &isDirectory), isDirectory.boolValue { return version }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-rules-\(ProcessInfo.processInfo.processIdentifier)").path
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let archive = folder + "/rules.tar"
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "-C", project, "archive", "--format=tar", "-o", archive, version, "rules", "countries"]
    git.standardError = FileHandle.nullDevice
    try git.run()
    git.waitUntilExit()
    guard git.terminationStatus == 0 else {
        try? FileManager.default.removeItem(atPath: folder)
        throw UsageError("`\(version)` is neither a folder nor a git revision of `\(project)` with rules/ and countries/", usage: usage)
    }
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    tar.arguments = ["tar", "-xf", archive, "-C", folder]
    try tar.run()
    tar.waitUntilExit()
    try? FileManager.default.removeItem(atPath: archive)
    return folder
}
