import Foundation
import Testing

/// Runs the real `disclose` binary and checks stdout, stderr and exit status together.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("disclose"),
            Golden.packageRoot.appendingPathComponent(".build/debug/disclose"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    static func run(_ arguments: [String], input: String? = nil, in folder: URL = Golden.packageRoot, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryProject(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-e2e-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func checksShippedRulesCleanly() throws {
        let run = try Self.run(["check", "rules", "countries"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("no problems") || !run.stderr.contains("error["))
    }

    @Test func reportsErrorsWithLineAndColumnAndExitsOne() throws {
        let project = try Self.temporaryProject(["rules/a.disclose": "issue X\n  titel en \"x\"\n"])
        let run = try Self.run(["check"], in: project)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error[E202]: expected a clause of `issue`, found `titel`"))
        #expect(run.stderr.contains("--> rules/a.disclose:2:3"))
        #expect(run.stderr.contains("help: did you mean `title`?"))
        #expect(!run.stderr.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func jsonAndSarifGoToStdout() throws {
        let project = try Self.temporaryProject(["rules/a.disclose": "issue X\n  titel en \"x\"\n"])
        let json = try Self.run(["check", "--format", "json"], in: project)
        #expect(json.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["code"] as? String == "E202")
        let sarif = try Self.run(["check", "--format", "sarif"], in: project)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let runs = log?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]]
        #expect(results?.first?["ruleId"] as? String == "E202")
    }

    @Test func usageErrorsExit64WithSuggestion() throws {
        let typo = try Self.run(["chek"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command `chek` (did you mean `check`?)"))
        #expect(typo.stderr.contains("Usage:"))
        let format = try Self.run(["check", "--format", "xml"])
        #expect(format.status == 64)
        let missing = try Self.run(["check", "no/such/folder"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no such file or folder: `no/such/folder`"))
    }

    /// `disclose sample` outside a project says where it looked and how to name the rules.
    @Test func sampleOutsideAProjectSaysWhatToDo() throws {
        let folder = try Self.temporaryProject(["notes.txt": "not a project\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["sample", "--out", "data"], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("no country files (such as VN.disclose) in"), "\(run.stderr)")
        #expect(run.stderr.contains("or name it with --rules DIR"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data").path))
    }

    /// The summary after a publish counts in words a person would write: "1 factory".
    @Test func publishSummaryCountsInPlainWords() throws {
        let folder = try Self.temporaryProject(["notes.txt": "scratch\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Golden.packageRoot.appendingPathComponent("Tests/DiscloseTests/Golden/publish/responses-published-and-held").path
        let run = try Self.run(["publish", "--data", data, "--out", folder.appendingPathComponent("out").path, "--as-of", "2024-06-01",
                                "--rules", Golden.packageRoot.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("KH: 1 factory listed (0 compliant, 1 non-compliant, 0 refusing)\n"), "\(run.stderr)")
    }

    @Test func helpExplainsACode() throws {
        let run = try Self.run(["help", "e301"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("E301 (error): unknown id"))
        let unknown = try Self.run(["help", "E3O1"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean `E301`?"))
        let list = try Self.run(["help"])
        #expect(list.stdout.contains("W601"))
    }

    @Test func formatCheckNamesFilesAndFormatRewritesThem() throws {
        let project = try Self.temporaryProject(["rules/a.disclose": "cluster   X\n    title en \"x\"\n"])
        let check = try Self.run(["fmt", "--check"], in: project)
        #expect(check.status == 1)
        #expect(check.stdout.contains("a.disclose"))
        let write = try Self.run(["fmt"], in: project)
        #expect(write.status == 0)
        #expect(try String(contentsOf: project.appendingPathComponent("rules/a.disclose"), encoding: .utf8) == "cluster X\n  title en \"x\"\n")
        let again = try Self.run(["fmt", "--check"], in: project)
        #expect(again.status == 0)
        let stdin = try Self.run(["fmt", "-"], input: "cluster X\ntitle en \"x\"")
        #expect(stdin.stdout == "cluster X\n  title en \"x\"\n")
    }

    @Test func noColorEvenWhenForced() throws {
        let run = try Self.run(["chek"], environment: ["NO_COLOR": "1"])
        #expect(!run.stderr.contains("\u{1B}["))
    }

    /// `publish` run from a folder without rules says where it looked and what to do, rather
    /// than asking to add each country's file.
    @Test func publishOutsideAProjectSaysWhereItLookedForRules() throws {
        let folder = try Self.temporaryProject(["notes.txt": "not a project"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Golden.packageRoot.appendingPathComponent("examples/sample").path
        let run = try Self.run(["publish", "--data", sample, "--out", "out", "--as-of", "2025-06-30"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no rules for country `KH`"))
        #expect(run.stderr.contains("run `disclose` from the folder that holds `rules/` and `countries/`, or give it with `--rules DIR`"), "\(run.stderr.prefix(600))")
        #expect(!run.stderr.contains("or add countries/"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
