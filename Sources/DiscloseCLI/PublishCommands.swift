import Disclose
import DisclosePortal
import Foundation

func runPublish(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose publish --data DIR [--out DIR] [--as-of DATE] [--format json|csv|html] [--rules DIR]
                            [--preview] [--replace-preview] [--replace-public]

    The main job: reads the data folder (factories, assessments, answers, responses; CSV or
    JSON Lines, see docs/formats.md), evaluates every assessment under the rules of its
    country and applies the publication policy as of DATE (default: today). With --out DIR it
    writes, all at once (DIR is the old set or the new one at every instant):
      DIR/public/               what the portal may show: the folder to deploy. public.json and
                                public-*.csv (docs/schemas/), or with --format html the portal
                                as a static site (open public/index.html; docs/portal.md)
      DIR/internal/             internal-report.json: every assessment and response accounted
                                for, zero-tolerance escalations, the moderation queue, data
                                problems. Readable by you alone; never deploy it
      DIR/disclose-output.json  the files written, with their SHA-256
    DIR must be new, empty, or written by an earlier publish (docs/security.md); it is never
    the data folder, the rules, the working folder or a folder that holds them. A folder that
    holds a preview is replaced only with --replace-preview.
    Only what adopted decisions make public is published, and only for launched countries
    (grammar.md, section 5); every draft left out is listed in the internal report.
    --preview: the same outputs with drafts and countries not launched included, for the PAC;
    every file and page is marked "Draft: not for publication", the CSV files are named
    preview-*.csv, each draft names the decision it awaits, and the manifest's kind is
    "preview". A folder that holds public outputs is replaced by a preview only with
    --replace-public.
    Without --out, the public finding set goes to stdout (--format csv: the factories table).
    Exit status: 0 published; 1 the data or rules have errors, or another publish is writing
    DIR (nothing is written); 2 the output could not be written (the old one is unchanged);
    64 usage error, or a DIR that may not be replaced.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let preview = arguments.flag("--preview")
    let format = try arguments.format(["json", "csv", "html"], default: "json", usage: usage)
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    guard let data = try arguments.option("--data", usage: usage) else { throw UsageError("name the data folder with `--data DIR`", usage: usage) }
    let out = try arguments.option("--out", usage: usage)
    var replacing: Set<OutputKind> = arguments.flag("--replace-preview") ? [.preview] : []
    if arguments.flag("--replace-public") { replacing.insert(.public) }
    if format == "html" && out == nil { throw UsageError("`--format html` writes a site: name its folder with `--out DIR`", usage: usage) }
    _ = try arguments.positional(usage: usage)
    guard FileManager.default.fileExists(atPath: data) else { throw UsageError("no such data folder: `\(data)`", usage: usage) }
    let folder = out.map { OutputFolder($0, kind: preview ? .preview : .public, data: data, project: project, replacing: replacing) }
    do {
        // A folder that may not be replaced is said before the work, not after it.
        try folder?.check()
    } catch let error as OutputFolderError {
        return report(error)
    }

    let test = try TestSeam(usage: usage)
    var publisher = Publisher(project: project, asOf: day)
    publisher.preview = preview
    let result = publisher.publish(data: data)
    emit(result)
    guard let publication = result.publication else {
        printError("nothing published: fix the errors above and run again")
        return 1
    }
    guard let folder else {
        if format == "csv" {
            print(PublicationExport.publicCSV(publication)[0].text, terminator: "")
        } else {
            FileHandle.standardOutput.write(Data(PublicationExport.publicJSON(publication).serializedBytes() + [0x0A]))
        }
        printError(PublicationSummary.text(publication, out: nil).safeForTerminal)
        return 0
    }
    // Files are made as they are written, side by side on every core, so that the whole set
    // is never in memory at once.
    // The folder passed its check: what it holds is an earlier publication's, or nothing.
    let previous = PublicationFolder.previousListing(in: folder.given)
    let files = PublicationFolder.files(publication, format: format == "html" ? .site : .data, previous: previous)
    do {
        _ = try folder.replace(with: files, threads: Threads.count, swap: test.swap, stop: test.stop)
    } catch let error as OutputFolderError {
        return report(error)
    }
    printError(PublicationSummary.text(publication, out: folder.given).safeForTerminal)
    if let previous {
        printError(PublicChanges(from: previous, to: PublicListing(publication)).summary(out: folder.given).safeForTerminal)
    }
    if format == "html" {
        let site = (folder.given.hasSuffix("/") ? folder.given : folder.given + "/") + PublicationFolder.publicFolder
        printError("the portal: \(files.filter { $0.path.hasPrefix(PublicationFolder.publicFolder + "/") }.count) files; open \(site)/index.html".safeForTerminal)
    }
    return 0
}

