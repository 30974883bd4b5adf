@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// The output folder is replaced all at once: a failed or interrupted publish leaves the
    /// previous output as it was, and the same input gives the same bytes on every run.
    @Suite(.serialized) struct CrashSafetyTests {
        /// Names in `folder` that the replacement leaves behind (`.NAME.incoming-…`, `.NAME.previous-…`).
        static func leftovers(in folder: URL) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".incoming-") || $0.contains(".previous-") }.sorted()
        }

        static let previous: [(name: String, bytes: [UInt8])] = [("public.json", Array("{\"old\": true}\n".utf8)), ("public-factories.csv", Array("old\r\n".utf8))]

        @Test func replaceSwapsTheWholeSet() throws {
            let parent = try Hardening.temporaryFolder("replace")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("out")
            try OutputFolder.replace(out.path, with: Self.previous + [("stale.csv", [1, 2, 3])])
            try OutputFolder.replace(out.path, with: [("public.json", Array("{\"new\": true}\n".utf8)), ("index.html", Array("<!doctype html>\n".utf8))])
            #expect(Hardening.contents(of: out) == ["public.json": Array("{\"new\": true}\n".utf8), "index.html": Array("<!doctype html>\n".utf8)])
            #expect(Self.leftovers(in: parent).isEmpty)
        }

        /// A file that cannot be written (its name is longer than any file system allows) makes the
        /// run fail before anything is replaced; nothing half-written is left beside the output.
        @Test func failedStagingWriteLeavesThePreviousOutputIntact() throws {
            let parent = try Hardening.temporaryFolder("staging")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("out")
            try OutputFolder.replace(out.path, with: Self.previous)
            let before = Hardening.contents(of: out)
            #expect(throws: (any Error).self) {
                try OutputFolder.replace(out.path, with: [("public.json", Array("{\"new\": true}\n".utf8)), (String(repeating: "x", count: 300) + ".csv", [1])])
            }
            #expect(Hardening.contents(of: out) == before)
            #expect(Self.leftovers(in: parent).isEmpty, "left behind: \(Self.leftovers(in: parent))")
        }

        @Test func outputThatIsAFileIsNotReplaced() throws {
            let parent = try Hardening.temporaryFolder("file")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("out")
            try Data("precious\n".utf8).write(to: out)
            #expect(throws: (any Error).self) { try OutputFolder.replace(out.path, with: Self.previous) }
            #expect(try Data(contentsOf: out) == Data("precious\n".utf8))
            #expect(Self.leftovers(in: parent).isEmpty)
        }

        /// `disclose publish` killed at moments spread over its run (SIGKILL: no clean-up) leaves
        /// either the previous output or the new one, complete, byte for byte: never a mix, never
        /// nothing.
        @Test func killedPublishLeavesEitherTheOldOrTheNewOutput() throws {
            let folder = try Hardening.temporaryFolder("killed")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.sampleData(in: folder.appendingPathComponent("data"), seed: 7, scale: 0.3)
            let out = folder.appendingPathComponent("out")
            func publish(asOf: String, to target: URL, killAfter: Double? = nil) throws -> Hardening.Run {
                try Hardening.run(["publish", "--data", "data", "--out", target.path, "--as-of", asOf, "--rules", Hardening.root.path],
                                  in: folder, seconds: killAfter ?? 300, killAtOnce: true)
            }
            // The old and the new output, made in folders of their own.
            // Timed twice, keeping the shorter: the first run of a fresh binary is slower, and
            // kills timed from it would all come after the run had ended.
            let clock = ContinuousClock()
            var newRun: Hardening.Run?
            let duration = try (0..<2).map { _ in
                try clock.measure { newRun = try publish(asOf: "2024-06-30", to: folder.appendingPathComponent("expected-new")) }
            }.min()!
            #expect(newRun?.status == 0, "\(newRun?.stderr ?? "")")
            let expectedNew = Hardening.contents(of: folder.appendingPathComponent("expected-new"))
            #expect(try publish(asOf: "2023-06-30", to: out).status == 0)
            let old = Hardening.contents(of: out)
            #expect(old != expectedNew && !old.isEmpty)

            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            var outcomes: [String] = []
            for step in 0..<12 {
                let delay = seconds * (0.05 + 0.08 * Double(step))
                let run = try publish(asOf: "2024-06-30", to: out, killAfter: delay)
                let now = Hardening.contents(of: out)
                if now == old {
                    outcomes.append("old")
                } else if now == expectedNew {
                    outcomes.append("new")
                    // Back to the old output for the next attempt.
                    #expect(try publish(asOf: "2023-06-30", to: out).status == 0)
                } else {
                    Issue.record("killed after \(delay) s (timed out: \(run.timedOut)): the output is neither the old nor the new set: \(now.keys.sorted())")
                    return
                }
            }
            #expect(outcomes.contains("old"), "no run was interrupted: \(outcomes)")
        }

        /// The same data and day give the same bytes, from separate processes (whose hash seeds
        /// differ), for the files and for the portal.
        @Test func rerunGivesTheSameBytes() throws {
            let folder = try Hardening.temporaryFolder("rerun")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.sampleData(in: folder.appendingPathComponent("data"), seed: 11, scale: 0.05)
            for format in ["json", "html"] {
                var outputs: [[String: [UInt8]]] = []
                for attempt in 1...2 {
                    let out = folder.appendingPathComponent("\(format)-\(attempt)")
                    let run = try Hardening.run(["publish", "--data", "data", "--out", out.path, "--as-of", "2024-06-30", "--format", format,
                                                 "--rules", Hardening.root.path], in: folder)
                    #expect(run.status == 0, "\(run.stderr)")
                    outputs.append(Hardening.contents(of: out))
                }
                #expect(!outputs[0].isEmpty)
                #expect(outputs[0] == outputs[1], "\(format): files differ: \(outputs[0].keys.filter { outputs[0][$0] != outputs[1][$0] }.sorted())")
            }
        }
    }
}
