import Foundation
import Testing

/// The staff workflow end to end, with the real binary: test, validate, diff, publish, explain.
@Suite struct WorkflowTests {
    typealias CLI = CommandLineTests

    /// A copy of the shipped rules in a temporary folder, with small generated data beside them.
    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["rules", "countries"] {
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let sample = try CLI.run(["sample", "--seed", "3", "--scale", "0.1", "--out", "data"], in: folder)
        #expect(sample.status == 0, "\(sample.stderr)")
        return folder
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func failingExampleShowsExpectedRaisedAndWhy() throws {
        let folder = try Self.project()
        try Self.edit(folder.appendingPathComponent("countries/KH.disclose")) {
            $0 + "\nexample \"A locked exit that is not expected\"\n  on 2024-06-01\n  given OSH-EMR-02 no\n  expect nothing\n"
        }
        let run = try CLI.run(["test", "countries/KH.disclose"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("  FAIL  A locked exit that is not expected  (countries/KH.disclose:"))
        #expect(run.stdout.contains("        expected: nothing\n        raised:   KH-15"))
        #expect(run.stdout.contains("        + KH-15 raised because non-compliant: OSH-EMR-02"))
        #expect(run.stdout.contains(" failed"))
    }

    @Test func shippedExamplesPass() throws {
        let run = try CLI.run(["test"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func validateReportsAndExitsByFindings() throws {
        let shipped = try CLI.run(["validate"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains("KH (decided): 21 public issues"))
        let strict = try CLI.run(["validate", "--strict"])
        #expect(strict.status == 1, "drafts are warnings, which --strict refuses")
        let folder = try Self.project()
        try Self.edit(folder.appendingPathComponent("countries/KH-decisions.disclose")) {
            $0.replacingOccurrences(of: "status adopted", with: "status rejected")
        }
        let broken = try CLI.run(["validate", "KH", "--format", "json"], in: folder)
        #expect(broken.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any]
        let codes = (report?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("E801"))
    }

    /// A country publishes from its launch decision's day; a preview shows it before, marked.
    @Test func aCountryPublishesFromItsLaunch() throws {
        let folder = try Self.project()
        let out = folder.appendingPathComponent("out")
        let before = try CLI.run(["publish", "--data", "data", "--out", "out/public", "--as-of", "2025-06-30"], in: folder)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(!before.stderr.contains("BD: "), "Bangladesh is not launched")
        #expect(before.stderr.contains(" drafts left out (listed in the internal report; `--preview` shows them)"))
        let publicJSON = try String(contentsOf: out.appendingPathComponent("public/public/public.json"), encoding: .utf8)
        #expect(!publicJSON.contains("\"code\": \"BD\"") && !publicJSON.contains("\"preview\""))
        let internalJSON = try String(contentsOf: out.appendingPathComponent("public/internal/internal-report.json"), encoding: .utf8)
        #expect(internalJSON.contains("\"reason\": \"country-not-launched\""))

        let preview = try CLI.run(["publish", "--data", "data", "--out", "out/preview", "--as-of", "2025-06-30", "--preview"], in: folder)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stderr.hasPrefix("Draft: not for publication"))
        // The summary never calls a preview the folder to deploy.
        #expect(preview.stderr.contains("out/preview/public/ is a preview for the PAC: never deploy it"), "\(preview.stderr)")
        #expect(!preview.stderr.contains("folder to deploy"))
        let previewJSON = try String(contentsOf: out.appendingPathComponent("preview/public/public.json"), encoding: .utf8)
        #expect(previewJSON.contains("\"preview\": true") && previewJSON.contains("\"code\": \"BD\""))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("preview/public/preview-factories.csv").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("preview/public/public-factories.csv").path))
        let manifest = try String(contentsOf: out.appendingPathComponent("preview/disclose-output.json"), encoding: .utf8)
        #expect(manifest.contains("\"kind\": \"preview\""))
        // A preview never replaces public outputs unless told, nor the reverse.
        let overPublic = try CLI.run(["publish", "--data", "data", "--out", "out/public", "--as-of", "2025-06-30", "--preview"], in: folder)
        #expect(overPublic.status == 64, "\(overPublic.stderr)")
        let overPreview = try CLI.run(["publish", "--data", "data", "--out", "out/preview", "--as-of", "2025-06-30"], in: folder)
        #expect(overPreview.status == 64, "\(overPreview.stderr)")
        let told = try CLI.run(["publish", "--data", "data", "--out", "out/public", "--as-of", "2025-06-30", "--preview", "--replace-public"], in: folder)
        #expect(told.status == 0, "\(told.stderr)")

        // Vietnam's launch decision is dated 2015 (counted from 2015-12-31): not launched before.
        let early = try CLI.run(["validate", "VN", "--as-of", "2015-06-30"], in: folder)
        #expect(early.stdout.contains("public view on 2015-06-30: not launched by then (launched by VN-PAC-2015-01 on 2015-12-31)"), "\(early.stdout)")
        let late = try CLI.run(["validate", "VN", "--as-of", "2016-01-01"], in: folder)
        #expect(late.stdout.contains("public view on 2016-01-01: launched by VN-PAC-2015-01 on 2015-12-31; "), "\(late.stdout)")
    }

    @Test func diffShowsWhatAWithdrawalChangesOnThePortal() throws {
        let folder = try Self.project()
        let before = try CLI.run(["publish", "--data", "data", "--as-of", "2025-06-30"], in: folder)
        #expect(before.status == 0, "\(before.stderr)")
        let publication = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        // Withdraw the Vietnamese issue with the most non-compliant factories.
        let vn = (publication["countries"] as? [[String: Any]])?.first { $0["code"] as? String == "VN" }
        let figures = (vn?["figures"] as? [[String: Any]]) ?? []
        let top = try #require(figures.max { ($0["nonCompliantFactories"] as? Int ?? 0) < ($1["nonCompliantFactories"] as? Int ?? 0) })
        let issue = try #require(top["issue"] as? String)
        let count = top["nonCompliantFactories"] as? Int ?? 0
        try #require(count > 0, "the sample must have a non-compliant Vietnamese factory")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("rules"), to: folder.appendingPathComponent("old/rules"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("countries"), to: folder.appendingPathComponent("old/countries"))
        try Self.edit(folder.appendingPathComponent("countries/VN.disclose")) {
            $0 + "\nwithdraw issue \(issue)\n  reason \"test\"\n  decided by VN-PAC-2013-01\n  from 2013-12-31\n"
        }
        let diff = try CLI.run(["diff", "--before", "old", "--data", "data", "--as-of", "2025-06-30", "--format", "json"], in: folder)
        #expect(diff.status == 0, "\(diff.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changed = (report["factories"] as? [[String: Any]]) ?? []
        #expect(changed.filter { ($0["removedIssues"] as? [String])?.contains(issue) == true }.count == count)
        let moved = (report["issues"] as? [[String: Any]]) ?? []
        // Withdrawn, the issue is no longer public: its figure is gone (null), not 0.
        #expect(moved.contains { $0["issue"] as? String == issue && $0["before"] as? Int == count && $0["after"] is NSNull })
        let same = try CLI.run(["diff", "--before", "old", "--after", "old", "--data", "data", "--as-of", "2025-06-30"], in: folder)
        #expect(same.stdout.contains("\nno change on the portal\n"), "\(same.stdout)")
        #expect(same.stdout.contains("The two versions' rules are the same."), "\(same.stdout)")
    }

    @Test func baselineDiffListsReasonsAndDecisions() throws {
        let run = try CLI.run(["diff", "--baseline", "VN"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("withdrawn  UNION-CHOICE: no longer public from 2013-12-31"))
        #expect(run.stdout.contains("decided by VN-PAC-2013-01"))
    }

    @Test func publishWritesAllFilesAndExplainAnswersWhy() throws {
        let folder = try Self.project()
        let run = try CLI.run(["publish", "--data", "data", "--out", "out", "--as-of", "2025-06-30"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["public/public.json", "public/public-factories.csv", "public/public-findings.csv", "public/public-figures.csv",
                     "public/public-responses.csv", "internal/internal-report.json", "disclose-output.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(name)").path), "\(name) missing")
        }
        let again = try CLI.run(["publish", "--data", "data", "--out", "out2", "--as-of", "2025-06-30"], in: folder)
        #expect(again.status == 0)
        for name in ["public/public.json", "internal/internal-report.json", "public/public-factories.csv", "disclose-output.json"] {
            let first = try Data(contentsOf: folder.appendingPathComponent("out/\(name)"))
            let second = try Data(contentsOf: folder.appendingPathComponent("out2/\(name)"))
            #expect(first == second, "\(name) differs between two runs")
        }
        let publication = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/public/public.json"))) as? [String: Any])
        let factory = try #require((publication["countries"] as? [[String: Any]])?.compactMap { ($0["factories"] as? [[String: Any]])?.first { ($0["findings"] as? [Any])?.isEmpty == false } }.first)
        let id = try #require(factory["id"] as? String)
        let issue = try #require(((factory["findings"] as? [[String: Any]])?.first)?["issue"] as? String)
        let explain = try CLI.run(["explain", id, issue, "--data", "data", "--as-of", "2025-06-30"], in: folder)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("listed on the portal: non-compliant"))
        #expect(explain.stdout.contains("RAISED  \(issue)"))
        #expect(explain.stdout.contains("rule: "))
        let badData = try CLI.run(["publish", "--data", "no-such-folder"], in: folder)
        #expect(badData.status == 64)
    }
}
