@testable import Disclose
@testable import DisclosePortal
@testable import DiscloseSample
import Foundation
import Testing

/// Helpers of the hardening tests: checking rule files held in memory, running the real
/// binary with a time and memory limit, and temporary folders.
enum Hardening {
    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    // MARK: Rule files

    /// Checks `entry` among in-memory files under the root `/p` (paths shown relative to it).
    static func check(_ files: [String: [UInt8]], entry: String = "/p/rules/entry.disclose") -> CheckResult {
        var access = MemoryFileAccess([:])
        access.files = files
        return Checker.check(entry: entry, root: "/p", access: access, displayBase: "/p")
    }

    /// Checks in-memory text files.
    static func check(texts: [String: String], entry: String = "/p/rules/entry.disclose") -> CheckResult {
        check(texts.mapValues { Array($0.utf8) }, entry: entry)
    }

    /// Each diagnostic as `CODE message`, in output order.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.code) \($0.message)" }
    }

    /// Where a diagnostic points, as `path:line:column`.
    static func location(_ diagnostic: Diagnostic) -> String {
        guard let range = diagnostic.range else { return "-" }
        let (line, column) = range.file.location(of: range.span.start)
        return "\(range.file.path):\(line):\(column)"
    }

    // MARK: Folders

    /// A new empty folder under the temporary folder; removed by the caller.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-hardening-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → bytes) under `folder`.
    static func write(_ files: [String: [UInt8]], under folder: URL) throws {
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Every file under `folder` (relative path → bytes), hidden ones included.
    static func contents(of folder: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        for name in names {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                files[name] = [UInt8](data)
            }
        }
        return files
    }

    /// Sample data for every publishing country, written as CSV under `folder`.
    static func sampleData(in folder: URL, seed: UInt64, scale: Double) throws {
        let data = try SampleData(seed: seed, scale: scale).generate(rulesRoot: Hardening.root.path)
        try Hardening.write(Dictionary(uniqueKeysWithValues: data.files(format: .csv).map { ($0.name, Array($0.contents.utf8)) }), under: folder)
    }

    // MARK: Data

    /// The base data of the data tests: the golden case `responses-published-and-held`
    /// (Cambodia, one factory shown with two findings, published and held responses).
    static let baseCase = Hardening.root.appendingPathComponent("Tests/DiscloseTests/Golden/publish/responses-published-and-held")
    static let baseAsOf = Day(year: 2024, month: 6, day: 1)!

    /// The base tables as text, by file name.
    static func baseTables() throws -> [String: String] {
        var tables: [String: String] = [:]
        for name in ["factories.csv", "assessments.csv", "answers.csv", "responses.csv"] {
            tables[name] = try String(contentsOf: baseCase.appendingPathComponent(name), encoding: .utf8)
        }
        return tables
    }

    struct Outcome {
        var result: PublishResult
        var publicJSON: String
        var csv: [(name: String, text: String)]
        var html: [(name: String, text: String)]
        var publication: Publication? { result.publication }
        var summary: [String] { Hardening.summary(result.diagnostics) }
    }

    /// Publishes the tables (file name → bytes) from a temporary folder, as of 2024-06-01.
    static func publish(_ tables: [String: [UInt8]]) throws -> Outcome {
        let folder = try Hardening.temporaryFolder("data")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Hardening.write(tables, under: folder)
        var publisher = Publisher(project: Hardening.root.path, asOf: baseAsOf)
        publisher.displayBase = folder.path
        let result = publisher.publish(data: folder.path)
        guard let publication = result.publication else { return Outcome(result: result, publicJSON: "", csv: [], html: []) }
        return Outcome(result: result, publicJSON: PublicationExport.publicJSON(publication).serialized(),
                       csv: PublicationExport.publicCSV(publication), html: PortalSite.pages(publication))
    }

    /// The base tables with `change` applied to the text of one of them.
    static func publish(changing name: String, _ change: (String) -> String) throws -> Outcome {
        var tables = try baseTables()
        tables[name] = change(tables[name]!)
        return try publish(tables.mapValues { Array($0.utf8) })
    }

    // MARK: The real binary

    /// The `disclose` binary built with the tests.
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("disclose"),
            root.appendingPathComponent(".build/debug/disclose"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    struct Run {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        /// True when the run was stopped at the time limit.
        var timedOut: Bool
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `disclose` with `arguments` in `folder`, stopping it after `seconds` and giving it at
    /// most `memoryMB` of address space, so that a hang or a runaway allocation fails the test
    /// instead of the machine. Output goes through files, so no pipe can fill up.
    static func run(_ arguments: [String], in folder: URL = root, environment: [String: String] = [:],
                    seconds: Double = 60, memoryMB: Int = 4096, replacingEnvironment: Bool = false, killAtOnce: Bool = false) throws -> Run {
        let scratch = try temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryMB * 1024) 2>/dev/null; exec \"$0\" \"$@\"", binary.path] + arguments
        process.currentDirectoryURL = folder
        var env = replacingEnvironment ? ["PATH": "/usr/bin:/bin"] : ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                // SIGTERM may be blocked in a test runner (a blocked signal stays blocked across
                // exec): `killAtOnce` sends SIGKILL straight away, as a crash or power cut would.
                if !killAtOnce {
                    process.terminate()
                    Thread.sleep(forTimeInterval: 0.5)
                }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        let stdout = (try? Data(contentsOf: out)).map { [UInt8]($0) } ?? []
        let stderr = (try? Data(contentsOf: err)).map { String(decoding: $0.prefix(4 << 20), as: UTF8.self) } ?? ""
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }
}

