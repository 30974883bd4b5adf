@testable import Disclose
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Hardening {
    /// Every data table is read or refused: something at a table's name that is not an ordinary
    /// file that can be read (a folder, a named pipe, a socket, a device, a link to nothing, a
    /// file without read permission, a file whose reading fails) stops the run with one error
    /// naming the table. It used to crash (a folder: SIGILL in `FileHandle`; no permission: an
    /// index out of range in `EvaluationPlan`), hang (a named pipe), pass for an absent table
    /// (`responses.csv`: every response silently dropped; a link to nothing), or give only
    /// knock-on E707 errors (`factories.csv`, `assessments.csv`).
    @Suite struct UnreadableTableTests {
        /// What is put at a table's name.
        enum Entry: String, CaseIterable, CustomStringConvertible {
            case folder, namedPipe, socket, device, danglingLink
            /// A link to `/proc/self/mem`: an ordinary file by its kind, whose first read fails
            /// with an I/O error (address 0 is never mapped), so reading fails part of the way.
            case failingRead

            var description: String { rawValue }

            /// The message expected for the table shown as `name`.
            func expected(_ name: String) -> String {
                switch self {
                case .folder: "E712 `\(name)` is a folder, not a file"
                case .namedPipe: "E712 `\(name)` is a named pipe, not a file"
                case .socket: "E712 `\(name)` is a socket, not a file"
                case .device: "E712 `\(name)` is a device, not a file"
                case .danglingLink: "E712 `\(name)` is a link to `nowhere/\(name)`, which does not exist"
                case .failingRead: "E713 cannot read `\(name)` to its end: input/output error"
                }
            }

            /// Makes the entry at `url`.
            func make(at url: URL) throws {
                switch self {
                case .folder:
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                case .namedPipe:
                    try #require(mkfifo(url.path, 0o644) == 0)
                case .socket:
                    try UnreadableTableTests.bindSocket(at: url.path)
                case .device:
                    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/null")
                case .danglingLink:
                    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "nowhere/\(url.lastPathComponent)")
                case .failingRead:
                    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/proc/self/mem")
                }
            }
        }

        /// Every table file name: each table, as CSV and as JSON Lines.
        static let tableFiles = ["factories", "assessments", "answers", "responses"].flatMap { ["\($0).csv", "\($0).jsonl"] }

        /// A Unix socket bound at `path` (and left bound: the test removes the file).
        static func bindSocket(at path: String) throws {
            let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(result == 0, "bind \(path): errno \(errno)")
        }

        /// A data folder holding the base tables as CSV, with `file` (a table's CSV or JSON
        /// Lines name) replaced by `entry`.
        static func dataFolder(_ file: String, _ entry: Entry) throws -> URL {
            let folder = try Hardening.temporaryFolder("unreadable")
            try Hardening.write(try Hardening.baseTables().mapValues { Array($0.utf8) }, under: folder)
            let table = (file as NSString).deletingPathExtension
            try FileManager.default.removeItem(at: folder.appendingPathComponent(table + ".csv"))
            try entry.make(at: folder.appendingPathComponent(file))
            return folder
        }

        @Test(arguments: Entry.allCases, tableFiles)
        func tableThatIsNotAReadableFileStopsTheRunWithOneError(_ entry: Entry, _ file: String) throws {
            let folder = try Self.dataFolder(file, entry)
            defer { try? FileManager.default.removeItem(at: folder) }
            var publisher = Publisher(project: Hardening.root.path, asOf: Hardening.baseAsOf)
            publisher.displayBase = folder.path
            let result = publisher.publish(data: folder.path)
            #expect(result.publication == nil)
            // One error, naming the table: no knock-on E707 for what refers to its rows.
            #expect(Hardening.summary(result.diagnostics) == [entry.expected(file)])
            #expect(result.diagnostics.map(Hardening.location) == ["\(file):1:1"])
        }

        /// The cases run through the real binary: every kind of entry as `answers.csv`, and a named
        /// pipe (the one that used to hang) as every other table. (Each run checks the shipped rules,
        /// a second of a debug build: the whole matrix runs in process above.)
        static let binaryCases: [(Entry, String)] = Entry.allCases.map { ($0, "answers.csv") }
            + ["factories.csv", "assessments.csv", "responses.csv", "responses.jsonl"].map { (.namedPipe, $0) }

        /// The same through the real binary: exit status 1, the message on standard error, nothing
        /// written, and no wait (a named pipe used to block for ever).
        @Test(arguments: binaryCases)
        func realBinaryRefusesATableThatIsNotAReadableFile(_ entry: Entry, _ file: String) throws {
            let folder = try Self.dataFolder(file, entry)
            let out = Self.outputBeside(folder)
            defer { [folder, out].forEach { try? FileManager.default.removeItem(at: $0) } }
            let run = try Hardening.run(["publish", "--data", folder.path, "--out", out.path, "--as-of", "2024-06-01", "--rules", Hardening.root.path],
                                        in: folder, seconds: 30)
            #expect(!run.timedOut)
            #expect(run.status == 1)
            let message = entry.expected(file)
            #expect(run.stderr.contains("error[\(message.prefix(4))]: \(message.dropFirst(5))"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing published"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }

        /// A table without read permission, for every table as CSV and JSON Lines, through the real
        /// binary run as an ordinary user. Root may read any file: as root, the binary is run as
        /// `nobody` with `setpriv` (the case of the issue: mode 000 crashed with an index out of range
        /// for `answers.csv`, and dropped every response for `responses.csv`).
        @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                       "needs an ordinary user: setpriv to run as nobody"),
              arguments: tableFiles)
        func tableWithoutReadPermissionIsRefused(_ file: String) throws {
            let folder = try Hardening.temporaryFolder("permission")
            let out = Self.outputBeside(folder)
            defer { [folder, out].forEach { try? FileManager.default.removeItem(at: $0) } }
            var tables = try Hardening.baseTables()
            let table = (file as NSString).deletingPathExtension
            let text = tables.removeValue(forKey: table + ".csv")!
            // The JSON Lines form of a table is only refused here, never parsed: any bytes do.
            tables[file] = text
            try Hardening.write(tables.mapValues { Array($0.utf8) }, under: folder)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent(file).path)
            let arguments = ["publish", "--data", folder.path, "--out", out.path,
                             "--as-of", "2024-06-01", "--rules", Hardening.root.path]
            let run = try Self.runAsOrdinaryUser(arguments, in: folder)
            #expect(!run.timedOut)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("error[E713]: cannot read `\(file)`: permission denied"), "\(run.stderr)")
            #expect(run.stderr.contains("1 error, 0 warnings"), "\(run.stderr)")
        }

        /// An output folder beside the data folder, never inside it: publish refuses an output
        /// inside the data (it could replace the tables).
        static func outputBeside(_ folder: URL) -> URL {
            folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-out")
        }

        /// Runs the binary as `nobody` when this process is root, as itself otherwise.
        static func runAsOrdinaryUser(_ arguments: [String], in folder: URL) throws -> Hardening.Run {
            guard getuid() == 0 else { return try Hardening.run(arguments, in: folder, seconds: 30) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Hardening.binary.path] + arguments
            process.currentDirectoryURL = folder
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // A bounded report (a few lines): reading it all before waiting cannot block the child.
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return Hardening.Run(status: process.terminationStatus, stdout: [], stderr: stderr, timedOut: false)
        }

        /// Root reads a file of mode 000 as any other (it may): the run is the same as with the
        /// file readable, not a crash.
        @Test(.enabled(if: getuid() == 0, "only root may read a file of mode 000"))
        func rootReadsATableOfModeZeroAsAnyOther() throws {
            let folder = try Hardening.temporaryFolder("root")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write(try Hardening.baseTables().mapValues { Array($0.utf8) }, under: folder)
            var publisher = Publisher(project: Hardening.root.path, asOf: Hardening.baseAsOf)
            publisher.displayBase = folder.path
            let readable = publisher.publish(data: folder.path)
            for name in ["factories.csv", "assessments.csv", "answers.csv", "responses.csv"] {
                try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent(name).path)
            }
            let unreadable = publisher.publish(data: folder.path)
            #expect(readable.publication != nil)
            #expect(Hardening.summary(unreadable.diagnostics) == Hardening.summary(readable.diagnostics))
            #expect(unreadable.publication.map { PublicationExport.publicJSON($0).serialized() }
                == readable.publication.map { PublicationExport.publicJSON($0).serialized() })
        }

        /// The checks are made on the open descriptor too: a named pipe opened where a file was
        /// expected is refused at once (O_NONBLOCK), not waited on.
        @Test func namedPipeIsRefusedWithoutWaitingEvenWhenOpenedDirectly() throws {
            let folder = try Hardening.temporaryFolder("pipe")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("answers.csv").path
            try #require(mkfifo(path, 0o644) == 0)
            guard case .failure(let problem) = TableReader.opening(path: path, displayPath: "answers.csv", schema: DataTables.answers) else {
                Issue.record("a named pipe was opened as a table")
                return
            }
            #expect(problem == .namedPipe)
        }
    }
}
