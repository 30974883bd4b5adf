import Foundation

/// The columns of one data table.
package struct TableSchema: Sendable {
    /// The table's name, as in messages ("answers").
    package var name: String
    /// Column names, in the order rows give them to the reader's caller.
    package var columns: [String]
    /// The columns every row must have in the file.
    package var required: Set<String>
}

/// One row of a table: its line, and its fields in schema order (decoded, unquoted).
package struct TableRow {
    /// The line the row starts on.
    package internal(set) var line = 0
    var buffer: [UInt8] = []
    var ranges: [Range<Int>] = []
    /// Where each field starts in the raw record, in bytes, for pointing at it.
    var rawOffsets: [Int] = []

    /// True when the column is absent from the file or the field is empty.
    package func isEmpty(_ column: Int) -> Bool { ranges[column].isEmpty }

    /// The field as text (empty when absent).
    package func text(_ column: Int) -> String { String(decoding: buffer[ranges[column]], as: UTF8.self) }

    /// Empties the row for the next one, keeping its arrays' storage.
    mutating func reset(columns: Int) {
        buffer.removeAll(keepingCapacity: true)
        if ranges.count != columns {
            ranges = Array(repeating: 0..<0, count: columns)
            rawOffsets = Array(repeating: 0, count: columns)
        } else {
            for column in 0..<columns {
                ranges[column] = 0..<0
                rawOffsets[column] = 0
            }
        }
    }

    /// Calls `body` with the field's bytes.
    func withBytes<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[ranges[column]])) }
    }
}

