@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// A header with many unknown columns costs work in proportion to its length. Each E704 used
    /// to scan the header from its start to find the column's line, and then to the line's end:
    /// N columns cost N times the header (100,000 columns: 49 s of a release build; 1,000,000:
    /// about 80 minutes). The reader counts the bytes its reports examine, so that the test
    /// measures work, not time.
    @Suite struct HeaderWorkTests {
        /// A factories header with the schema's columns and `count` unknown ones after them.
        static func header(unknown count: Int) -> [UInt8] {
            Array((DataTables.factories.columns + (0..<count).map { "extra_\($0)" }).joined(separator: ",").utf8) + [0x0A]
        }

        @Test(arguments: [false, true])
        func unknownColumnsCostWorkInProportionToTheHeader(fromDisk: Bool) throws {
            let count = 5_000
            let bytes = Self.header(unknown: count)
            let reader: TableReader
            if fromDisk {
                let folder = try Hardening.temporaryFolder("header")
                defer { try? FileManager.default.removeItem(at: folder) }
                let path = folder.appendingPathComponent("factories.csv").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                reader = try TableReader.opening(path: path, displayPath: "factories.csv", schema: DataTables.factories).get()
            } else {
                reader = TableReader(bytes: bytes, displayPath: "factories.csv", schema: DataTables.factories, isJSONLines: false)
            }
            #expect(reader.diagnostics.count == count)
            #expect(reader.diagnostics.allSatisfy { $0.code == .unknownColumn })
            #expect(reader.diagnostics.last?.message == "unknown column `extra_\(count - 1)` in `factories.csv`")
            // Each report may look for the end of its 500-byte excerpt and copy it; the header
            // itself is scanned once in all. Quadratic work would be about count / 2 times the header.
            #expect(reader.bytesExaminedForReports <= 2 * bytes.count + 1_000 * count,
                    "\(reader.bytesExaminedForReports) bytes examined for a header of \(bytes.count)")
        }

        /// fuzz target read_tables (its linear-work property): in a file whose lines end with CR
        /// alone, each ragged row's report looked for the next LF to end its excerpt, at the end of
        /// the file: 776 rows of 28 KB examined 11.5 MB. The excerpt's end is looked for only as
        /// far as an excerpt goes (quadratic work here would be about 36 MB, the bound 3 MB).
        @Test func rowsEndingWithCarriageReturnAloneCostLinearWork() {
            let rows = 3_000
            let bytes = Array(("assessment_id,question_id,answer\r" + String(repeating: "A-1,Q-1\r", count: rows)).utf8)
            let reader = TableReader(bytes: bytes, displayPath: "answers.csv", schema: DataTables.answers, isJSONLines: false)
            reader.forEachRow { _ in }
            #expect(reader.diagnostics.count == rows)
            #expect(reader.diagnostics.allSatisfy { $0.code == .raggedRow })
            #expect(reader.bytesExaminedForReports <= 2 * bytes.count + 1_000 * rows,
                    "\(reader.bytesExaminedForReports) bytes examined for \(bytes.count)")
        }

        /// Reports about one record in order reuse where the previous one found its line; out of
        /// order, or in a header over several lines (quoted names holding line breaks), each still
        /// names the right line and column.
        @Test func unknownColumnsOnAHeaderOfSeveralLinesAreEachLocated() {
            let text = "factory_id,\"odd\nname\",name,type,\"coun\ntry\",country,left_on,zzz\nKH-1,,a,b,,KH,,\n"
            let reader = TableReader(bytes: Array(text.utf8), displayPath: "factories.csv", schema: DataTables.factories, isJSONLines: false)
            #expect(Hardening.summary(reader.diagnostics) == [
                "E704 unknown column `odd\nname` in `factories.csv`",
                "E704 unknown column `coun\ntry` in `factories.csv`",
                "E704 unknown column `zzz` in `factories.csv`",
            ])
            #expect(reader.diagnostics.map(Hardening.location) == ["factories.csv:1:13", "factories.csv:2:18", "factories.csv:3:22"])
        }
    }
}
