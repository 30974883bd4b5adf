// Fuzz target 2: the CSV and JSON Lines readers over arbitrary bytes.
//
// The first byte chooses the table (low two bits: factories, assessments, answers,
// responses) and the format (bit 2: JSON Lines); the rest is the file. Each run:
// - reads every row from memory and reads each field as text, as a date and as every
//   answer kind (yes-no, number, date, choice), as the publisher does;
// - reads the same bytes from a file on disk and requires the same rows, fields and
//   diagnostics (the streaming path and the in-memory path agree);
// - checks that every diagnostic points inside its (one-line) file, and for one input in
//   sixteen that the diagnostics render as text, JSON that parses, and SARIF.

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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let schema = schemas[Int(data[0] & 3)]
    let isJSONLines = data[0] & 4 != 0
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let name = schema.name + (isJSONLines ? ".jsonl" : ".csv")

    let memory = TableReader(bytes: bytes, displayPath: name, schema: schema, isJSONLines: isJSONLines)
    let thorough = isThorough(data, size)
    let fromMemory = readAll(memory, schema: schema, thorough: thorough)

    let path = (scratch as NSString).appendingPathComponent(name)
    writeFile(path, bytes)
    guard case .success(let disk) = TableReader.opening(path: path, displayPath: name, schema: schema) else {
        fuzzRequire(false, "cannot open \(path)")
        return 0
    }
    let fromDisk = readAll(disk, schema: schema, thorough: false)
    fuzzRequire(fromMemory.rows == fromDisk.rows, "rows differ between memory and disk:\n\(fromMemory.rows)\n\(fromDisk.rows)")
    fuzzRequire(fromMemory.diagnostics == fromDisk.diagnostics,
                "diagnostics differ between memory and disk:\n\(fromMemory.diagnostics)\n\(fromDisk.diagnostics)")
    return 0
}
