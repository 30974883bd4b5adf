import Disclose

/// A position as the protocol counts it: a 0-based line and a 0-based offset in UTF-16 code
/// units within the line.
struct Position: Hashable, Comparable {
    var line: Int
    var character: Int

    static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }

    var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

/// Converts between the project's byte offsets and the protocol's UTF-16 positions.
///
/// The checker counts bytes of UTF-8; editors count UTF-16 code units on a line, so a Khmer
/// letter is three bytes and one unit, and an emoji four bytes and two units. A leading
/// byte-order mark is not part of the first line: editors do not show it.
struct LineIndex {
    let bytes: [UInt8]
    let lineStarts: [Int]

    init(_ file: SourceFile) {
        bytes = file.bytes
        lineStarts = file.lineStarts
    }

    init(bytes: [UInt8]) {
        self.init(SourceFile(path: "", bytes: bytes))
    }

    private var markLength: Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// The 0-based line holding a byte offset.
    func line(of offset: Int) -> Int {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The first byte of a 0-based line (after a byte-order mark on the first).
    func start(ofLine line: Int) -> Int {
        let start = lineStarts[min(max(line, 0), lineStarts.count - 1)]
        return line == 0 ? max(start, markLength) : start
    }

    /// The byte after the last byte of a line's text, before its line break (and a `\r`).
    func end(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        var end = lineStarts[line + 1] - 1
        if end > start(ofLine: line), bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The protocol position of a byte offset.
    func position(of offset: Int) -> Position {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(of: clamped)
        var index = start(ofLine: line)
        var units = 0
        while index < clamped {
            let byte = bytes[index]
            // A four-byte sequence is a character outside the Basic Multilingual Plane: two
            // UTF-16 units. Continuation bytes count nothing; invalid bytes count one, as
            // the lenient decoder turns each into U+FFFD.
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return Position(line: line, character: units)
    }

    /// The byte offset of a protocol position; past the end of a line is the end of the line.
    func offset(of position: Position) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        var index = start(ofLine: position.line)
        let end = end(ofLine: position.line)
        var units = 0
        while index < end, units < position.character {
            let byte = bytes[index]
            units += byte >= 0xF0 ? 2 : 1
            index += 1
            while index < end, bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }

    /// The protocol range of a span.
    func range(of span: Span) -> JSONValue {
        .object([("start", position(of: span.start).json), ("end", position(of: span.end).json)])
    }
}
