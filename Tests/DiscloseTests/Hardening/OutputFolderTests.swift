@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// `publish --out` writes only where nothing can be lost: never into or above the data, the
    /// rules or the working folder, never over a file, a mount point or someone else's folder;
    /// and the internal report never goes where the public files go.
    @Suite struct OutputFolderTests {
        /// A folder named by `--out` that must be refused, and the start of the headline that says why.
        struct Refusal: Sendable, CustomTestStringConvertible {
            var name: String
            var out: String
            var headline: String
            /// The working folder, inside the test's folder (which holds `project/`).
            var working = "project"
            var rules = "."
            var data = "data"
            var prepare: @Sendable (URL) throws -> Void = { _ in }
            var testDescription: String { name }
        }

        static let refusals: [Refusal] = [
            Refusal(name: "the working folder (--out .)", out: ".", headline: "`.` is the working folder; publishing there would replace it"),
            Refusal(name: "an empty name", out: "", headline: "the output folder's name is empty"),
            Refusal(name: "the data folder", out: "data", headline: "`data` is the data folder"),
            Refusal(name: "the data folder by another path", out: "data/../data/.", headline: "`data/../data/.` is the data folder"),
            Refusal(name: "a link to the data folder", out: "link", headline: "`link` is the data folder", prepare: { project in
                try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("link").path, withDestinationPath: "data")
            }),
            Refusal(name: "inside the data folder", out: "data/out", headline: "`data/out` is inside the data folder"),
            Refusal(name: "the parent of the working folder", out: "..", headline: "`..` holds the data folder"),
            Refusal(name: "the parent of the data folder", out: "exports", headline: "`exports` holds the data folder", data: "exports/data", prepare: { project in
                try Hardening.write(["exports/data/factories.csv": Array("factory_id\n".utf8)], under: project)
            }),
            Refusal(name: "the rules root", out: "project", headline: "`project` is the project folder (the rules root, `--rules`)", working: ".",
                    rules: "project", data: "project/data"),
            Refusal(name: "inside rules/", out: "rules/out", headline: "`rules/out` is inside the rule files' folder"),
            Refusal(name: "countries/", out: "countries", headline: "`countries` is the rule files' folder"),
            Refusal(name: "a file", out: "notes.txt", headline: "`notes.txt` is a file, not a folder", prepare: { project in
                try Data("my notes\n".utf8).write(to: project.appendingPathComponent("notes.txt"))
            }),
            Refusal(name: "a folder of someone else's", out: "site", headline: "`site` holds files disclose did not write (`index.html`, `notes.txt`)", prepare: { project in
                try Hardening.write(["site/index.html": Array("<p>mine</p>".utf8), "site/notes.txt": Array("mine".utf8)], under: project)
            }),
            Refusal(name: "an output folder with a file added", out: "out", headline: "`out` holds files disclose did not write (`public/notes.txt`)", prepare: { project in
                _ = try OutputFolder("out", kind: .public, data: "data", project: ".", working: project.path).replace(with: [file("public/public.json", "{}")])
                try Data("mine".utf8).write(to: project.appendingPathComponent("out/public/notes.txt"))
            }),
            Refusal(name: "a folder of a preview", out: "out", headline: "`out` holds a preview, and this run writes public outputs", prepare: { project in
                _ = try OutputFolder("out", kind: .preview, data: "data", project: ".", working: project.path).replace(with: [file("public/public.json", "{}")])
            }),
        ]

        static func file(_ path: String, _ text: String) -> OutputFile {
            OutputFile(path) { try $0.write(contentsOf: Array(text.utf8)) }
        }

        /// A folder holding `project/`, with `rules/`, `countries/` and `data/` of stand-in files:
        /// every refusal comes before anything is read, and one that failed would cost only these.
        static func project() throws -> URL {
            let folder = try Hardening.temporaryFolder("out-refused")
            try Hardening.write(["project/rules/baseline.disclose": Array("# stand-in\n".utf8), "project/countries/KH.disclose": Array("# stand-in\n".utf8),
                                 "project/data/factories.csv": Array("factory_id\n".utf8)], under: folder)
            return folder
        }

        /// A folder with the base data (`data/`), published with the shipped rules.
        static func baseData() throws -> URL {
            let folder = try Hardening.temporaryFolder("out-layout")
            try Hardening.write(try Hardening.baseTables().mapValues { Array($0.utf8) }, under: folder.appendingPathComponent("data"))
            return folder
        }

        /// Every path under `folder` (links not followed) with its file's bytes.
        static func snapshot(_ folder: URL) -> [String] {
            let paths = ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted()
            return paths + Hardening.fingerprint(folder)
        }

        /// Each refusal exits 64 with the headline and a help line before any work, and changes
        /// nothing: no file, folder or lock appears or goes anywhere in the test's folder.
        @Test(arguments: refusals) func outputFolderThatWouldLoseSomethingIsRefused(_ refusal: Refusal) throws {
            let folder = try Self.project()
            defer { try? FileManager.default.removeItem(at: folder) }
            try refusal.prepare(folder.appendingPathComponent("project"))
            let before = Self.snapshot(folder)
            let run = try Hardening.run(["publish", "--data", refusal.data, "--rules", refusal.rules, "--out", refusal.out, "--as-of", "2024-06-30"],
                                        in: folder.appendingPathComponent(refusal.working), seconds: 120)
            #expect(run.status == 64, "\(run.stderr.suffix(400))")
            #expect(run.stderr.contains("Error: " + refusal.headline), "\(run.stderr.suffix(400))")
            #expect(run.stderr.contains("\nhelp: "), "\(run.stderr.suffix(400))")
            #expect(!run.stderr.contains("factories listed"), "the refusal came after the work")
            #expect(Self.snapshot(folder) == before)
        }

        /// A mount point cannot be renamed (EBUSY): it is refused plainly, and nothing is written
        /// beside it. `/proc` is one on every Linux system.
        @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mountinfo")))
        func mountPointIsRefusedPlainly() throws {
            let folder = try Self.project()
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try Hardening.run(["publish", "--data", "data", "--rules", ".", "--out", "/proc", "--as-of", "2024-06-30"],
                                        in: folder.appendingPathComponent("project"))
            #expect(run.status == 64)
            #expect(run.stderr.contains("Error: `/proc` is a mount point; name a folder inside it\nhelp: "), "\(run.stderr.suffix(400))")
            #expect(!FileManager.default.fileExists(atPath: "/.proc.disclose-lock"))
            #expect(!FileManager.default.fileExists(atPath: "/.proc.disclose-staging"))
        }

        /// A folder that holds a preview is replaced when the run is told it may be.
        @Test func replacePreviewFlagReplacesAPreview() throws {
            let project = try Self.baseData()
            defer { try? FileManager.default.removeItem(at: project) }
            _ = try OutputFolder("out", kind: .preview, data: "data", project: Hardening.root.path, working: project.path).replace(with: [Self.file("public/public.json", "{}")])
            let run = try Hardening.run(["publish", "--data", "data", "--rules", Hardening.root.path, "--out", "out", "--as-of", "2024-06-01", "--replace-preview"],
                                        in: project, seconds: 120)
            #expect(run.status == 0, "\(run.stderr.suffix(400))")
            let manifest = try #require(OutputManifest(json: [UInt8](Data(contentsOf: project.appendingPathComponent("out/disclose-output.json")))))
            #expect(manifest.kind == .public)
            #expect(Hardening.manifestProblems(project.appendingPathComponent("out")).isEmpty)
        }

        /// Every format puts the public files, and only them, under `public/`, and the internal
        /// report under `internal/`, the owner's alone (0700, 0600); the manifest lists them all
        /// and matches the disk; the summary says which folder to deploy.
        @Test(arguments: ["json", "csv", "html"]) func internalReportIsKeptApartFromThePublicFolder(_ format: String) throws {
            let project = try Self.baseData()
            defer { try? FileManager.default.removeItem(at: project) }
            let run = try Hardening.run(["publish", "--data", "data", "--rules", Hardening.root.path, "--out", "out", "--as-of", "2024-06-01", "--format", format],
                                        in: project, seconds: 120)
            #expect(run.status == 0, "\(run.stderr.suffix(400))")
            let out = project.appendingPathComponent("out")
            #expect(Hardening.entries(of: out) == ["disclose-output.json", "internal", "public"])
            #expect(Hardening.entries(of: out.appendingPathComponent("internal")) == ["internal-report.json", "listing.json"])
            #expect(Hardening.mode(out.appendingPathComponent("internal")) == 0o700)
            #expect(Hardening.mode(out.appendingPathComponent("internal/internal-report.json")) == 0o600)
            #expect(Hardening.mode(out.appendingPathComponent("internal/listing.json")) == 0o600)
            let published = Hardening.contents(of: out.appendingPathComponent("public"))
            if format == "html" {
                #expect(published["index.html"] != nil)
                #expect(published.keys.allSatisfy { $0.hasSuffix(".html") || $0 == "portal.css" || $0 == "portal.js" })
            } else {
                #expect(published.keys.sorted() == ["public-factories.csv", "public-figures.csv", "public-findings.csv", "public-responses.csv", "public.json"])
            }
            let report = try Data(contentsOf: out.appendingPathComponent("internal/internal-report.json"))
            #expect(published.values.allSatisfy { !$0.contains(Array(PublicationExport.internalSchema.utf8)) })
            #expect(report.count > 0)
            #expect(Hardening.manifestProblems(out).isEmpty, "\(Hardening.manifestProblems(out))")
            #expect(run.stderr.contains("out/public/ is the folder to deploy; out/internal/internal-report.json is the internal report: never deploy it"))
            #expect(Hardening.entries(of: project).contains("out") && !Hardening.entries(of: project).contains { $0.hasPrefix(".out.") })
        }
    }
}

private extension Array where Element == UInt8 {
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
