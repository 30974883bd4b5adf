import Foundation

/// A half-open range of byte offsets into one source file.
///
/// Spans are what every token, syntax node and diagnostic carries; line and column
/// are computed from them only when something is shown to a person.
package struct Span: Hashable, Sendable, Comparable {
    /// The offset of the first byte.
    package var start: Int
    /// The offset one past the last byte.
    package var end: Int

    /// Creates a span from `start` up to, not including, `end`.
    package init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both.
    package func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    package static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// The text of one rule or data file, as bytes, with the path it is shown under.
package final class SourceFile: Sendable, Hashable {
    /// The path shown in messages: relative to the working folder where possible.
    package let path: String
    /// The file's raw bytes, exactly as read (a leading BOM included).
    package let bytes: [UInt8]
    /// Offsets of the first byte of every line.
    package let lineStarts: [Int]
    /// The number of lines before the first byte held: a data file's line is kept alone,
    /// with its true line number, so that messages can quote it without keeping the file.
    package let firstLine: Int

    /// Creates a source file from raw bytes; `firstLine` is the line number of its first line.
    package init(path: String, bytes: [UInt8], firstLine: Int = 1) {
        self.path = path
        self.bytes = bytes
        self.firstLine = firstLine
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            // `memchr` skips from one line feed to the next far faster than a loop over the
            // bytes: every rule file read pays for this, and most never show a line number.
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// Creates a source file from text, for tests and generated files.
    package convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 1-based line and column (in characters, not bytes) of a byte offset.
    package func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        // A byte-order mark is not a column: on the first line, count from after it.
        let hasMark = low == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let lineStart = hasMark ? min(3, clamped) : lineStarts[low]
        var column = 1
        var index = lineStart
        while index < clamped {
            // Count code points, not bytes: continuation bytes do not start a character.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + firstLine, column)
    }

    /// The text of the 1-based line `number`, without its line break.
    package func lineText(_ lineNumber: Int) -> String {
        let number = lineNumber - firstLine + 1
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]), end >= 3 { return String(decoding: bytes[3..<end], as: UTF8.self) }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The byte offsets of the 1-based line `number`, without its line break (and on the
    /// first line without a byte-order mark): what `lineText` decodes.
    package func lineBounds(_ lineNumber: Int) -> Range<Int> {
        let number = lineNumber - firstLine + 1
        guard number >= 1, number <= lineStarts.count else { return bytes.count..<bytes.count }
        var start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]), end >= 3 { start = 3 }
        return start..<max(start, end)
    }

    /// The text covered by a span, decoded leniently.
    package func text(_ span: Span) -> String {
        let start = min(span.start, bytes.count)
        let end = min(span.end, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    package static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs === rhs }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// A span inside a particular file.
package struct SourceRange: Hashable, Sendable {
    /// The file.
    package var file: SourceFile
    /// The bytes inside it.
    package var span: Span

    /// Creates a range.
    package init(_ file: SourceFile, _ span: Span) {
        self.file = file
        self.span = span
    }
}