extension SampleRandom {
    /// A whole number in `0..<bound` (0 when `bound` is 0), from the library's seeded
    /// generator: the same numbers on every machine and run.
    mutating func below(_ bound: Int) -> Int { int(0...max(0, bound - 1)) }
}

/// Reads RFC 4180 CSV strictly, as a spreadsheet would: the records, each a list of fields.
/// Nil when the text is not well formed (a stray quote, an unclosed quote).
func strictCSVRecords(_ text: String) -> [[String]]? {
    let bytes = Array(text.utf8)
    var records: [[String]] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var index = 0
    var atFieldStart = true
    while index < bytes.count {
        let byte = bytes[index]
        if atFieldStart, byte == 0x22 {
            index += 1
            while true {
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 { field.append(0x22); index += 2; continue }
                    index += 1
                    break
                }
                field.append(bytes[index])
                index += 1
            }
            atFieldStart = false
            guard index == bytes.count || bytes[index] == 0x2C || bytes[index] == 0x0D || bytes[index] == 0x0A else { return nil }
            continue
        }
        switch byte {
        case 0x2C:
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            atFieldStart = true
            index += 1
        case 0x0D, 0x0A:
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            records.append(fields)
            fields = []
            atFieldStart = true
            index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
        case 0x22:
            return nil
        default:
            field.append(byte)
            atFieldStart = false
            index += 1
        }
    }
    if !atFieldStart || !field.isEmpty || !fields.isEmpty {
        fields.append(String(decoding: field, as: UTF8.self))
        records.append(fields)
    }
    return records
}

// MARK: Output folders

extension Hardening {
    /// The names in `folder`, hidden ones included, sorted.
    static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// A folder's files as `path bytes sha256` lines, sorted: compared instead of the contents,
    /// so that a failure shows which files differ rather than every byte.
    static func fingerprint(_ folder: URL) -> [String] {
        contents(of: folder).map { path, bytes in
            var hash = SHA256()
            hash.update(bytes)
            return "\(path) \(bytes.count) \(hash.hexDigest())"
        }.sorted()
    }

    /// The permission bits of a file or folder.
    static func mode(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
    }

    /// How the files in `folder` differ from what its `disclose-output.json` lists (names,
    /// sizes, SHA-256); empty when they agree.
    static func manifestProblems(_ folder: URL) -> [String] {
        var files = contents(of: folder)
        guard let bytes = files.removeValue(forKey: OutputManifest.fileName), let manifest = OutputManifest(json: bytes) else {
            return ["no readable \(OutputManifest.fileName)"]
        }
        var problems: [String] = []
        for entry in manifest.files {
            guard let contents = files.removeValue(forKey: entry.path) else { problems.append("missing: \(entry.path)"); continue }
            var hash = SHA256()
            hash.update(contents)
            if contents.count != entry.bytes || hash.hexDigest() != entry.sha256 { problems.append("differs: \(entry.path)") }
        }
        problems += files.keys.sorted().map { "not listed: \($0)" }
        return problems
    }
}
