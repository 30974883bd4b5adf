import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a clean answers table fast, on every core: the common case of `disclose publish`.
///
/// "Clean" is what a careful reading would accept without a word: a CSV file whose columns
/// are `assessment_id,question_id,answer` in that order, rows of unquoted ASCII fields,
/// known ids, no second answer to a question. The scanner decides nothing else: at the first
/// row it is not sure of it gives up, and the publisher reads the whole table again with
/// `TableReader`, which reports every problem with its file, line and column. So this path
/// changes how fast a table is read, never what comes of it. An answer that does not fit its
/// question (or is not-applicable where that is not allowed) is no reason to give up: it is
/// recorded as unusable, as the careful reader records it, and remembered by its place in the
/// file (`AnswerStore.Remark`); `located(_:)` then finds its line, for the same warning the
/// careful reader gives. A few odd answers in millions used to send the whole table to the
/// careful reader, at twice the cost.
///
/// The rows after the header are cut into one part per thread, at line ends. Each thread
/// reads its part a chunk at a time (memory stays at a chunk per thread, whatever the size
/// of the file) into an `AnswerStore` of its own; the stores merge at the end. A row may be
/// in any part, so an assessment's answers may be split between stores: each (assessment,
/// question) is answered once in a clean table, so the merge does not depend on the order.
///
/// Two guesses save most of the work on a row, and both are checked byte for byte: that the
/// row is of the same assessment as the row before, and that its question is the one that
/// followed the question of the row before last time (data exported from one system lists
/// the questions in the same order for every assessment). A wrong guess costs a comparison;
/// the row is then read in full.
struct AnswerScanner: Sendable {
    /// The catalogue questions of one country: ids to index, and index to id bytes.
    struct Questions: Sendable {
        let table: ByteTable
        /// Question `i`'s id is `idBytes[idStarts[i]..<idStarts[i + 1]]`.
        let idBytes: [UInt8]
        let idStarts: [Int]

        init(ids: [String], table: ByteTable) {
            self.table = table
            var bytes: [UInt8] = []
            var starts = [0]
            for id in ids {
                bytes += id.utf8
                starts.append(bytes.count)
            }
            idBytes = bytes
            idStarts = starts
        }
    }

    /// The file, and the byte offset where its rows start (after the header).
    let path: String
    let rowsStart: Int
    /// Assessment id bytes to the assessment's index.
    let assessments: ByteTable
    /// The countries' questions, and the country of each assessment (by index into
    /// `countries`); -1 for an assessment without a plan, whose answers only a careful
    /// reading reports.
    let countries: [Questions]
    let countryOfSheet: [Int]
    let layout: AnswerStore.Layout
    var settings = Settings()

    /// Whether and how to scan; tests make chunks and parts tiny, to exercise their seams.
    struct Settings: Sendable {
        var isEnabled = true
        var threads = Threads.count
        var chunkSize = 1 << 20
        /// Parts smaller than this are not worth a thread of their own.
        var minimumPartSize = 4 << 20
    }

