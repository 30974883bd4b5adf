import Foundation
import Testing

/// `disclose explain` for every factory of the data, with the real binary: each says why the
/// factory is, or is not, listed. Golden text in `Golden/explain/`.
@Suite struct ExplainTests {
    typealias CLI = CommandLineTests

    /// The shipped rules and the shipped sample's Vietnamese and Bangladeshi rows (Bangladesh
    /// is not launched), in a temporary folder, with two factories added: one never visited,
    /// one that refused its only visit.
    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["rules", "countries"] {
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let added = [
            "factories.csv": "VN-9001,Factory With No Visit,garment,VN,,,,\nVN-9002,Factory That Refused,garment,VN,,,,\n",
            "assessments.csv": "VN-9002-01,VN-9002,2025-03-01,,1,refused,none,,\n",
        ]
        // Responses are optional, and their quoted texts may span lines: left out.
        for table in ["factories.csv", "assessments.csv", "answers.csv"] {
            let text = try String(contentsOf: Golden.packageRoot.appendingPathComponent("examples/sample/\(table)"), encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let header = lines.removeFirst()
            let kept = lines.filter { $0.hasPrefix("VN-") || $0.hasPrefix("BD-") }
            try ([String(header)] + kept.map(String.init)).joined(separator: "\n").appending("\n").appending(added[table] ?? "")
                .write(to: folder.appendingPathComponent("data/\(table)"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A run as the golden files hold it: the command, its exit status, stdout and stderr.
    static func transcript(_ arguments: [String], in folder: URL) throws -> String {
        let run = try CLI.run(arguments, in: folder, environment: ["NO_COLOR": "1"])
        return "$ disclose \(arguments.joined(separator: " "))\nexit status \(run.status)\n--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
    }

    @Test(arguments: [
        ("no-assessment", ["explain", "VN-9001", "--data", "data", "--as-of", "2025-06-30"]),
        ("refusal-only", ["explain", "VN-9002", "--data", "data", "--as-of", "2025-06-30"]),
        ("first-assessment-only", ["explain", "VN-0010", "--data", "data", "--as-of", "2025-06-30"]),
        ("assessed-after-as-of", ["explain", "VN-0015", "--data", "data", "--as-of", "2025-06-30"]),
        ("country-not-launched", ["explain", "BD-0003", "--data", "data", "--as-of", "2025-06-30"]),
        ("not-in-the-data", ["explain", "VN-9999", "--data", "data", "--as-of", "2025-06-30"]),
    ])
    func everyFactoryOfTheDataIsExplained(name: String, arguments: [String]) throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        Golden.check(try Self.transcript(arguments, in: folder), against: Golden.folder.appendingPathComponent("explain/\(name).txt"))
    }

    /// An issue withdrawn by the as-of day is marked, and the count of public issues agrees
    /// with the issues marked RAISED.
    @Test func anIssueWithdrawnSinceTheAssessmentIsMarkedAndNotCounted() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try WorkflowTests.edit(folder.appendingPathComponent("countries/VN-decisions.disclose")) {
            $0 + "\ndecision VN-PAC-2026-04\n  title en \"Chemical storage reported at national level\"\n  status adopted\n  on 2026-12-01\n"
                + "  source \"PAC meeting of 1 December 2026\"\n  withdraws CHEMICAL-STORAGE\n"
        }
        try WorkflowTests.edit(folder.appendingPathComponent("countries/VN.disclose")) {
            $0 + "\nwithdraw issue CHEMICAL-STORAGE\n  reason \"Reported at national level from 2027\"\n  decided by VN-PAC-2026-04\n  from 2027-01-01\n"
        }
        let arguments = ["explain", "VN-0014", "--data", "data", "--as-of", "2027-01-02"]
        let text = try Self.transcript(arguments, in: folder)
        Golden.check(text, against: Golden.folder.appendingPathComponent("explain/issue-withdrawn-since-the-assessment.txt"))
        let listed = text.split(separator: "\n").first { $0.hasPrefix("listed on the portal: non-compliant on ") }
        let count = listed.flatMap { Int($0.split(separator: " ")[6]) }
        #expect(count == text.split(separator: "\n").filter { $0.hasPrefix("  RAISED  ") }.count)
        #expect(text.contains("  RAISED, NOT SHOWN  CHEMICAL-STORAGE"))
    }
}
