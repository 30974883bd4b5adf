import Foundation
import Testing

/// `disclose diff` on the shipped sample, with the real binary, in a git repository: the
/// officer's change "add an issue from 2027-01-01 and withdraw one", committed, compared with
/// `--before last-change`. Golden text in `Golden/diff/`.
@Suite struct DiffTests {
    typealias CLI = CommandLineTests

    /// A git repository holding the shipped rules and the Vietnamese and Bangladeshi rows of
    /// the shipped sample, committed as shipped; then the officer's change, committed too:
    /// ELECTRICAL-SAFETY added from 2027-01-01 and CHEMICAL-STORAGE withdrawn from that day,
    /// both on a decision adopted on 2026-12-01.
    static func repository() throws -> URL {
        let folder = try ExplainTests.project()
        try git(["init", "-q"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-qm", "rules as shipped"], in: folder)
        try WorkflowTests.edit(folder.appendingPathComponent("countries/VN-decisions.disclose")) {
            $0 + """

            decision VN-PAC-2026-05
              title en "Electrical safety published; chemical storage reported at national level"
              status adopted
              on 2026-12-01
              source "PAC meeting of 1 December 2026"
              publishes ELECTRICAL-SAFETY
              withdraws CHEMICAL-STORAGE

            """
        }
        try WorkflowTests.edit(folder.appendingPathComponent("countries/VN.disclose")) {
            $0 + """

            issue ELECTRICAL-SAFETY
              title en "Electrical wiring not installed or maintained safely"
              title vi "Hệ thống điện không được lắp đặt hoặc bảo trì an toàn"
              category safety-and-health
              raised when OSH-PRO-06 is non-compliant
              decided by VN-PAC-2026-05
              from 2027-01-01

            withdraw issue CHEMICAL-STORAGE
              reason "Reported at national level from 2027"
              decided by VN-PAC-2026-05
              from 2027-01-01

            """
        }
        try git(["commit", "-qam", "VN: electrical safety from 2027, chemical storage withdrawn"], in: folder)
        return folder
    }

    /// Runs git with a fixed author and date, so that the same tree makes the same commit.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "init.defaultBranch=main", "-c", "user.name=Officer", "-c", "user.email=officer@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = "2026-12-02T09:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2026-12-02T09:00:00Z"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The run as the golden files hold it, the commit's hash written `COMMIT` (it depends on
    /// the shipped files, which other changes touch).
    static func transcript(_ arguments: [String], in folder: URL) throws -> String {
        let commit = try git(["rev-parse", "--short", "HEAD"], in: folder)
        return try ExplainTests.transcript(arguments, in: folder).replacingOccurrences(of: commit, with: "COMMIT")
    }

    @Test func whatIfNamesTheFactoriesThatGainAndLoseIssues() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["diff", "--before", "last-change", "--data", "data", "--what-if"]
        let text = try Self.transcript(arguments, in: folder)
        Golden.check(text, against: Golden.folder.appendingPathComponent("diff/what-if-add-one-withdraw-one.txt"))
        #expect(text.contains("exit status 0"))
        #expect(text.contains("; gains ELECTRICAL-SAFETY"))
        #expect(text.contains("; loses CHEMICAL-STORAGE"))
        #expect(text.contains("  issue CHEMICAL-STORAGE: no longer public (2 non-compliant factories before)"))
        // After the commit, HEAD holds the change: compared with itself, nothing shows.
        let itself = try CLI.run(["diff", "--before", "HEAD", "--data", "data", "--what-if"], in: folder)
        #expect(itself.stdout.contains("\nno change on the portal\n"), "\(itself.stdout)")
        #expect(itself.stdout.contains("The two versions' rules are the same. After you commit a change, `--before last-change` compares with the rules before it."))
    }

    @Test func thePortalBeforeTheChangeSaysWhyItDoesNotShowYet() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, day) in [("portal-before-the-change-takes-effect", "2025-06-30"), ("portal-after-the-change-takes-effect", "2027-01-02")] {
            let text = try Self.transcript(["diff", "--before", "last-change", "--data", "data", "--as-of", day], in: folder)
            Golden.check(text, against: Golden.folder.appendingPathComponent("diff/\(name).txt"))
            #expect(!text.contains(": 0 -> 0 "))
        }
    }

    /// Uncommitted edits: `last-change` is HEAD; a reworded title and a factory no longer
    /// listed, with its reason, count as changes.
    @Test func titlesAndUnlistedFactoriesCountAsChanges() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try WorkflowTests.edit(folder.appendingPathComponent("countries/VN-decisions.disclose")) {
            $0 + "\ndecision VN-PAC-2026-06\n  title en \"Union interference reworded; listed from the third assessment\"\n  status adopted\n"
                + "  on 2015-12-31\n  rewords UNION-INTERFERENCE\n  covers minimum-assessments\n"
        }
        try WorkflowTests.edit(folder.appendingPathComponent("countries/VN.disclose")) {
            $0 + "\nchange issue UNION-INTERFERENCE\n  title en \"Employer interference in the union or control of it\"\n  reason \"Clearer wording\"\n"
                + "  decided by VN-PAC-2026-06\n  from 2015-12-31\n\nchange policy minimum-assessments\n  value 3\n  reason \"Listed from the third assessment\"\n"
                + "  decided by VN-PAC-2026-06\n  from 2015-12-31\n"
        }
        let text = try Self.transcript(["diff", "--before", "last-change", "--data", "data", "--as-of", "2025-06-30"], in: folder)
        Golden.check(text, against: Golden.folder.appendingPathComponent("diff/title-reworded-and-factories-unlisted.txt"))
        #expect(text.contains("  before: HEAD, the last commit (the working folder's rules have uncommitted changes)"))
        #expect(text.contains("title en of UNION-INTERFERENCE: "))
        #expect(text.contains("-> not listed (not listed: 2 finalised assessments; factories are listed from 3)"))
    }

    /// `--before DIR`: a heading's title reworded in Cambodia is a change, though no factory
    /// or figure changes.
    @Test func aHeadingRewordedIsAChange() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["rules", "countries"] {
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent("old/\(name)"))
        }
        for table in ["factories.csv", "assessments.csv", "answers.csv"] {
            let lines = try String(contentsOf: Golden.packageRoot.appendingPathComponent("examples/sample/\(table)"), encoding: .utf8).split(separator: "\n")
            try ([lines[0]] + lines.dropFirst().filter { $0.hasPrefix("KH-") }).joined(separator: "\n").appending("\n")
                .write(to: folder.appendingPathComponent("data/\(table)"), atomically: true, encoding: .utf8)
        }
        try WorkflowTests.edit(folder.appendingPathComponent("countries/KH.disclose")) {
            $0.replacingOccurrences(of: "  title en \"Fundamental Rights\"", with: "  title en \"Fundamental rights at work\"")
        }
        let text = try ExplainTests.transcript(["diff", "--before", "old", "--data", "data", "--as-of", "2025-06-30"], in: folder)
        Golden.check(text, against: Golden.folder.appendingPathComponent("diff/heading-reworded.txt"))
        #expect(text.contains("  title en of heading KH-FUNDAMENTAL-RIGHTS: \"Fundamental Rights\" -> \"Fundamental rights at work\""))
    }

    /// What cannot be asked is said before any work: `--what-if` has no day, and
    /// `last-change` needs a git repository.
    @Test func usageErrorsSayWhatToDo() throws {
        let folder = try CommandLineTests.temporaryProject(["rules/a.disclose": "", "countries/b.disclose": "", "data/factories.csv": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let both = try CLI.run(["diff", "--before", "HEAD", "--data", "data", "--what-if", "--as-of", "2025-06-30"], in: folder)
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: `--what-if` judges under the latest rules of each version, whatever the day: leave out `--as-of`\n"), "\(both.stderr)")
        let notGit = try CLI.run(["diff", "--before", "last-change", "--data", "data"], in: folder)
        #expect(notGit.status == 64)
        #expect(notGit.stderr.contains("`--before last-change` needs `"), "\(notGit.stderr)")
        #expect(notGit.stderr.contains("` to be a git repository"), "\(notGit.stderr)")
    }
}
