import Foundation
import Testing

@testable import Disclose
@testable import DiscloseSample

/// `AnswerScanner`, the fast reading of a clean answers table, changes speed and nothing
/// else: on every variant of a table, publishing with it gives the same publication and the
/// same diagnostics, byte for byte, as the careful reader alone; it reads the clean variants
/// itself and leaves the others to the careful reader.
///
/// Chunks of 256 bytes and parts of 4 KiB on three threads put rows across chunk ends and
/// part boundaries all through a table of about half a megabyte.
@Suite struct AnswerScannerTests {
    static let root = Golden.packageRoot.path

    /// The four tables of a small generated sample, as text.
    static let tables: [String: String] = {
        let data = try! SampleData(seed: 11, scale: 0.15).generate(rulesRoot: root)
        return Dictionary(uniqueKeysWithValues: data.files(format: .csv).map { ($0.name, $0.contents) })
    }()

    static let seams = AnswerScanner.Settings(isEnabled: true, threads: 3, chunkSize: 256, minimumPartSize: 4096)

    struct Run {
        var result: PublishResult
        var text: String
    }

    /// Publishes the tables (answers.csv replaced by `answers`) with the given scanner settings.
    static func publish(answers: [UInt8], scanning: AnswerScanner.Settings) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("answer-scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in tables where name != "answers.csv" {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data(answers).write(to: folder.appendingPathComponent("answers.csv"))
        var publisher = Publisher(project: root, asOf: Day(iso: "2025-06-30")!)
        publisher.displayBase = folder.path
        publisher.scanning = scanning
        let result = publisher.publish(data: folder.path)
        var text = DiagnosticRenderer().render(result.diagnostics)
        if let publication = result.publication {
            text += PublicationExport.publicJSON(publication).serialized() + PublicationExport.internalJSON(publication).serialized()
        }
        return Run(result: result, text: text)
    }

    /// Nil when the two texts are the same; else the first line where they differ.
    static func difference(_ left: String, _ right: String) -> String? {
        guard left != right else { return nil }
        let a = left.split(separator: "\n", omittingEmptySubsequences: false)
        let b = right.split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        return "line \(index + 1): \(index < a.count ? String(a[index].prefix(200)) : "(end)") | \(index < b.count ? String(b[index].prefix(200)) : "(end)")"
    }

    static var lines: [String] { tables["answers.csv"]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The answers table changed by `change`, which gets the lines (header first; the last is
    /// empty, after the final line end).
    static func answers(_ change: (inout [String]) -> Void, separator: String = "\n") -> [UInt8] {
        var lines = lines
        change(&lines)
        return Array(lines.joined(separator: separator).utf8)
    }

    /// Variants the scanner reads itself.
    static let clean: [(String, [UInt8])] = [
        ("as generated", answers { _ in }),
        ("CRLF line ends", answers({ _ in }, separator: "\r\n")),
        ("no line end after the last row", answers { $0.removeLast() }),
        ("blank lines", answers { $0.insert("", at: 5); $0.insert("", at: $0.count / 2) }),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + answers { _ in }),
        ("rows in another order", answers { lines in
            var rows = Array(lines[1..<(lines.count - 1)])
            var random = SampleRandom(seed: 5)
            for index in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(index, Int(random.next() % UInt64(index + 1))) }
            lines = [lines[0]] + rows + [""]
        }),
    ]

    /// The line of the `occurrence`th row (0: the first) answering `question`, its answer replaced.
    static func replacingAnswer(_ lines: inout [String], question: String, occurrence: Int = 0, with answer: String) {
        let index = lines.indices.filter { lines[$0].contains(",\(question),") }[occurrence]
        lines[index] = lines[index].components(separatedBy: ",").prefix(2).joined(separator: ",") + "," + answer
    }

