@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// The output folder is replaced all at once: a failed or killed publish leaves the previous
    /// output or the new one, complete, and the next run leaves nothing else behind; the same
    /// input gives the same bytes on every run.
    @Suite(.serialized) struct CrashSafetyTests {
        static let previous = [file("public/public.json", "{\"old\": true}\n"), file("public/public-factories.csv", "old\r\n")]

        static func file(_ path: String, _ text: String, ownerOnly: Bool = false) -> OutputFile {
            OutputFile(path, ownerOnly: ownerOnly) { try $0.write(contentsOf: Array(text.utf8)) }
        }

        /// The output folder `out` of `parent`, for a run whose data and rules are elsewhere.
        static func folder(_ parent: URL, _ name: String = "out") -> OutputFolder {
            OutputFolder(name, kind: .public, data: "/nonexistent-data", project: "/nonexistent-project", working: parent.path)
        }

        @Test func replaceSwapsTheWholeSet() throws {
            let parent = try Hardening.temporaryFolder("replace")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("out")
            _ = try Self.folder(parent).replace(with: Self.previous + [Self.file("public/stale.csv", "1,2,3\n")])
            _ = try Self.folder(parent).replace(with: [Self.file("public/public.json", "{\"new\": true}\n"), Self.file("public/index.html", "<!doctype html>\n")])
            let contents = Hardening.contents(of: out)
            #expect(contents.keys.sorted() == ["disclose-output.json", "public/index.html", "public/public.json"])
            #expect(contents["public/public.json"] == Array("{\"new\": true}\n".utf8))
            #expect(Hardening.manifestProblems(out).isEmpty, "\(Hardening.manifestProblems(out))")
            #expect(Hardening.entries(of: parent) == ["out"])
        }

        /// A file that cannot be written (its name is longer than any file system allows) makes the
        /// run fail before anything is replaced; nothing half-written is left beside the output.
        @Test func failedStagingWriteLeavesThePreviousOutputIntact() throws {
            let parent = try Hardening.temporaryFolder("staging")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("out")
            _ = try Self.folder(parent).replace(with: Self.previous)
            let before = Hardening.contents(of: out)
            #expect(throws: OutputFolderError.self) {
                _ = try Self.folder(parent).replace(with: [Self.file("public/public.json", "{\"new\": true}\n"), Self.file("public/" + String(repeating: "x", count: 300) + ".csv", "1")])
            }
            #expect(Hardening.contents(of: out) == before)
            #expect(Hardening.entries(of: parent) == ["out"])
        }

        @Test func outputThatIsAFileIsNotReplaced() throws {
            let parent = try Hardening.temporaryFolder("file")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("out")
            try Data("precious\n".utf8).write(to: out)
            #expect(throws: OutputFolderError.notAFolder(given: "out")) { _ = try Self.folder(parent).replace(with: Self.previous) }
            #expect(try Data(contentsOf: out) == Data("precious\n".utf8))
            #expect(Hardening.entries(of: parent) == ["out"])
        }

        /// The internal report's folder and file are the owner's alone whatever the umask; public
        /// files are not.
        @Test func ownerOnlyFilesAreModeSixHundredInAFolderOfSevenHundred() throws {
            let parent = try Hardening.temporaryFolder("modes")
            defer { try? FileManager.default.removeItem(at: parent) }
            _ = try Self.folder(parent).replace(with: Self.previous + [Self.file("internal/internal-report.json", "{}\n", ownerOnly: true)])
            let out = parent.appendingPathComponent("out")
            #expect(Hardening.mode(out.appendingPathComponent("internal")) == 0o700)
            #expect(Hardening.mode(out.appendingPathComponent("internal/internal-report.json")) == 0o600)
            #expect(Hardening.mode(out.appendingPathComponent("public/public.json"))! & 0o044 != 0 || umaskValue() & 0o044 != 0)
        }

        private func umaskValue() -> mode_t {
            let value = umask(0o022)
            umask(value)
            return value
        }

        // MARK: Killed at every step (the real binary, stopped by its own seam)

        /// Where the killed run leaves the output.
        enum Outcome: Sendable {
            /// The previous set, complete, in the folder.
            case old
            /// The new set, complete, in the folder.
            case new
            /// No folder; the previous set, complete, under `.out.disclose-previous` (only between
            /// the two renames of the fallback), which the next run puts back first.
            case movedAside
        }

        struct Kill: Sendable, CustomTestStringConvertible {
            var step: OutputFolder.Step
            var renames: Bool
            var outcome: Outcome
            var testDescription: String { "\(step.rawValue)\(renames ? " (two renames)" : "")" }
        }

        static let kills: [Kill] = [
            Kill(step: .locked, renames: false, outcome: .old),
            Kill(step: .staged, renames: false, outcome: .old),
            Kill(step: .halfWritten, renames: false, outcome: .old),
            Kill(step: .written, renames: false, outcome: .old),
            Kill(step: .complete, renames: false, outcome: .old),
            Kill(step: .exchanged, renames: false, outcome: .new),
            Kill(step: .removingOld, renames: false, outcome: .new),
            Kill(step: .finished, renames: false, outcome: .new),
            Kill(step: .complete, renames: true, outcome: .old),
            Kill(step: .movedAside, renames: true, outcome: .movedAside),
            Kill(step: .exchanged, renames: true, outcome: .new),
            Kill(step: .removingOld, renames: true, outcome: .new),
        ]

        /// The base data and the new output made from it, once for all the kills.
        struct Fixture: Sendable {
            var data: URL
            var new: [String]
        }

        static let fixture: Result<Fixture, any Error> = Result {
            let folder = try Hardening.temporaryFolder("killed-fixture")
            let data = folder.appendingPathComponent("data")
            try Hardening.write(try Hardening.baseTables().mapValues { Array($0.utf8) }, under: data)
            let run = try publish(data: data, asOf: newDay, to: folder.appendingPathComponent("new"), in: folder)
            guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
            return Fixture(data: data, new: publication(folder.appendingPathComponent("new")))
        }

        /// The fingerprint of the set a run wrote, less the two files that also depend on what
        /// the folder held before it: `internal/changes.txt` (what changed since) and the
        /// manifest that lists it. Each run's manifest is checked against its files apart.
        static func publication(_ out: URL) -> [String] {
            Hardening.fingerprint(out).filter { !$0.hasPrefix(PublicationFolder.changes + " ") && !$0.hasPrefix(OutputManifest.fileName + " ") }
        }

        static let oldDay = "2023-06-01", newDay = "2024-06-01"

        static func publish(data: URL, asOf: String, to out: URL, in folder: URL, environment: [String: String] = [:]) throws -> Hardening.Run {
            try Hardening.run(["publish", "--data", data.path, "--out", out.lastPathComponent, "--as-of", asOf, "--rules", Hardening.root.path],
                              in: folder, environment: environment, seconds: 120)
        }

        /// `disclose publish` killed (SIGKILL: no clean-up) at each step of the replacement leaves
        /// the old set or the new one, complete as its manifest says, never a mix; only between
        /// the fallback's two renames is the folder absent, its old set complete beside it. The
        /// next run puts things right and leaves nothing else behind.
        @Test(arguments: kills) func killedPublishLeavesTheOldOrTheNewSetAndTheNextRunCleansUp(_ kill: Kill) throws {
            let fixture = try Self.fixture.get()
            let folder = try Hardening.temporaryFolder("killed")
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out")
            #expect(try Self.publish(data: fixture.data, asOf: Self.oldDay, to: out, in: folder).status == 0)
            let old = Hardening.fingerprint(out)
            #expect(!old.isEmpty && old != fixture.new)

            var environment = ["DISCLOSE_TEST_STOP_AT": kill.step.rawValue]
            if kill.renames { environment["DISCLOSE_TEST_SWAP"] = "renames" }
            let killed = try Self.publish(data: fixture.data, asOf: Self.newDay, to: out, in: folder, environment: environment)
            #expect(killed.status == SIGKILL, "the run was not stopped at \(kill.step.rawValue): status \(killed.status), \(killed.stderr.suffix(300))")
            switch kill.outcome {
            case .old:
                #expect(Hardening.fingerprint(out) == old)
                #expect(Hardening.manifestProblems(out).isEmpty)
            case .new:
                #expect(Self.publication(out) == fixture.new)
                #expect(Hardening.manifestProblems(out).isEmpty)
            case .movedAside:
                let aside = folder.appendingPathComponent(".out.disclose-previous")
                #expect(!FileManager.default.fileExists(atPath: out.path))
                #expect(Hardening.fingerprint(aside) == old)
                #expect(Hardening.manifestProblems(aside).isEmpty)
            }

            let next = try Self.publish(data: fixture.data, asOf: Self.newDay, to: out, in: folder)
            #expect(next.status == 0, "\(next.stderr.suffix(300))")
            #expect(Self.publication(out) == fixture.new)
            #expect(Hardening.manifestProblems(out).isEmpty)
            #expect(Hardening.entries(of: folder) == ["out"], "left behind: \(Hardening.entries(of: folder))")
        }

        /// The fallback that takes over where the kernel refuses the exchange gives the same set.
        @Test func swapByTwoRenamesGivesTheSameSet() throws {
            let fixture = try Self.fixture.get()
            let folder = try Hardening.temporaryFolder("renames")
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out")
            #expect(try Self.publish(data: fixture.data, asOf: Self.oldDay, to: out, in: folder).status == 0)
            let run = try Self.publish(data: fixture.data, asOf: Self.newDay, to: out, in: folder, environment: ["DISCLOSE_TEST_SWAP": "renames"])
            #expect(run.status == 0, "\(run.stderr.suffix(300))")
            #expect(Self.publication(out) == fixture.new)
            #expect(Hardening.manifestProblems(out).isEmpty)
            #expect(Hardening.entries(of: folder) == ["out"])
        }

        /// Folders that runs of earlier versions left when killed (`.out.incoming-PID`,
        /// `.out.previous-PID`) go with the next run; a folder of the user's that only starts
        /// like them stays.
        @Test func leftoversOfEarlierVersionsAreRemoved() throws {
            let fixture = try Self.fixture.get()
            let folder = try Hardening.temporaryFolder("legacy")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write([".out.incoming-4242/internal-report.json": Array("{}".utf8), ".out.previous-17/public.json": Array("{}".utf8),
                                 ".out.disclose-staging/public/public.json": Array("{}".utf8), ".out.incoming-notes/mine.txt": Array("mine".utf8)],
                                under: folder)
            let run = try Self.publish(data: fixture.data, asOf: Self.newDay, to: folder.appendingPathComponent("out"), in: folder)
            #expect(run.status == 0, "\(run.stderr.suffix(300))")
            #expect(Hardening.entries(of: folder) == [".out.incoming-notes", "out"])
        }

        // MARK: Two runs on one folder

        /// A run that finds the folder locked by another stops at once with a clear message, and
        /// changes nothing.
        @Test func publishOnAFolderAnotherRunIsWritingFailsClearly() throws {
            let fixture = try Self.fixture.get()
            let folder = try Hardening.temporaryFolder("busy")
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out")
            #expect(try Self.publish(data: fixture.data, asOf: Self.oldDay, to: out, in: folder).status == 0)
            let old = Hardening.fingerprint(out)
            let lock = open(folder.appendingPathComponent(".out.disclose-lock").path, O_RDONLY | O_CREAT, 0o644)
            #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
            let run = try Self.publish(data: fixture.data, asOf: Self.newDay, to: out, in: folder)
            close(lock)
            #expect(run.status == 1)
            #expect(run.stderr.contains("Error: another `disclose publish` is writing `out`\nhelp: wait for the other run to finish, then run again"), "\(run.stderr.suffix(300))")
            #expect(Hardening.fingerprint(out) == old)
        }

        /// Four runs started together on one folder: each publishes or says another run is
        /// writing; the folder ends complete, with nothing beside it.
        @Test func concurrentPublishesSerialiseOrFailClearly() throws {
            let fixture = try Self.fixture.get()
            let folder = try Hardening.temporaryFolder("concurrent")
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out")
            let runs = Runs()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                runs.add(Result { try Self.publish(data: fixture.data, asOf: Self.newDay, to: out, in: folder) })
            }
            let results = try runs.all.map { try $0.get() }
            #expect(results.contains { $0.status == 0 })
            for run in results where run.status != 0 {
                #expect(run.status == 1 && run.stderr.contains("another `disclose publish` is writing `out`"), "status \(run.status): \(run.stderr.suffix(300))")
            }
            #expect(Self.publication(out) == fixture.new)
            #expect(Hardening.entries(of: folder) == ["out"])
        }

        private final class Runs: @unchecked Sendable {
            private let lock = NSLock()
            private var runs: [Result<Hardening.Run, any Error>] = []
            func add(_ run: Result<Hardening.Run, any Error>) { lock.lock(); runs.append(run); lock.unlock() }
            var all: [Result<Hardening.Run, any Error>] { lock.lock(); defer { lock.unlock() }; return runs }
        }

        // MARK: Same input, same bytes

        /// The same data and day give the same bytes, from separate processes (whose hash seeds
        /// differ), for the files and for the portal, manifest included.
        @Test func rerunGivesTheSameBytes() throws {
            let folder = try Hardening.temporaryFolder("rerun")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.sampleData(in: folder.appendingPathComponent("data"), seed: 11, scale: 0.05)
            for format in ["json", "html"] {
                var outputs: [[String]] = []
                for attempt in 1...2 {
                    let out = folder.appendingPathComponent("\(format)-\(attempt)")
                    let run = try Hardening.run(["publish", "--data", "data", "--out", out.path, "--as-of", "2024-06-30", "--format", format,
                                                 "--rules", Hardening.root.path], in: folder)
                    #expect(run.status == 0, "\(run.stderr)")
                    outputs.append(Hardening.fingerprint(out))
                }
                #expect(!outputs[0].isEmpty)
                #expect(outputs[0] == outputs[1], "\(format): files differ")
            }
        }
    }
}
