// Fuzz target 2: the CSV and JSON Lines readers over arbitrary bytes.
//
// The first byte chooses the table (low two bits: factories, assessments, answers,
// responses) and the format (bit 2: JSON Lines); the rest is the file. With bit 3 set, the
// first line of the rest is a header to widen: it is repeated (the high four bits of the first
// byte say how often, up to a header of 64 KiB), so that headers with thousands of columns,
// unknown, doubled, quoted, spaced and cased every way, reach the header checks. Each run:
// - reads every row from memory and reads each field as text, as a date and as every
//   answer kind (yes-no, number, date, choice), as the publisher does;
// - reads the same bytes from a file on disk and requires the same rows, fields and
//   diagnostics (the streaming path and the in-memory path agree);
// - checks that every diagnostic points inside its (one-line) file, and for one input in
//   sixteen that the diagnostics render as text, JSON that parses, and SARIF;
// - checks that the work of locating the diagnostics stays in proportion to the file (each
//   E704 of a wide header used to rescan the header: quadratic).

@testable import Disclose
import Foundation

let schemas = [DataTables.factories, DataTables.assessments, DataTables.answers, DataTables.responses]
let answerKinds: [AnswerKind] = [.yesNo, .number(unit: "hours"), .date, .choice(["written", "verbal", "none"])]
let scratch = scratchFolder("tables")

/// What a reader produced: each row's line and fields, and each diagnostic in short.
func readAll(_ reader: TableReader, schema: TableSchema, thorough: Bool) -> (rows: [String], diagnostics: [String]) {
    var rows: [String] = []
    reader.forEachRow { row in
        var line = "\(row.line):"
        for column in schema.columns.indices {
            let text = row.text(column)
            fuzzRequire(row.isEmpty(column) == text.isEmpty, "isEmpty disagrees with text for column \(column)")
            row.withBytes(column) { field in
                _ = Day(isoBytes: field)
                for kind in answerKinds { _ = Answer.read(field, as: kind) }
            }
            line += "\u{1F}" + text
        }
        rows.append(line)
    }
    checkDiagnostics(reader.diagnostics, thorough: thorough)
    let diagnostics = reader.diagnostics.map { diagnostic -> String in
        // Line and column spelled out: interpolating the tuple itself goes through reflection,
        // which cost a tenth of this target's time.
        let location = diagnostic.range.map { range -> String in
            let (line, column) = range.file.location(of: range.span.start)
            return "\(line):\(column)"
        } ?? "-"
        return "\(diagnostic.code.code) \(location) \(diagnostic.message)"
    }
    return (rows, diagnostics)
}

/// The file with its first line (the header) repeated, comma-separated: 1 + 97 × `times`
/// copies, or as many as fit in 64 KiB.
func widenedHeader(_ bytes: [UInt8], times: Int) -> [UInt8] {
    let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let header = bytes[..<end]
    guard !header.isEmpty else { return bytes }
    let copies = max(1, min(1 + 97 * times, (64 << 10) / (header.count + 1)))
    var widened: [UInt8] = []
    widened.reserveCapacity(copies * (header.count + 1) + bytes.count - end)
    for copy in 0..<copies {
        if copy > 0 { widened.append(0x2C) }
        widened += header
    }
    return widened + bytes[end...]
}

/// Locating diagnostics costs work in proportion to the file: each record is scanned a bounded
/// number of times (at most once per schema column, for the reports about one row, and once for
/// all the header's columns in order), plus each diagnostic's excerpt of at most 500 bytes
/// (looked for, then copied).
func requireLinearWork(_ reader: TableReader, bytes: [UInt8], schema: TableSchema) {
    let bound = (schema.columns.count + 3) * (bytes.count + 1) + 1_000 * reader.diagnostics.count
    fuzzRequire(reader.bytesExaminedForReports <= bound,
                "\(reader.bytesExaminedForReports) bytes examined to locate \(reader.diagnostics.count) diagnostics in \(bytes.count) bytes")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let schema = schemas[Int(data[0] & 3)]
    let isJSONLines = data[0] & 4 != 0
    var bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 8 != 0 { bytes = widenedHeader(bytes, times: Int(data[0] >> 4)) }
    let name = schema.name + (isJSONLines ? ".jsonl" : ".csv")

    let memory = TableReader(bytes: bytes, displayPath: name, schema: schema, isJSONLines: isJSONLines)
    let thorough = isThorough(data, size)
    let fromMemory = readAll(memory, schema: schema, thorough: thorough)
    requireLinearWork(memory, bytes: bytes, schema: schema)

    let path = (scratch as NSString).appendingPathComponent(name)
    writeFile(path, bytes)
    guard case .success(let disk) = TableReader.opening(path: path, displayPath: name, schema: schema) else {
        fuzzRequire(false, "cannot open \(path)")
        return 0
    }
    let fromDisk = readAll(disk, schema: schema, thorough: false)
    requireLinearWork(disk, bytes: bytes, schema: schema)
    fuzzRequire(fromMemory.rows == fromDisk.rows, "rows differ between memory and disk:\n\(fromMemory.rows)\n\(fromDisk.rows)")
    fuzzRequire(fromMemory.diagnostics == fromDisk.diagnostics,
                "diagnostics differ between memory and disk:\n\(fromMemory.diagnostics)\n\(fromDisk.diagnostics)")
    return 0
}