/// Streams the rows of a CSV (RFC 4180) or JSON Lines file, a chunk at a time.
///
/// Memory stays at the size of a chunk and one row, whatever the size of the file. Every
/// problem becomes a diagnostic with the file, line and column; the caller decides whether
/// it is fatal.
package final class TableReader {
    /// Records larger than this are refused rather than read into memory.
    static let maximumRecordSize = 16 << 20
    static let chunkSize = 1 << 20
    /// A diagnostic quotes at most this many bytes of its line.
    static let excerptLength = 500

    let path: String
    let schema: TableSchema
    let isJSONLines: Bool
    private let file: TableFile?
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var columnMap: [Int] = []
    private var fields: [(start: Int, end: Int, quoted: Bool)] = []
    private var row = TableRow()
    private var reportedEncoding = false
    /// Problems found so far.
    package private(set) var diagnostics: [Diagnostic] = []
    /// How many of `diagnostics` are errors.
    private(set) var errorCount = 0
    /// Whether an error reported now could still be among those a run lists
    /// (`Diagnostic.maximumErrorsListed`). Past them, messages skip the "did you mean"
    /// suggestion: it costs a search among every known id, and no one would see it.
    var listsMoreErrors: Bool { errorCount < Diagnostic.maximumErrorsListed }
    /// The byte offset in the file where the current chunk starts.
    private var chunkOffset = 0

    /// Opens `path` for reading (`displayPath` is how messages name it), or says why it
    /// cannot be read: it is not an ordinary file (a folder, a named pipe, a link to nothing...),
    /// or opening it failed (`TableFile.Problem.diagnostic` words it).
    static func opening(path: String, displayPath: String, schema: TableSchema) -> Result<TableReader, TableFile.Problem> {
        TableFile.opening(path).map { TableReader(file: $0, displayPath: displayPath, schema: schema, isJSONLines: path.hasSuffix(".jsonl")) }
    }

    private init(file: TableFile, displayPath: String, schema: TableSchema, isJSONLines: Bool) {
        self.file = file
        path = displayPath
        self.schema = schema
        self.isJSONLines = isJSONLines
        fill()
        guard isReadable else { return }
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if isJSONLines {
            columnMap = Array(0..<schema.columns.count)
        } else {
            readHeader()
        }
    }

    /// Reads from bytes in memory, for tests and fuzzing.
    package init(bytes: [UInt8], displayPath: String, schema: TableSchema, isJSONLines: Bool) {
        file = nil
        path = displayPath
        self.schema = schema
        self.isJSONLines = isJSONLines
        chunk = bytes
        atEnd = true
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if isJSONLines {
            columnMap = Array(0..<schema.columns.count)
        } else {
            readHeader()
        }
    }

    /// False when the header was unusable; no rows are read then.
    package private(set) var isReadable = true

    /// Before the first row is read: the byte offset in the file where the rows start.
    var rowsStart: Int { chunkOffset + position }

    /// Whether the file's columns are those of the schema, in its order (and so, a CSV
    /// file with a usable header).
    var hasSchemaColumnOrder: Bool { !isJSONLines && isReadable && columnMap == Array(schema.columns.indices) }

    /// Calls `body` for every row, in file order. A read that fails part of the way stops
    /// it (reported, and `isReadable` false): the row being read then is not handed on.
    package func forEachRow(_ body: (TableRow) -> Void) {
        guard isReadable else { return }
        while let next = isJSONLines ? nextJSONRow() : nextCSVRow(), isReadable {
            if next { body(row) }
        }
    }

    // MARK: Chunks

    /// Reads more bytes, keeping those from `keepFrom` on; false at the end of the file. A
    /// read that fails is reported and ends the reading, with `isReadable` false: what was
    /// read is never taken for the whole table.
    @discardableResult
    private func fill(keepFrom keep: Int? = nil) -> Bool {
        guard !atEnd, let file else { return false }
        let start = keep ?? position
        if start > 0 {
            chunk.removeSubrange(0..<start)
            chunkOffset += start
            position -= start
        }
        switch file.readMore(appendingTo: &chunk, count: TableReader.chunkSize) {
        case .success(let count) where count > 0:
            return true
        case .success:
            atEnd = true
            return false
        case .failure(let problem):
            atEnd = true
            isReadable = false
            record(problem.diagnostic(path: path, whileReading: true))
            return false
        }
    }

    // MARK: CSV

    private func readHeader() {
        guard let record = scanCSVRecord() else {
            report(.missingColumn, "`\(path)` is empty: no header row", recordLine: 1, rawStart: nil,
                   help: "the first row must name the columns: " + schema.columns.joined(separator: ", "))
            isReadable = false
            return
        }
        let headerLine = record.line
        if fields.isEmpty {
            // The header had a stray quote, reported: no columns to look for.
            isReadable = false
            return
        }
        // A sheet saved as "Unicode Text" is UTF-16: its header is not UTF-8, or holds NUL
        // bytes if it has no byte-order mark. One message, not a page of unknown columns.
        let header = chunk[record.start..<record.end]
        if header.contains(0) || String(validating: header, as: UTF8.self) == nil {
            let isUTF16 = header.starts(with: [0xFF, 0xFE]) || header.starts(with: [0xFE, 0xFF]) || header.contains(0)
            report(.invalidEncoding, "`\(path)` is not valid UTF-8", recordLine: headerLine, rawStart: nil,
                   help: isUTF16 ? "the file is saved as UTF-16 (\"Unicode Text\"); in Excel, Save As \"CSV UTF-8 (comma delimited)\""
                       : "save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (comma delimited)\"")
            reportedEncoding = true
            isReadable = false
            return
        }
        let names = (0..<fields.count).map { index -> String in
            let field = fields[index]
            return String(decoding: chunk[field.start..<field.end], as: UTF8.self)
        }
        let normalized = names.map(TableReader.normalizedColumn)
        if names.count == 1, names[0].contains(";") || names[0].contains("\t") {
            report(.wrongSeparator, "`\(path)` separates its columns with `\(names[0].contains(";") ? ";" : "tab")`, not commas",
                   recordLine: headerLine, rawStart: record.start,
                   help: "export the sheet again as \"CSV UTF-8 (comma delimited)\"")
            isReadable = false
            return
        }
        columnMap = []
        var seen: Set<String> = []
        for (index, name) in normalized.enumerated() {
            let column = fields[index].start - record.start
            if let schemaIndex = schema.columns.firstIndex(of: name) {
                if !seen.insert(name).inserted {
                    report(.duplicateRecord, "column `\(name)` appears twice in `\(path)`", recordLine: headerLine, rawStart: record.start, offset: record.start + column,
                           help: "keep one `\(name)` column")
                    isReadable = false
                }
                columnMap.append(schemaIndex)
            } else {
                let suggestion = Suggestion.closest(to: name, among: schema.columns).map { "did you mean `\($0)`?" }
                    ?? "the columns of \(schema.name) are: " + schema.columns.joined(separator: ", ")
                report(.unknownColumn, "unknown column `\(names[index])` in `\(path)`", recordLine: headerLine, rawStart: record.start, offset: record.start + column,
                       help: suggestion)
                isReadable = false
                columnMap.append(-1)
            }
        }
        for required in schema.columns where schema.required.contains(required) && !seen.contains(required) {
            report(.missingColumn, "`\(path)` has no `\(required)` column", recordLine: headerLine, rawStart: record.start,
                   help: "add the column; the columns of \(schema.name) are: " + schema.columns.joined(separator: ", "))
            isReadable = false
        }
        position = record.end
    }

    static func normalizedColumn(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// Scans one record from `position` into `fields`, reading more of the file as needed.
    /// Returns nil at the end of the file. `fields` spans index `chunk`.
    private func scanCSVRecord() -> (start: Int, end: Int, line: Int)? {
        while true {
            switch scanCSVRecordInChunk() {
            case .record(let start, let end, let lines):
                let recordLine = line
                line += lines
                return (start, end, recordLine)
            case .needMore:
                let start = position
                if chunk.count - start > TableReader.maximumRecordSize {
                    report(.malformedCSV, "a row of `\(path)` is longer than 16 MiB", recordLine: line, rawStart: nil,
                           help: "check for a quote that is opened and never closed")
                    isReadable = false
                    return nil
                }
                let wasAtEnd = atEnd
                if !fill(keepFrom: start) {
                    // The end of the file was just found: the last row may end there, without a
                    // line end (as many exports write it), so it is scanned again knowing that.
                    if !wasAtEnd && atEnd { continue }
                    if position >= chunk.count { return nil }
                    // The file ends inside a quoted field: the quote was never closed.
                    report(.malformedCSV, "a quote opened here is never closed", recordLine: line, rawStart: position, offset: quoteOffset(),
                           help: "close the quoted field with `\"`; a quote inside a field is written twice (`\"\"`)")
                    isReadable = false
                    return nil
                }
            case .strayQuote(let offset, _):
                let recordStart = position
                report(.malformedCSV, "a quote in the middle of a field", recordLine: line, rawStart: recordStart, offset: offset,
                       help: "put the whole field in quotes and write the quote twice, as in `\"5\"\" thread\"`")
                skipRecord()
                fields.removeAll()
                // No fields: the caller skips the record. (Its start is not returned: reading
                // on may have moved the chunk under it.)
                return (position, position, line)
            }
        }
    }

    private enum ScanResult {
        case record(start: Int, end: Int, lines: Int)
        case needMore
        case strayQuote(offset: Int, lines: Int)
    }

    private func scanCSVRecordInChunk() -> ScanResult {
        // The scan works on locals: each access to a stored property of this class is an
        // exclusivity check at run time, which cost more than the scanning itself.
        var fields: [(start: Int, end: Int, quoted: Bool)] = []
        swap(&fields, &self.fields)
        fields.removeAll(keepingCapacity: true)
        defer { swap(&fields, &self.fields) }
        let count = chunk.count
        let atEnd = self.atEnd
        let position = self.position
        return chunk.withUnsafeBufferPointer { bytes -> ScanResult in
            var index = position
            var lines = 0
            let start = position
            if index >= count { return .needMore }
            while true {
                if index < count, bytes[index] == 0x22 {
                    // A quoted field.
                    index += 1
                    let fieldStart = index
                    while true {
                        guard index < count else { return .needMore }
                        let byte = bytes[index]
                        if byte == 0x22 {
                            if index + 1 < count, bytes[index + 1] == 0x22 { index += 2; continue }
                            if index + 1 >= count, !atEnd { return .needMore }
                            break
                        }
                        if byte == 0x0A { lines += 1 }
                        index += 1
                    }
                    fields.append((fieldStart, index, true))
                    index += 1
                    if index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                        return .strayQuote(offset: index, lines: lines)
                    }
                } else {
                    let fieldStart = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                        if byte == 0x22 { return .strayQuote(offset: index, lines: lines) }
                        index += 1
                    }
                    if index >= count, !atEnd { return .needMore }
                    fields.append((fieldStart, index, false))
                }
                if index >= count {
                    return .record(start: start, end: index, lines: lines)
                }
                let byte = bytes[index]
                if byte == 0x2C {
                    index += 1
                    if index >= count, !atEnd { return .needMore }
                    continue
                }
                if byte == 0x0D {
                    if index + 1 >= count, !atEnd { return .needMore }
                    index += 1
                    if index < count, bytes[index] == 0x0A { index += 1 }
                } else {
                    index += 1
                }
                return .record(start: start, end: index, lines: lines + 1)
            }
        }
    }

    private func skipRecord() {
        var inQuotes = false
        while true {
            while position < chunk.count {
                let byte = chunk[position]
                position += 1
                if byte == 0x22 { inQuotes.toggle() }
                if byte == 0x0A {
                    line += 1
                    if !inQuotes { return }
                }
            }
            if !fill(keepFrom: position) { return }
        }
    }

    /// Where the quote that was never closed opened.
    private func quoteOffset() -> Int {
        for field in fields.reversed() where field.quoted { return field.start - 1 }
        return chunk[position...].firstIndex(of: 0x22) ?? position
    }

    /// Reads the next CSV row into `row`; nil at the end, false for a row that was skipped.
    private func nextCSVRow() -> Bool? {
        guard let record = scanCSVRecord() else { return nil }
        position = record.end
        if fields.isEmpty { return false }
        // A blank line is no row.
        if fields.count == 1, fields[0].start == fields[0].end, !fields[0].quoted { return false }
        if fields.count != columnMap.count {
            report(.raggedRow, "row has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header \(columnMap.count)",
                   recordLine: record.line, rawStart: record.start,
                   help: fields.count > columnMap.count
                       ? "a value holding a comma must be in double quotes, as in `\"Star Garments, Ltd\"`"
                       : "add the missing fields, even if empty: every row needs one field per column")
            return false
        }
        // The row's arrays are reused from row to row (no allocation per row), and filled as
        // a local (no exclusivity check per field; see scanCSVRecordInChunk).
        var row = TableRow()
        swap(&row, &self.row)
        row.line = record.line
        row.reset(columns: schema.columns.count)
        let fields = self.fields
        let columnMap = self.columnMap
        chunk.withUnsafeBufferPointer { bytes in
            for (index, field) in fields.enumerated() {
                let target = columnMap[index]
                let begin = row.buffer.count
                if field.quoted {
                    var cursor = field.start
                    while cursor < field.end {
                        let byte = bytes[cursor]
                        row.buffer.append(byte)
                        cursor += byte == 0x22 ? 2 : 1
                    }
                } else {
                    row.buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
                }
                row.ranges[target] = begin..<row.buffer.count
                row.rawOffsets[target] = field.start - record.start - (field.quoted ? 1 : 0)
            }
        }
        swap(&row, &self.row)
        if !checkEncoding(record.line, record.start) { return false }
        currentRawStart = record.start
        return true
    }

    private var currentRawStart = 0
    private var reportedNUL = false
    /// True once a row was left out for bytes that are not text (invalid UTF-8, a NUL byte):
    /// its id could not be read, so what refers to it is not reported again.
    package private(set) var refusedRowsAsNotText = false

    private func checkEncoding(_ line: Int, _ rawStart: Int) -> Bool {
        // Most rows are ASCII without NUL bytes: look for a byte of 0x80 or more, and for a
        // zero byte, eight bytes at a time.
        let (ascii, hasNUL) = row.buffer.withUnsafeBytes { bytes -> (Bool, Bool) in
            var high: UInt64 = 0
            var zero: UInt64 = 0
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                high |= word
                zero |= (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                offset += 8
            }
            while offset < bytes.count {
                high |= UInt64(bytes[offset])
                if bytes[offset] == 0 { zero = 1 }
                offset += 1
            }
            return (high & 0x8080_8080_8080_8080 == 0, zero != 0)
        }
        if hasNUL {
            // A NUL byte is no character of any text: never let it reach a public file.
            if !reportedNUL {
                reportedNUL = true
                // In JSON Lines it may be written `\u0000`: then point at the line, not at a later one.
                let end = isJSONLines ? chunk[rawStart...].firstIndex(of: 0x0A) ?? chunk.count : chunk.count
                let at = chunk[rawStart..<end].firstIndex(of: 0) ?? rawStart
                report(.invalidEncoding, "`\(path)` holds a NUL byte, which is not text", recordLine: line, rawStart: rawStart, offset: at,
                       help: "the file is damaged or not a text export; export the sheet again as \"CSV UTF-8 (comma delimited)\"")
            }
            refusedRowsAsNotText = true
            return false
        }
        guard !ascii else { return true }
        guard String(validating: row.buffer, as: UTF8.self) == nil else { return true }
        if !reportedEncoding {
            reportedEncoding = true
            report(.invalidEncoding, "`\(path)` is not valid UTF-8", recordLine: line, rawStart: rawStart,
                   help: "save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (comma delimited)\"")
        }
        refusedRowsAsNotText = true
        return false
    }

    // MARK: JSON Lines

    private func nextJSONRow() -> Bool? {
        // Find the end of the line, reading more as needed.
        var end: Int
        while true {
            if let newline = chunk[position...].firstIndex(of: 0x0A) { end = newline; break }
            if chunk.count - position > TableReader.maximumRecordSize {
                report(.malformedJSON, "a line of `\(path)` is longer than 16 MiB", recordLine: line, rawStart: nil, help: "each record must be one line")
                isReadable = false
                return nil
            }
            if !fill(keepFrom: position) {
                end = chunk.count
                break
            }
        }
        if position >= chunk.count && end == chunk.count { return nil }
        let start = position
        let recordLine = line
        position = min(end + 1, chunk.count)
        line += 1
        var lineEnd = end
        if lineEnd > start, chunk[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        if chunk[start..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return false }
        row.line = recordLine
        row.reset(columns: schema.columns.count)
        var parser = JSONObjectParser(bytes: chunk, start: start, end: lineEnd)
        do {
            var seen: Set<String> = []
            try parser.parse { key, keyOffset, value, valueOffset in
                guard let column = schema.columns.firstIndex(of: key) else {
                    throw JSONObjectParser.Failure(offset: keyOffset, message: "unknown field `\(key)`",
                                                   help: Suggestion.closest(to: key, among: schema.columns).map { "did you mean `\($0)`?" }
                                                       ?? "the fields of \(schema.name) are: " + schema.columns.joined(separator: ", "),
                                                   code: .unknownColumn)
                }
                guard seen.insert(key).inserted else {
                    throw JSONObjectParser.Failure(offset: keyOffset, message: "field `\(key)` appears twice", help: "keep one", code: .malformedJSON)
                }
                let begin = row.buffer.count
                row.buffer.append(contentsOf: value)
                row.ranges[column] = begin..<row.buffer.count
                row.rawOffsets[column] = valueOffset - start
            }
        } catch let failure as JSONObjectParser.Failure {
            report(failure.code, failure.message, recordLine: recordLine, rawStart: start, offset: failure.offset, help: failure.help)
            return false
        } catch {
            return false
        }
        for required in schema.required {
            let index = schema.columns.firstIndex(of: required)!
            if row.ranges[index].isEmpty, !seenKey(required, in: start, lineEnd) {
                report(.missingColumn, "record has no `\(required)` field", recordLine: recordLine, rawStart: start,
                       help: "every record of \(schema.name) needs: " + schema.columns.filter(schema.required.contains).joined(separator: ", "))
                return false
            }
        }
        if !checkEncoding(recordLine, start) { return false }
        currentRawStart = start
        return true
    }

    private func seenKey(_ key: String, in start: Int, _ end: Int) -> Bool {
        let needle = Array("\"\(key)\"".utf8)
        return chunk[start..<end].firstRange(of: needle) != nil
    }

    // MARK: Reporting

    /// Reports a problem with a field of the row just read.
    func reportField(_ code: DiagnosticCode, _ message: String, row: TableRow, column: Int, label: String? = nil, help: String?) {
        record(Diagnostic(code, message, at: sourceRange(row: row, column: column), label: label, help: help))
    }

    /// Reports a problem about the row as a whole.
    func reportRow(_ code: DiagnosticCode, _ message: String, row: TableRow, help: String?) {
        report(code, message, recordLine: row.line, rawStart: currentRawStart, offset: currentRawStart, help: help)
    }

    /// Reports a problem at `offset` in the record that starts at `rawStart` on `recordLine`.
    private func report(_ code: DiagnosticCode, _ message: String, recordLine: Int, rawStart: Int?, offset: Int? = nil,
                        label: String? = nil, help: String?, length: Int = 1) {
        record(Diagnostic(code, message, at: sourceRange(recordLine: recordLine, rawStart: rawStart, offset: offset, length: length),
                          label: label, help: help))
    }

    /// The place of a field of the row just read, for a diagnostic made later (when another
    /// table shows that the field is wrong).
    func sourceRange(row: TableRow, column: Int) -> SourceRange {
        let offset = currentRawStart + (column < row.rawOffsets.count ? row.rawOffsets[column] : 0)
        return sourceRange(recordLine: row.line, rawStart: currentRawStart, offset: offset, length: max(1, row.ranges[column].count))
    }

    /// Where the last report found its line in the record it was about. Reports about one record
    /// in order (the header's unknown columns, left to right) go on from there, so that the
    /// record is scanned once in all rather than once per report: a header of 100,000 unknown
    /// columns used to take 49 s.
    private struct LineCursor {
        /// The record (its start in the chunk), and the chunk as it was.
        var rawStart, chunkOffset, chunkCount: Int
        /// How far the record is scanned, and the line found there.
        var scanned, lineStart, lineNumber: Int
        /// Where that line ends; -1 until looked for.
        var lineEnd: Int
    }
    private var lineCursor: LineCursor?
    /// The bytes the reports looked at to find their lines and excerpts: the work that must stay
    /// in proportion to the input (`HeaderWorkTests`).
    private(set) var bytesExaminedForReports = 0

    /// The place of `offset` in the record that starts at `rawStart` on `recordLine`.
    ///
    /// The offending line is kept alone, with its true line number, so that the message can
    /// quote it without the reader keeping the file.
    private func sourceRange(recordLine: Int, rawStart: Int?, offset: Int?, length: Int) -> SourceRange {
        guard let rawStart, rawStart < chunk.count else {
            return SourceRange(SourceFile(path: path, bytes: [], firstLine: recordLine), Span(0, 0))
        }
        let target = min(max(offset ?? rawStart, rawStart), chunk.count)
        var cursor = LineCursor(rawStart: rawStart, chunkOffset: chunkOffset, chunkCount: chunk.count,
                                scanned: rawStart, lineStart: rawStart, lineNumber: recordLine, lineEnd: -1)
        if let last = lineCursor, last.rawStart == rawStart, last.chunkOffset == chunkOffset, last.chunkCount == chunk.count,
           last.scanned <= target {
            cursor = last
        }
        for index in cursor.scanned..<target where chunk[index] == 0x0A {
            cursor.lineStart = index + 1
            cursor.lineNumber += 1
            cursor.lineEnd = -1
        }
        bytesExaminedForReports += target - cursor.scanned
        cursor.scanned = target
        if cursor.lineEnd < 0 {
            // Only as far as the excerpt goes: in a file whose lines end with CR alone, the next
            // LF may be at the end of the file, and every row's report went there (found by
            // fuzz target read_tables: quadratic again).
            let limit = min(chunk.count, cursor.lineStart + TableReader.excerptLength)
            cursor.lineEnd = chunk[cursor.lineStart..<limit].firstIndex(of: 0x0A) ?? limit
            bytesExaminedForReports += cursor.lineEnd - cursor.lineStart
        }
        lineCursor = cursor
        let lineStart = cursor.lineStart
        var lineBytes = Array(chunk[lineStart..<cursor.lineEnd])
        bytesExaminedForReports += lineBytes.count
        if lineBytes.last == 0x0D { lineBytes.removeLast() }
        let file = SourceFile(path: path, bytes: lineBytes, firstLine: cursor.lineNumber)
        let column = min(target - lineStart, lineBytes.count)
        return SourceRange(file, Span(column, min(lineBytes.count, column + length)))
    }

    private func record(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }
}
