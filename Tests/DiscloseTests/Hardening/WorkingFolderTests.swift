@testable import Disclose
import Foundation
import Testing

extension Hardening.EnvironmentTests {
    /// Every output of `publish` (JSON set and portal) run by the real binary in `folder`.
    static func publishOutputs(data: String, out: URL, in folder: URL, rules: [String]) throws -> [String: [UInt8]] {
        var all: [String: [UInt8]] = [:]
        for format in ["json", "html"] {
            let target = out.appendingPathComponent(format)
            let run = try Hardening.run(["publish", "--data", data, "--out", target.path, "--as-of", "2024-06-01", "--format", format] + rules, in: folder)
            #expect(run.status == 0, "\(folder.lastPathComponent): \(run.stderr)")
            for (name, bytes) in Hardening.contents(of: target) { all["\(format)/\(name)"] = bytes }
        }
        return all
    }

    /// The rules digest names each rule file by its path inside the rules root: it used to use
    /// the path as written from the working folder (`countries/KH.disclose` from the package,
    /// `/…/countries/KH.disclose` from elsewhere), so publishing from another folder changed
    /// the digest, and with it the public JSON and the footer of every portal page (812 of the
    /// sample's 814 files). The same data, with a warning the internal report lists, published
    /// from the package root and from a temporary folder (with `--rules`) gives the same bytes.
    @Test func outputIsTheSameFromEveryWorkingFolder() throws {
        let folder = try Hardening.temporaryFolder("working-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        var tables = try Hardening.baseTables()
        // An unusable answer: a warning, so that the internal report names a data file.
        tables["answers.csv"] = tables["answers.csv"]!.replacingOccurrences(of: "KH-130-A2,CHL-LAB-02,18\n", with: "KH-130-A2,CHL-LAB-02,NaN\n")
        let data = folder.appendingPathComponent("data")
        try Hardening.write(tables.mapValues { Array($0.utf8) }, under: data)
        let fromPackage = try Self.publishOutputs(data: data.path, out: folder.appendingPathComponent("a"), in: Hardening.root, rules: [])
        let fromElsewhere = try Self.publishOutputs(data: "data", out: folder.appendingPathComponent("b"), in: folder, rules: ["--rules", Hardening.root.path])
        #expect(fromPackage.keys.contains("json/public/public.json") && fromPackage.keys.contains("html/public/index.html"))
        #expect(fromPackage.keys.contains("json/internal/internal-report.json"))
        let report = String(decoding: fromPackage["json/internal/internal-report.json"] ?? [], as: UTF8.self)
        #expect(report.contains("\"W711\""), "the data has no warning to report")
        let differing = Set(fromPackage.keys).union(fromElsewhere.keys).filter { fromPackage[$0] != fromElsewhere[$0] }.sorted()
        #expect(differing.isEmpty, "different bytes in \(differing)")
    }
}