    /// Variants with answers that are unusable, which the scanner records and remarks on as
    /// the careful reader does: the same warnings, at the same lines and columns.
    static let remarked: [(String, [UInt8])] = [
        ("an answer that does not fit", answers { replacingAnswer(&$0, question: "CHL-LAB-02", with: "eighteen") }),
        ("not-applicable where it is not allowed", answers { replacingAnswer(&$0, question: "CHL-LAB-02", occurrence: 3, with: "n/a") }),
        ("an answer no rule reads that does not fit", answers { replacingAnswer(&$0, question: "CHL-DOC-01", with: "eighteen") }),
        ("odd answers all through the table, CRLF", answers({ lines in
            for occurrence in [0, 5, 9, 14] { replacingAnswer(&lines, question: "CHL-LAB-02", occurrence: occurrence, with: "about \(occurrence)") }
            replacingAnswer(&lines, question: "CHL-DOC-01", occurrence: 2, with: "n/a")
        }, separator: "\r\n")),
        ("an odd answer on the last row, no line end after it", answers { lines in
            lines.removeLast()
            lines[lines.count - 1] = lines[lines.count - 1].components(separatedBy: ",").prefix(2).joined(separator: ",") + ",??"
        }),
    ]

    /// Variants only the careful reader may judge (each has something to report, or a form
    /// the scanner leaves alone).
    static let careful: [(String, [UInt8])] = [
        ("a second answer to a question", answers { $0.insert($0[$0.count / 2], at: $0.count - 1) }),
        ("a quoted field", answers { lines in
            let fields = lines[lines.count / 3].components(separatedBy: ",")
            lines[lines.count / 3] = "\(fields[0]),\(fields[1]),\"\(fields[2])\""
        }),
        ("an unknown question", answers { $0[$0.count / 2] = $0[$0.count / 2].components(separatedBy: ",")[0] + ",NO-SUCH-01,yes" }),
        ("an unknown assessment", answers { $0[$0.count - 2] = "XX-0000-01," + $0[$0.count - 2].components(separatedBy: ",").dropFirst().joined(separator: ",") }),
        ("a row with a fourth field", answers { $0[7] += ",extra" }),
        ("columns in another order", Array(lines.map { line in
            let fields = line.components(separatedBy: ",")
            return fields.count == 3 ? [fields[2], fields[1], fields[0]].joined(separator: ",") : line
        }.joined(separator: "\n").utf8)),
        ("a byte that is not UTF-8", answers { $0[9] += "\u{FFFD}" }.map { $0 == 0xBD ? 0xFF : $0 }),
        // CHL-DOC-01 is in the catalogue and in the data, and no rule reads it: the scanner must
        // still see the NUL byte (the careful reader refuses it; found in review).
        ("a NUL byte in an answer no rule reads", answers { lines in
            let index = lines.firstIndex { $0.contains(",CHL-DOC-01,") }!
            lines[index] += "\u{0}"
        }),
    ]

    @Test(arguments: (clean + remarked).map(\.0))
    func scannerReadsCleanTablesAsTheCarefulReaderDoes(_ name: String) throws {
        let bytes = (Self.clean + Self.remarked).first { $0.0 == name }!.1
        let reference = try Self.publish(answers: bytes, scanning: AnswerScanner.Settings(isEnabled: false))
        let scanned = try Self.publish(answers: bytes, scanning: Self.seams)
        #expect(!reference.result.answersScanned)
        #expect(scanned.result.answersScanned, "the scanner gave up on a clean table")
        #expect(reference.result.publication != nil, "\(reference.text.prefix(2000))")
        if Self.remarked.contains(where: { $0.0 == name }) {
            #expect(reference.result.diagnostics.contains { $0.code == .unusableAnswer }, "the variant should have an unusable answer to report")
        }
        #expect(Self.difference(scanned.text, reference.text) == nil)
        let oneThread = try Self.publish(answers: bytes, scanning: AnswerScanner.Settings(threads: 1))
        #expect(Self.difference(oneThread.text, reference.text) == nil)
    }

    @Test(arguments: careful.map(\.0))
    func scannerLeavesOtherTablesToTheCarefulReader(_ name: String) throws {
        let bytes = Self.careful.first { $0.0 == name }!.1
        let reference = try Self.publish(answers: bytes, scanning: AnswerScanner.Settings(isEnabled: false))
        let scanned = try Self.publish(answers: bytes, scanning: Self.seams)
        #expect(!scanned.result.answersScanned)
        let unremarkable = ["columns in another order", "a quoted field"]
        #expect(!reference.result.diagnostics.isEmpty || unremarkable.contains(name), "the variant should have something to report")
        #expect(Self.difference(scanned.text, reference.text) == nil)
    }
}