    /// Reads every row; nil when some row needs a careful reading.
    func read() -> AnswerStore? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue, size >= rowsStart else { return nil }
        let parts = max(1, min(settings.threads, (size - rowsStart) / settings.minimumPartSize))
        let bounds = (0...parts).map { rowsStart + (size - rowsStart) * $0 / parts }
        if parts == 1 {
            var store = AnswerStore(layout: layout)
            return scan(bounds[0]..<bounds[1], isFirst: true, fileSize: size, into: &store) ? store : nil
        }
        let results = PartResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var store = AnswerStore(layout: layout)
            let clean = scan(bounds[part]..<bounds[part + 1], isFirst: part == 0, fileSize: size, into: &store)
            results.set(part, clean ? store : nil)
        }
        guard var merged = results.take(0) else { return nil }
        for part in 1..<parts {
            guard let store = results.take(part), merged.merge(store) else { return nil }
        }
        return merged
    }

    /// The stores of the parts, as threads finish them.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private var stores: [AnswerStore?]

        init(count: Int) { stores = Array(repeating: nil, count: count) }

        func set(_ part: Int, _ store: AnswerStore?) { lock.withLock { stores[part] = store } }

        func take(_ part: Int) -> AnswerStore? {
            lock.withLock {
                defer { stores[part] = nil }
                return stores[part]
            }
        }
    }

    // MARK: One part

    /// Reads the rows that start in `range` (a row started before it belongs to the part
    /// before; the last row may run past its end) into `store`; false at the first row that
    /// needs a careful reading.
    private func scan(_ range: Range<Int>, isFirst: Bool, fileSize: Int, into store: inout AnswerStore) -> Bool {
        // The careful reader checked that the table is an ordinary file; should something else
        // be put at its name since, this gives up (without waiting, for a named pipe) rather than
        // read it, and the careful reader reads the file it checked, which it holds open.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        // The file offset of buffer[0], and how many bytes of the buffer hold file data.
        var offset = isFirst ? range.lowerBound : range.lowerBound - 1
        // No bigger than the rest of the file plus one byte: a small file costs a small buffer,
        // and a row outgrows it only when it is longer than `chunkSize`, as before.
        var buffer = [UInt8](repeating: 0, count: min(settings.chunkSize, max(1, fileSize - offset + 1)))
        var filled = 0
        var atEnd = false
        // A part other than the first starts after the first line end at or after its
        // start minus one byte: so a row that starts exactly on the boundary is its own.
        var startsInRow = !isFirst
        var state = RowState(countries: countries.map { [Int](repeating: -1, count: $0.idStarts.count) })
        while true {
            if filled == buffer.count { return false }  // a row longer than the buffer: let the careful reader say so
            let count = buffer.withUnsafeMutableBytes { bytes in
                pread(descriptor, bytes.baseAddress! + filled, bytes.count - filled, off_t(offset + filled))
            }
            if count < 0 { return false }
            if count == 0 { atEnd = true }
            filled += count
            var start = 0
            if startsInRow {
                guard let newline = buffer[0..<filled].firstIndex(of: 0x0A) else {
                    if atEnd { return true }
                    offset += filled
                    filled = 0
                    continue
                }
                start = newline + 1
                startsInRow = false
            }
            let limit = range.upperBound - offset
            let result = buffer.withUnsafeBufferPointer { bytes in
                scanRows(UnsafeBufferPointer(rebasing: bytes[0..<filled]), at: offset, from: start, limit: limit, atEnd: atEnd, state: &state, into: &store)
            }
            switch result {
            case .needsCarefulReading: return false
            case .done: return true
            case .needMore(let next):
                if atEnd { return next >= filled }
                // Keep the unfinished row, at the front of the buffer.
                buffer.withUnsafeMutableBufferPointer { bytes in
                    let rest = filled - next
                    if rest > 0 { bytes.baseAddress!.update(from: bytes.baseAddress! + next, count: rest) }
                }
                offset += next
                filled -= next
            }
        }
    }

    /// What a part remembers from row to row, for its guesses.
    private struct RowState {
        /// The assessment of the row before: its id bytes, index, plan and country.
        var id: [UInt8] = []
        var sheet = -1
        var plan: EvaluationPlan?
        var country = -1
        /// The questions of its country (a copy, so that a row costs no reference counting).
        var questions = Questions(ids: [], table: ByteTable(capacity: 0))
        /// The question of the row before (-1 at an assessment's first row).
        var question = -1
        /// By country: the question that followed each question last time, by index + 1
        /// (index 0: the first question of an assessment); -1 when not known yet.
        var following: [[Int]]

        init(countries: [[Int]]) { following = countries }
    }

    private enum ScanResult {
        /// Every row starting before the limit is read.
        case done
        /// The row at this index is unfinished: read more of the file.
        case needMore(Int)
        case needsCarefulReading
    }

    private static let comma: UInt8 = 0x2C
    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Whether a byte may sit inside a field here: anything but a comma, a line end, a quote,
    /// a NUL or a byte of a multi-byte UTF-8 sequence (those the careful reader checks, and
    /// refuses or reads, so that both paths give the same result).
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        (byte > 0x2C && byte < 0x80) || (byte < 0x2C && byte != 0x0A && byte != 0x0D && byte != 0x22 && byte != 0x00)
    }

    /// The end of the field that starts at `from`: the index of the comma or line end after
    /// it, or `bytes.count` when the buffer ends first; nil at a byte only a careful reading may judge.
    @inline(__always)
    private static func fieldEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if byte == comma || byte == newline || byte == carriageReturn { return index }
            if !isPlain(byte) { return nil }
            index += 1
        }
        return index
    }

    /// `base`: the file offset of `bytes[0]`.
    private func scanRows(_ bytes: UnsafeBufferPointer<UInt8>, at base: Int, from start: Int, limit: Int, atEnd: Bool,
                          state: inout RowState, into store: inout AnswerStore) -> ScanResult {
        var row = start
        while row < bytes.count {
            if row >= limit { return .done }
            // A blank line is no row, as for the careful reader.
            if bytes[row] == AnswerScanner.newline { row += 1; continue }

            // The assessment: the same as the row before's, or looked up.
            var questionStart: Int
            let length = state.id.count
            let same = length > 0 && row + length < bytes.count && bytes[row + length] == AnswerScanner.comma
                && state.id.withUnsafeBufferPointer { ByteTable.equal(bytes.baseAddress! + row, $0.baseAddress!, count: length) }
            if same {
                questionStart = row + length + 1
            } else {
                guard let end = AnswerScanner.fieldEnd(bytes, from: row) else { return .needsCarefulReading }
                if end == bytes.count { return atEnd ? .needsCarefulReading : .needMore(row) }
                guard bytes[end] == AnswerScanner.comma else { return .needsCarefulReading }
                let id = UnsafeBufferPointer(rebasing: bytes[row..<end])
                guard let sheet = assessments.value(for: id), countryOfSheet[sheet] >= 0 else { return .needsCarefulReading }
                state.id = Array(id)
                state.sheet = sheet
                state.plan = layout.plans[sheet]
                if state.country != countryOfSheet[sheet] {
                    state.country = countryOfSheet[sheet]
                    state.questions = countries[state.country]
                }
                state.question = -1
                questionStart = end + 1
            }

            // The question: the guess, or looked up.
            var question = state.following[state.country][state.question + 1]
            var answerStart = -1
            if question >= 0 {
                let idStart = state.questions.idStarts[question]
                let length = state.questions.idStarts[question + 1] - idStart
                if questionStart + length < bytes.count, bytes[questionStart + length] == AnswerScanner.comma,
                   state.questions.idBytes.withUnsafeBufferPointer({ ByteTable.equal(bytes.baseAddress! + questionStart, $0.baseAddress! + idStart, count: length) }) {
                    answerStart = questionStart + length + 1
                }
            }
            if answerStart < 0 {
                guard let questionEnd = AnswerScanner.fieldEnd(bytes, from: questionStart) else { return .needsCarefulReading }
                if questionEnd == bytes.count { return atEnd ? .needsCarefulReading : .needMore(row) }
                guard bytes[questionEnd] == AnswerScanner.comma,
                      let found = state.questions.table.value(for: UnsafeBufferPointer(rebasing: bytes[questionStart..<questionEnd]))
                else { return .needsCarefulReading }
                question = found
                state.following[state.country][state.question + 1] = found
                answerStart = questionEnd + 1
            }
            state.question = question

            // The answer, up to the line end (LF or CRLF) or the end of the file.
            guard let answerEnd = AnswerScanner.fieldEnd(bytes, from: answerStart) else { return .needsCarefulReading }
            var next: Int
            if answerEnd == bytes.count {
                guard atEnd else { return .needMore(row) }
                next = answerEnd
            } else if bytes[answerEnd] == AnswerScanner.newline {
                next = answerEnd + 1
            } else if bytes[answerEnd] == AnswerScanner.carriageReturn {
                if answerEnd + 1 == bytes.count, !atEnd { return .needMore(row) }
                guard answerEnd + 1 < bytes.count, bytes[answerEnd + 1] == AnswerScanner.newline else { return .needsCarefulReading }
                next = answerEnd + 2
            } else {
                return .needsCarefulReading  // a fourth field
            }

            let outcome = store.record(UnsafeBufferPointer(rebasing: bytes[answerStart..<answerEnd]), question: question, sheet: state.sheet, plan: state.plan!)
            switch outcome {
            case .stored, .notNeeded: break
            case .duplicate: return .needsCarefulReading
            case .unreadable, .unusable, .unusableNotNeeded:
                store.remarks.append(AnswerStore.Remark(row: base + row, answer: (base + answerStart)..<(base + answerEnd),
                                                        sheet: state.sheet, question: question, outcome: outcome))
            }
            row = next
        }
        return atEnd ? .done : .needMore(row)
    }

    // MARK: Remarks

    /// A remarked answer, found again in the file: its line, the line's first bytes as a
    /// diagnostic quotes them (`TableReader.excerptLength`, no line end), and the answer.
    struct Located {
        var line: Int
        var excerpt: [UInt8]
        var answer: [UInt8]
    }

    /// Finds the lines of `remarks` (in file order): the line ends before each are counted in
    /// one pass over the file up to the last, a chunk at a time. A clean table has no quoted
    /// field, so every line end ends a row and the count is the row's line. Nil when the file
    /// cannot be read again; the caller then reads it carefully.
    func located(_ remarks: [AnswerStore.Remark]) -> [Located]? {
        guard !remarks.isEmpty else { return [] }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func bytes(_ range: Range<Int>) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: range.count)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, range.count, off_t(range.lowerBound)) }
            guard count >= 0 else { return nil }
            buffer.removeLast(range.count - count)
            return buffer
        }
        var result: [Located] = []
        var line = 1
        var counted = 0
        var chunk = [UInt8](repeating: 0, count: settings.chunkSize)
        for remark in remarks {
            // Line ends between the last remark and this one.
            while counted < remark.row {
                let want = min(chunk.count, remark.row - counted)
                let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, want, off_t(counted)) }
                guard count > 0 else { return nil }
                for byte in chunk[0..<count] where byte == 0x0A { line += 1 }
                counted += count
            }
            guard var excerpt = bytes(remark.row..<(remark.row + TableReader.excerptLength)),
                  let answer = bytes(remark.answer), answer.count == remark.answer.count else { return nil }
            if let end = excerpt.firstIndex(of: 0x0A) { excerpt.removeSubrange(end...) }
            if excerpt.last == 0x0D { excerpt.removeLast() }
            result.append(Located(line: line, excerpt: excerpt, answer: answer))
        }
        return result
    }
}
