import Disclose
import Foundation

func runPublish(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose publish --data DIR [--out DIR] [--as-of DATE] [--format json|csv|html] [--rules DIR]

    The main job: reads the data folder (factories, assessments, answers, responses; CSV or
    JSON Lines, see docs/formats.md), evaluates every assessment under the rules of its
    country, applies the publication policy as of DATE (default: today) and writes:
      public.json, public-*.csv   what the portal may show (docs/schemas/)
      internal-report.json        every assessment and response accounted for, zero-tolerance
                                  escalations, the moderation queue, data problems
    into DIR, all at once. Without --out, the public finding set goes to stdout.
    With --format html, DIR gets the portal as a static site instead (index.html, a page per
    country, issue and factory in each language; docs/portal.md); --out is then required.
    Exit status: 0 published, 1 the data or rules have errors (nothing is written), 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["json", "csv", "html"], default: "json", usage: usage)
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    guard let data = try arguments.option("--data", usage: usage) else { throw UsageError("name the data folder with `--data DIR`", usage: usage) }
    let out = try arguments.option("--out", usage: usage)
    if format == "html" && out == nil { throw UsageError("`--format html` writes a site: name its folder with `--out DIR`", usage: usage) }
    _ = try arguments.positional(usage: usage)
    guard FileManager.default.fileExists(atPath: data) else { throw UsageError("no such data folder: `\(data)`", usage: usage) }

    let result = Publisher(project: project, asOf: day).publish(data: data)
    emit(result)
    guard let publication = result.publication else {
        printError("nothing published: fix the errors above and run again")
        return 1
    }
    // The two JSON files are written as they are made, a megabyte at a time.
    func streaming(_ value: @escaping @Sendable () -> JSONValue) -> @Sendable (FileHandle) throws -> Void { { try value().write(to: $0) } }
    if let out, format == "html" {
        // Pages are made as they are written, side by side on every core.
        let site = PortalSite.writers(publication)
        try OutputFolder.replace(out, writing: site, threads: Threads.count)
        printError(PublicationSummary.text(publication, out: nil).safeForTerminal)
        printError("portal written to \(out)/ (\(site.count) files; open index.html) as of \(publication.asOf)")
        return 0
    } else if let out {
        // Each file is made as it is written, so that the whole set is never in memory at once.
        // The two JSON files and the CSV set are made side by side, one per core.
        var files: [(name: String, write: @Sendable (FileHandle) throws -> Void)] = [
            ("public.json", streaming { PublicationExport.publicJSON(publication) }),
            ("internal-report.json", streaming { PublicationExport.internalJSON(publication) }),
        ]
        let csvs = CSVSet(publication)
        for index in 0..<PublicationExport.publicCSVNames.count {
            files.append((PublicationExport.publicCSVNames[index], { try $0.write(contentsOf: csvs.bytes(index)) }))
        }
        try OutputFolder.replace(out, writing: files, threads: Threads.count)
    } else if format == "csv" {
        print(PublicationExport.publicCSV(publication)[0].text, terminator: "")
    } else {
        FileHandle.standardOutput.write(Data(PublicationExport.publicJSON(publication).serializedBytes() + [0x0A]))
    }
    printError(PublicationSummary.text(publication, out: out).safeForTerminal)
    return 0
}

func runExplain(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose explain FACTORY [ISSUE] --data DIR [--as-of DATE] [--format text|json] [--rules DIR]

    Why a factory shows, or does not show, on the portal as of DATE: which assessment is
    current and why, and for each public issue (or the one named) whether it is raised, by
    which rule (file:line), which answers made it so, and the decision behind it.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json"], default: "text", usage: usage)
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    guard let data = try arguments.option("--data", usage: usage) else { throw UsageError("name the data folder with `--data DIR`", usage: usage) }
    let names = try arguments.positional(usage: usage)
    guard (1...2).contains(names.count) else { throw UsageError("name a factory id, and optionally an issue id", usage: usage) }
    var publisher = Publisher(project: project, asOf: day)
    publisher.explaining = [names[0]]
    let result = publisher.publish(data: data)
    guard let publication = result.publication else {
        emit(result)
        printError("cannot explain: fix the errors above and run again")
        return 1
    }
    guard let explanation = Explanation(factory: names[0], issue: names.count == 2 ? names[1] : nil, publication: publication,
                                        evaluations: result.evaluations, project: project)
    else {
        throw UsageError("no factory `\(names[0])` in the data", usage: usage)
    }
    print(format == "json" ? explanation.json().serialized() : explanation.text().safeForTerminal)
    return 0
}

/// The public CSV files, made once by whichever writer asks first.
private final class CSVSet: @unchecked Sendable {
    private let publication: Publication
    private let lock = NSLock()
    private var made: [[UInt8]]?

    init(_ publication: Publication) { self.publication = publication }

    func bytes(_ index: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = PublicationExport.publicCSV(publication).map { Array($0.text.utf8) } }
        return made![index]
    }
}
