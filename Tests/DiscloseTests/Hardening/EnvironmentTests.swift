@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// Output does not depend on the machine's settings: the real binary, run under other time
    /// zones (UTC+14, UTC-12, Phnom Penh) and other languages (Turkish, whose `i` upper-cases to
    /// `İ`; Arabic, with its own digits; the C locale), writes the same bytes, as of a fixed day.
    @Suite struct EnvironmentTests {
        static let settings: [(name: String, environment: [String: String])] = [
            ("UTC, C.UTF-8", ["TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]),
            ("UTC+14 (Pacific/Kiritimati), Turkish", ["TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"]),
            ("UTC-12 (Etc/GMT+12), Arabic", ["TZ": "Etc/GMT+12", "LANG": "ar_EG.UTF-8", "LC_ALL": "ar_EG.UTF-8"]),
            ("Asia/Phnom_Penh, Khmer", ["TZ": "Asia/Phnom_Penh", "LANG": "km_KH.UTF-8"]),
            ("America/Los_Angeles, C", ["TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"]),
            ("no TZ, POSIX", ["LANG": "POSIX"]),
        ]

        /// Every output of a run: the publish folder, the portal, and what `check` and `show` print.
        static func outputs(data: String, in folder: URL, environment: [String: String], tag: String) throws -> [String: [UInt8]] {
            var all: [String: [UInt8]] = [:]
            let rules = Hardening.root.path
            for format in ["json", "html"] {
                let out = folder.appendingPathComponent("out-\(tag)-\(format)")
                let run = try Hardening.run(["publish", "--data", data, "--out", out.path, "--as-of", "2024-06-30", "--format", format, "--rules", rules],
                                            in: folder, environment: environment, replacingEnvironment: true)
                #expect(run.status == 0, "\(tag): \(run.stderr)")
                for (name, bytes) in Hardening.contents(of: out) { all["\(format)/\(name)"] = bytes }
            }
            let check = try Hardening.run(["check", "--format", "json", "rules", "countries"], in: Hardening.root, environment: environment, replacingEnvironment: true)
            all["check.json"] = check.stdout
            let show = try Hardening.run(["show", "KH", "--as-of", "2021-03-01", "--rules", rules], in: folder, environment: environment, replacingEnvironment: true)
            all["show KH"] = show.stdout + Array(show.stderr.utf8)
            return all
        }

        @Test func outputIsTheSameUnderEveryTimeZoneAndLanguage() throws {
            let folder = try Hardening.temporaryFolder("environment")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.sampleData(in: folder.appendingPathComponent("data"), seed: 3, scale: 0.05)
            let reference = try Self.outputs(data: "data", in: folder, environment: Self.settings[0].environment, tag: "0")
            #expect(reference.keys.contains("json/public/public.json") && reference.keys.contains("html/public/index.html"))
            for (index, setting) in Self.settings.enumerated().dropFirst() {
                let outputs = try Self.outputs(data: "data", in: folder, environment: setting.environment, tag: "\(index)")
                let differing = Set(reference.keys).union(outputs.keys).filter { reference[$0] != outputs[$0] }.sorted()
                #expect(differing.isEmpty, "\(setting.name): different bytes in \(differing)")
            }
        }
    }
}
