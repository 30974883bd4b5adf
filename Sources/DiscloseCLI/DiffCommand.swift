import Disclose
import DisclosePortal
import Foundation

func runDiff(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose diff --before REV|DIR|last-change [--after DIR] --data DIR [--as-of DATE | --what-if] [--format text|json] [--rules DIR]
           disclose diff --baseline COUNTRY [--format text|json] [--rules DIR]

    The first form publishes the same data under two versions of the rules and lists, per
    country, what would change on the portal: factories whose status or findings change (and
    why one is not listed), issue figures that change, issues that become or stop being public,
    titles reworded, portal pages that disappear or appear. It answers one of two questions:
      without --what-if  the portal as of DATE (default: today): each assessment judged under
                         the rules in force on its own day, as the portal does. A change dated
                         after the data's assessments is not visible yet, and the text says why.
      --what-if          each factory's latest finalised assessment judged under the latest
                         rules of each version, whatever its date: who would gain or lose an
                         issue once a change dated in the future takes effect.
    --before names the old rules: a folder holding rules/ and countries/, a git revision of the
    project (HEAD, main~1), or last-change: the rules before the last change to rules/ or
    countries/ (HEAD when they have uncommitted changes, else the parent of the last commit
    that changed them), so that your own commit does not hide your change. --after defaults to
    the rules in the working folder.
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
    let whatIf = arguments.flag("--what-if")
    if whatIf, try arguments.option("--as-of", usage: usage) != nil {
        throw UsageError("`--what-if` judges under the latest rules of each version, whatever the day: leave out `--as-of`", usage: usage)
    }
    let asOf = try arguments.asOf(usage: usage)
    guard let before = try arguments.option("--before", usage: usage) else {
        throw UsageError("name the old rules with `--before DIR`, `--before REV` or `--before last-change`", usage: usage)
    }
    guard let data = try arguments.option("--data", usage: usage) else { throw UsageError("name the data folder with `--data DIR`", usage: usage) }
    let afterOption = try arguments.option("--after", usage: usage)
    let after = afterOption ?? project
    _ = try arguments.positional(usage: usage)
    guard FileManager.default.fileExists(atPath: data) else { throw UsageError("no such data folder: `\(data)`", usage: usage) }
    let (revision, beforeLabel) = before == "last-change" ? try lastChange(project: project, usage: usage) : (before, "`\(before)`")
    let afterLabel = afterOption.map { "`\($0)`" } ?? "the working folder"
    let beforeFolder = try rulesVersion(revision, project: project, usage: usage)
    defer { if beforeFolder != revision { try? FileManager.default.removeItem(atPath: beforeFolder) } }

    // How the rules differ, per country: the files, and the days on which only one changes.
    let books = [beforeFolder, after].map(publicRuleBooks)
    let rules = PublicationDiff.RulesChange.compare(books[0], books[1])
    // What if: judged under the latest rules of either version, from the day they start (the
    // publisher then counts every assessment of the data, whatever its date).
    let latestChange = books.flatMap { $0.values.flatMap(\.changeDays) }.max()
    let day = whatIf ? latestChange ?? Day(ordinal: 0) : asOf
    var publications: [Publication] = []
    for folder in [beforeFolder, after] {
        var publisher = Publisher(project: folder, asOf: day)
        if whatIf { publisher.judgingOn = day }
        let result = publisher.publish(data: data)
        guard let publication = result.publication else {
            emit(result)
            printError("cannot compare: the rules of \(folder == beforeFolder ? beforeLabel : afterLabel) or the data have errors")
            return 1
        }
        publications.append(publication)
    }
    let diff = PublicationDiff(before: publications[0], after: publications[1], question: whatIf ? .whatIf(rulesFrom: latestChange) : .portal(asOf: day), rules: rules,
                               pages: PortalSite.pageNames)
    print(format == "json" ? diff.json().serialized() : diff.text(before: beforeLabel, after: afterLabel).safeForTerminal)
    return 0
}

/// The public rule book of every country file of a version, by code; countries whose rules
/// have errors are left out here (publishing reports the errors).
private func publicRuleBooks(_ folder: String) -> [String: RuleBook] {
    let countries = (folder as NSString).appendingPathComponent("countries")
    let codes = ((try? FileManager.default.contentsOfDirectory(atPath: countries)) ?? [])
        .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(".disclose".count)) }.sorted()
    let results = Checker.check(entries: codes.map { (countries as NSString).appendingPathComponent($0 + ".disclose") })
    var books: [String: RuleBook] = [:]
    for (code, result) in zip(codes, results) { books[code] = result.publicRuleBook }
    return books
}

/// `--before last-change`: the revision holding the rules before their last change, and how
/// to name it. Uncommitted changes to rules/ or countries/ are the last change (HEAD holds the
/// rules before them); otherwise the last commit that changed them is, and its parent holds
/// the rules before.
private func lastChange(project: String, usage: String) throws -> (revision: String, label: String) {
    let status = try git(["status", "--porcelain", "--", "rules", "countries"], project: project, usage: usage)
    if !status.isEmpty { return ("HEAD", "HEAD, the last commit (the working folder's rules have uncommitted changes)") }
    let log = try git(["log", "-1", "--format=%h%x09%s", "--", "rules", "countries"], project: project, usage: usage)
    let parts = log.split(separator: "\t", maxSplits: 1).map(String.init)
    guard let commit = parts.first, !commit.isEmpty else {
        throw UsageError("no commit of `\(project)` changes rules/ or countries/: name the old rules with `--before REV` or `--before DIR`", usage: usage)
    }
    let subject = parts.count > 1 ? parts[1] : ""
    return ("\(commit)^", "\(commit)^, the rules before commit \(commit) \"\(subject)\", the last that changed them")
}

/// Runs git in the project; its standard output, trimmed. A usage error if git fails.
private func git(_ arguments: [String], project: String, usage: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", project] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let bytes = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw UsageError("`--before last-change` needs `\(project)` to be a git repository (git \(arguments[0]) failed)", usage: usage)
    }
    return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
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
