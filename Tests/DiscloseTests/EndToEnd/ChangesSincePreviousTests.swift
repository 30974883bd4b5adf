import Disclose
import Foundation
import Testing

/// What changed on the portal since the previous publication into the same output folder:
/// `internal/listing.json` kept by each run, `internal/changes.txt` written by the next.
@Suite struct ChangesSincePreviousTests {
    typealias Factory = PublicListing.Factory

    static func listing(_ asOf: String, _ factories: [String: Factory], titles: [String: [String: String]]) -> PublicListing {
        PublicListing(asOf: asOf, countries: ["VN": PublicListing.Country(factories: factories, titles: titles)])
    }

    /// Each kind of change, one line each, in the order of factories then issues.
    @Test func everyKindOfChangeIsOneLine() {
        let before = Self.listing("2025-01-01", [
            "VN-1": Factory(name: "One", status: "compliant", issues: []),
            "VN-2": Factory(name: "Two", status: "non-compliant", issues: ["A", "B"]),
            "VN-3": Factory(name: "Three", status: "compliant", issues: []),
        ], titles: ["A": ["en": "Old words"], "B": ["en": "B"], "C": ["en": "C"]])
        let after = Self.listing("2025-06-30", [
            "VN-1": Factory(name: "One", status: "compliant", issues: []),
            "VN-2": Factory(name: "Two", status: "non-compliant", issues: ["A", "D"]),
            "VN-4": Factory(name: "Four", status: "refused", issues: []),
        ], titles: ["A": ["en": "New words"], "B": ["en": "B"], "D": ["en": "D"]])
        let changes = PublicChanges(from: before, to: after)
        #expect(changes.lines == [
            "VN: factory VN-2 (Two) non-compliant (2) -> non-compliant (2); gains D; loses B",
            "VN: factory VN-3 (Three) no longer listed (was compliant)",
            "VN: factory VN-4 (Four) now listed: refused",
            "VN: issue A title (en) reworded: \"Old words\" -> \"New words\"",
            "VN: issue C no longer public",
            "VN: issue D now public",
        ])
        #expect(PublicChanges(from: after, to: after).lines == [])
        #expect(PublicChanges(from: after, to: after).text().hasSuffix("no change\n"))
        var preview = after
        preview.preview = true
        #expect(PublicChanges(from: after, to: preview).text().contains("This one is a preview (drafts included), the previous one was not"))
        #expect(!PublicChanges(from: after, to: after).text().contains("preview"))
    }

    /// A listing reads back as it was written; anything else is not taken for one.
    @Test func listingReadsBackAndNothingElseDoes() {
        let listing = Self.listing("2025-06-30", ["VN-1": Factory(name: "One", status: "compliant", issues: [])], titles: [:])
        #expect(PublicListing.read(listing.serialized()) == listing)
        #expect(PublicListing.read(Array("{}".utf8)) == nil)
        #expect(PublicListing.read(Array(listing.serialized().dropLast(20))) == nil)
        #expect(listing.serialized() == listing.serialized())
    }

    /// The real binary, twice into one folder: the first run says nothing of changes and leaves
    /// its listing; the second writes `changes.txt` and says how many changes in its summary.
    @Test func secondPublicationIntoAFolderSaysWhatChanged() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-changes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let sample = Golden.packageRoot.appendingPathComponent("examples/sample").path
        let first = try CommandLineTests.run(["publish", "--data", sample, "--out", out.path, "--as-of", "2024-06-30"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stderr.contains("since the previous publication"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("internal/listing.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("internal/changes.txt").path))

        let second = try CommandLineTests.run(["publish", "--data", sample, "--out", out.path, "--as-of", "2025-06-30"])
        #expect(second.status == 0, "\(second.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("internal/changes.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst()
        #expect(second.stderr.contains("since the previous publication (as of 2024-06-30): \(lines.count) changes on the portal, listed in \(out.path)/internal/changes.txt"))
        #expect(text.hasPrefix("What changed on the portal since the previous publication in this folder (as of 2024-06-30), now as of 2025-06-30:\n"))
        // A factory of the sample first shown after mid-2024: listed now, not before.
        #expect(lines.contains { $0.hasPrefix("  KH: factory KH-0001 ") && $0.contains("now listed") })
        // Internal: the owner's alone, like the report, and never in the folder to deploy.
        let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("internal/changes.txt").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        let deployed = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("public").path)
        #expect(!deployed.contains { $0.hasPrefix("listing") || $0.hasPrefix("changes") })

        let third = try CommandLineTests.run(["publish", "--data", sample, "--out", out.path, "--as-of", "2025-06-30"])
        #expect(third.stderr.contains("since the previous publication (as of 2025-06-30): no change on the portal"), "\(third.stderr)")
    }

    /// A preview site made over an earlier publication shows the changes as a page linked from
    /// its start page, for the PAC; the public site never has the page.
    @Test func aPreviewSiteShowsTheChangesAsAPage() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-changes-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let sample = Golden.packageRoot.appendingPathComponent("examples/sample").path
        var last = ""
        for asOf in ["2024-06-30", "2025-06-30"] {
            let run = try CommandLineTests.run(["publish", "--data", sample, "--out", out.path, "--as-of", asOf, "--format", "html", "--preview"])
            #expect(run.status == 0, "\(run.stderr)")
            last = run.stderr
        }
        // The count the summary gives is the pages and assets deployed, not the internal files.
        let deployed = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("public").path).count
        #expect(last.contains("the portal: \(deployed) files; open "), "\(last)")
        let page = try String(contentsOf: out.appendingPathComponent("public/changes.html"), encoding: .utf8)
        let changes = try String(contentsOf: out.appendingPathComponent("internal/changes.txt"), encoding: .utf8)
        let lines = changes.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(!lines.isEmpty)
        #expect(page.components(separatedBy: "<li>").count - 1 >= lines.count)
        #expect(page.contains("From the publication as of 2024-06-30 to this one, as of 2025-06-30."))
        let home = try String(contentsOf: out.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("\(lines.count) changes since the previous publication (as of 2024-06-30). <a href=\"changes.html\">"))

        let site = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-changes-public-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        for asOf in ["2024-06-30", "2025-06-30"] {
            let run = try CommandLineTests.run(["publish", "--data", sample, "--out", site.path, "--as-of", asOf, "--format", "html"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("internal/changes.txt").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public/changes.html").path))
        #expect(!(try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)).contains("changes.html"))
    }
}