/// Prints why the output folder was not written; the exit status.
private func report(_ error: OutputFolderError) -> Int32 {
    printError("Error: \(error.headline)\nhelp: \(error.help)".safeForTerminal)
    switch error {
    case .busy: return 1
    case .cannotWrite: return 2
    case .emptyPath, .isProtected, .holdsProtected, .insideProtected, .notAFolder, .mountPoint, .foreignFiles, .otherKind: return 64
    }
}

/// The crash tests' seam, read from the environment by the command alone: `DISCLOSE_TEST_STOP_AT`
/// names a step of the output folder's replacement at which the process kills itself (SIGKILL,
/// as a power cut or the OOM killer would: no clean-up runs); `DISCLOSE_TEST_SWAP=renames` makes
/// it swap by two renames, as where the kernel refuses the exchange.
private struct TestSeam {
    var swap: OutputFolder.Swap = .exchange
    var stop: (@Sendable (OutputFolder.Step) -> Void)?

    init(usage: String) throws {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["DISCLOSE_TEST_STOP_AT"] {
            guard let step = OutputFolder.Step(rawValue: name) else {
                throw UsageError("`DISCLOSE_TEST_STOP_AT` is not a step: use one of " + OutputFolder.Step.allCases.map(\.rawValue).joined(separator: ", "), usage: usage)
            }
            stop = { if $0 == step { kill(getpid(), SIGKILL) } }
        }
        if environment["DISCLOSE_TEST_SWAP"] == "renames" { swap = .renames }
    }
}

func runExplain(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose explain FACTORY [ISSUE] --data DIR [--as-of DATE] [--format text|json] [--preview] [--rules DIR]

    Why a factory of the data shows, or does not show, on the portal as of DATE: if not
    listed, why not (its country not launched, no assessment, only a first one, refusals, ...);
    which assessment is current and why; for each public issue (or the one named) whether it
    is raised, by which rule (file:line), which answers made it so, the decision behind it,
    and whether it is still public on DATE; and for each tier of its country, how its
    compliance rate was computed and whether it is named.
    --preview explains the preview (drafts included), as `publish --preview` publishes it.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(["text", "json"], default: "text", usage: usage)
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    guard let data = try arguments.option("--data", usage: usage) else { throw UsageError("name the data folder with `--data DIR`", usage: usage) }
    let preview = arguments.flag("--preview")
    let names = try arguments.positional(usage: usage)
    guard (1...2).contains(names.count) else { throw UsageError("name a factory id, and optionally an issue id", usage: usage) }
    var publisher = Publisher(project: project, asOf: day)
    publisher.explaining = [names[0]]
    publisher.preview = preview
    let result = publisher.publish(data: data)
    guard let publication = result.publication else {
        emit(result)
        printError("cannot explain: fix the errors above and run again")
        return 1
    }
    guard let explanation = Explanation(factory: names[0], issue: names.count == 2 ? names[1] : nil, publication: publication,
                                        evaluations: result.evaluations, project: project, factories: result.explainedFactories)
    else {
        throw UsageError("no factory `\(names[0])` in the factories table of `\(data)`", usage: usage)
    }
    print(format == "json" ? explanation.json().serialized() : explanation.text().safeForTerminal)
    return 0
}
