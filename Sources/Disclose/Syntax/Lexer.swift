/// Turns the bytes of a rule file into tokens, one at a time.
///
/// The lexer never fails: bytes that form no token become one `.invalid` token and one
/// diagnostic, and the parser stays quiet about them. Identifiers are ASCII only, so a
/// look-alike letter from another script can never pass for an id; any Unicode is welcome
/// inside strings and comments.
package struct Lexer {
    /// The file being read.
    package let file: SourceFile
    private let bytes: [UInt8]
    private var offset: Int
    private var lineBreaks = 0
    private var reportedBadEncoding = false
    /// Unexpected characters reported so far; past `maximumUnexpected`, one more message says
    /// that the rest are not, so that a pasted page of binary gives a short report, promptly.
    private var unexpectedCount = 0
    static let maximumUnexpected = 50
    /// Problems found so far.
    package private(set) var diagnostics: [Diagnostic] = []

    /// Creates a lexer positioned at the start of `file`, past a byte-order mark if there is one.
    package init(file: SourceFile) {
        self.file = file
        bytes = file.bytes
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.prefix(8192).contains(0) {
            // A NUL byte means a binary file (a spreadsheet, an image) or UTF-16 text: one
            // clear message, not a page of nonsense about every byte, and no snippet.
            let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            diagnostics.append(Diagnostic(
                .notText, isUTF16 ? "`\(file.path)` is saved as UTF-16, not UTF-8" : "`\(file.path)` is not a text file",
                at: SourceRange(SourceFile(path: file.path, bytes: []), Span(0, 0)),
                help: isUTF16 ? "save the file as UTF-8 (in Notepad: Save As, Encoding \"UTF-8\")"
                    : "rule files are plain UTF-8 text; if this is a spreadsheet or a document, save the rules as plain text"))
            offset = bytes.count
        }
    }

    /// Reads every token up to and including the end token; for tests and tools.
    package static func tokens(of file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { break }
        }
        return (tokens, lexer.diagnostics)
    }

    /// The next token; `.end` forever once the input is used up.
    package mutating func next() -> Token {
        skipWhitespace()
        let breaks = lineBreaks
        lineBreaks = 0
        guard offset < bytes.count else {
            return Token(.end, Span(bytes.count, bytes.count), lineBreaksBefore: breaks)
        }
        let start = offset
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "#"):
            return comment(start, breaks)
        case UInt8(ascii: "\""):
            return string(start, breaks)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return numberOrDate(start, breaks)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return word(start, breaks)
        case UInt8(ascii: ","):
            offset += 1
            return Token(.comma, Span(start, offset), lineBreaksBefore: breaks)
        case UInt8(ascii: "("):
            offset += 1
            return Token(.leftParenthesis, Span(start, offset), lineBreaksBefore: breaks)
        case UInt8(ascii: ")"):
            offset += 1
            return Token(.rightParenthesis, Span(start, offset), lineBreaksBefore: breaks)
        default:
            return unexpected(start, breaks)
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\n"): lineBreaks += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C: break
            case 0xEF where offset + 2 < bytes.count && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF:
                // A byte-order mark in the middle of a file (pasted text): invisible, so
                // flagged, but read as a space so that it breaks nothing else.
                report(.invisibleCharacter, "invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) between words", Span(offset, offset + 3),
                       label: "here", help: "delete it: it usually comes from pasting text copied from another file")
                offset += 2
            default: return
            }
            offset += 1
        }
    }

    private mutating func comment(_ start: Int, _ breaks: Int) -> Token {
        let isDoc = offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "#")
        offset += isDoc ? 2 : 1
        let textStart = offset
        let (end, stop) = bytes.withUnsafeBufferPointer { Lexer.plainRun($0, from: textStart, inText: false) }
        offset = end
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
        var textEnd = offset
        if textEnd > textStart, bytes[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
        let text = stop == .end ? String(decoding: bytes[textStart..<textEnd], as: UTF8.self)
            : checkedText(textStart, textEnd, context: "comment")
        return Token(isDoc ? .docComment : .comment, Span(start, textEnd), lineBreaksBefore: breaks, text: text)
    }

    private mutating func string(_ start: Int, _ breaks: Int) -> Token {
        if let token = plainString(start, breaks) { return token }
        offset += 1
        var value: [UInt8] = []
        var runStart = offset
        var reportedEscape = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                value.append(contentsOf: bytes[runStart..<offset])
                offset += 1
                let text = checkedText(value, at: start, context: "text")
                return Token(.string, Span(start, offset), lineBreaksBefore: breaks, text: text)
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: "\\") {
                value.append(contentsOf: bytes[runStart..<offset])
                let escapeStart = offset
                offset += 1
                let escaped = offset < bytes.count ? bytes[offset] : 0
                switch escaped {
                case UInt8(ascii: "\""): value.append(escaped)
                case UInt8(ascii: "\\"): value.append(escaped)
                default:
                    // Keep the backslash: a path or a pattern then still reads as written.
                    if !reportedEscape {
                        reportedEscape = true
                        report(.invalidEscape, "a backslash in text that escapes nothing", Span(escapeStart, min(offset + 1, bytes.count)),
                               label: "only `\\\"` and `\\\\` are escapes",
                               help: "write a backslash as `\\\\` (in a pattern, `\\\\d`); in a file path use `/`")
                    }
                    value.append(UInt8(ascii: "\\"))
                    if offset < bytes.count, escaped != UInt8(ascii: "\n") { value.append(escaped) }
                }
                if offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
                runStart = offset
                continue
            }
            offset += 1
        }
        value.append(contentsOf: bytes[runStart..<offset])
        let lineEnd = offset
        if offset == start + 1 || bytes[(start + 1)..<offset].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            // A quote at the end of a line is a closing quote whose opening one is missing.
            report(.unterminatedString, "text has no opening `\"`", Span(start, start + 1), label: "this quote ends text that never started",
                   help: "put a `\"` before the text as well, as in `title en \"Drinking water\"`")
        } else if let closing = continuationQuote(after: offset) {
            // The text goes on over the next line, up to a quote there: one message, and the
            // continuation is taken as part of the text rather than read as more clauses.
            value.append(UInt8(ascii: " "))
            value.append(contentsOf: bytes[(offset + 1)..<closing].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            offset = closing + 1
            report(.unterminatedString, "text runs over two lines", Span(start, lineEnd),
                   label: "continues on the next line", help: "write the whole text on one line: a text cannot contain a line break")
            let text = checkedText(value, at: start, context: "text")
            return Token(.string, Span(start, offset), lineBreaksBefore: breaks, text: text)
        } else {
            report(.unterminatedString, "text is not closed", Span(start, offset),
                   label: "this text has no closing `\"` on its line",
                   help: "end the text with `\"` on the same line; text cannot run over several lines")
        }
        let text = checkedText(value, at: start, context: "text")
        return Token(.string, Span(start, offset), lineBreaksBefore: breaks, text: text)
    }

    /// Most texts have no escape and nothing to flag: they are read straight from the bytes,
    /// without copying them first. Anything else takes the careful path.
    private mutating func plainString(_ start: Int, _ breaks: Int) -> Token? {
        let (end, stop) = bytes.withUnsafeBufferPointer { Lexer.plainRun($0, from: start + 1, inText: true) }
        guard stop == .end, end < bytes.count else { return nil }
        offset = end + 1
        return Token(.string, Span(start, offset), lineBreaksBefore: breaks, text: String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
    }

    /// Where a run of text or comment bytes stops, and why.
    enum RunStop { case end, needsCare }

    /// Scans from `start` to the end of a text (its closing quote, when `inText`) or of a
    /// comment (its line feed, or the end of the file). The run is plain when every character
    /// on the way is printable, tab included, and valid UTF-8: `.end`, with the offset of the
    /// byte that ends it. At anything else (an escape, a line break in a text, a control or
    /// invisible character, bytes that are not UTF-8) it stops with `.needsCare`, and the
    /// careful path reads the run again and reports what it finds.
    static func plainRun(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, inText: Bool) -> (Int, RunStop) {
        guard let base = UnsafeRawPointer(buffer.baseAddress) else { return (start, inText ? .needsCare : .end) }
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if byte < 0x80 {
                // Eight plain ASCII bytes at a time: most of a rule file's text is English.
                if index + 8 <= buffer.count, isPlainASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self), inText: inText) {
                    index += 8
                    continue
                }
                if byte >= 0x20 && byte < 0x7F {
                    if inText {
                        if byte == UInt8(ascii: "\"") { return (index, .end) }
                        if byte == UInt8(ascii: "\\") { return (index, .needsCare) }
                    }
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "\t"): index += 1
                case UInt8(ascii: "\r") where !inText: index += 1
                case UInt8(ascii: "\n") where !inText: return (index, .end)
                default: return (index, .needsCare)
                }
            } else if let length = plainScalarLength(buffer, at: index) {
                index += length
            } else {
                return (index, .needsCare)
            }
        }
        return (index, inText ? .needsCare : .end)
    }

    /// Whether eight bytes (read as one word) are all printable ASCII, and in a text neither
    /// a quote nor a backslash. Bit tricks on the whole word ("Bit Twiddling Hacks": a byte
    /// less than n, a byte equal to v); they may say no for a plain word, which only sends it
    /// down the byte-by-byte path, but never yes for one that is not.
    private static func isPlainASCII(_ word: UInt64, inText: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
        if word & highBits != 0 { return false }
        if (word &- ones &* 0x20) & ~word & highBits != 0 { return false } // a control character
        if hasZeroByte(word ^ (ones &* 0x7F)) { return false } // DELETE
        if inText, hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\\")))) { return false }
        return true
    }

    /// The length of the UTF-8 character at `index` (not ASCII) when it is valid and not one of
    /// the invisible ones (`isInvisibleControl`); nil otherwise. The common leads of the scripts
    /// the programmes write in (Khmer, Vietnamese, Arabic, Bengali…) are decided from their bytes;
    /// the leads that can start an invisible, overlong or surrogate character are decoded.
    private static func plainScalarLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        func isContinuation(_ position: Int) -> Bool { position < buffer.count && buffer[position] & 0xC0 == 0x80 }
        let lead = buffer[index]
        switch lead {
        case 0xC3...0xD7, 0xD9, 0xDA, 0xDD...0xDF:
            // No invisible character starts with these (U+00C0-U+05FF, U+0640-U+06BF,
            // U+0740-U+07FF); `LexerTests.fastPathAgreesWithTheInvisibleCharacterTable` checks it.
            return isContinuation(index + 1) ? 2 : nil
        case 0xE1 where index + 1 < buffer.count && buffer[index + 1] != 0x85 && buffer[index + 1] != 0xA0,
             0xE3 where index + 1 < buffer.count && buffer[index + 1] != 0x85,
             0xE4...0xEC, 0xEE:
            // Khmer, Myanmar, CJK…; not the Hangul fillers (E1 85, E3 85) or U+180E (E1 A0).
            return isContinuation(index + 1) && isContinuation(index + 2) ? 3 : nil
        default:
            guard let (scalar, length) = scalar(in: buffer, at: index), !isInvisibleControl(scalar) else { return nil }
            return length
        }
    }

    /// The offset of the quote ending the line after `lineBreak`, when that line has exactly one
    /// quote and it is the line's last character: the sign of a text broken over two lines.
    private func continuationQuote(after lineBreak: Int) -> Int? {
        guard lineBreak < bytes.count, bytes[lineBreak] == UInt8(ascii: "\n") || bytes[lineBreak] == UInt8(ascii: "\r") else { return nil }
        var start = lineBreak + 1
        if bytes[lineBreak] == UInt8(ascii: "\r"), start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var last = end
        while last > start, bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        let quotes = bytes[start..<end].filter { $0 == UInt8(ascii: "\"") }.count
        guard quotes == 1, last > start, bytes[last - 1] == UInt8(ascii: "\"") else { return nil }
        return last - 1
    }

    private mutating func numberOrDate(_ start: Int, _ breaks: Int) -> Token {
        while offset < bytes.count, isWordByte(bytes[offset]) || bytes[offset] == UInt8(ascii: ".")
            || (bytes[offset] == UInt8(ascii: "/") && offset + 1 < bytes.count && bytes[offset + 1] >= 48 && bytes[offset + 1] <= 57)
        { offset += 1 }
        let span = Span(start, offset)
        let literal = bytes[start..<offset]
        let parts = String(decoding: literal, as: UTF8.self).split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), let year = Int(parts[2]), parts[2].count == 4 {
            // 01/10/2013: day and month cannot be told apart, so both readings are offered.
            let first = Int(parts[0]) ?? 0
            let second = Int(parts[1]) ?? 0
            let readings = [Day(year: year, month: second, day: first), Day(year: year, month: first, day: second)].compactMap { $0 }
            let unique = readings.reduce(into: [Day]()) { if !$0.contains($1) { $0.append($1) } }
            report(.invalidLiteral, "`\(file.text(span))` is not written YYYY-MM-DD", span, label: "day and month order is unclear",
                   help: unique.isEmpty ? "write dates as YYYY-MM-DD, for example `2013-10-01`"
                       : "write it as " + unique.map { "`\($0)`" }.joined(separator: " or "))
            return Token(.invalid, span, lineBreaksBefore: breaks)
        }
        if literal.count == 10, literal[start + 4] == UInt8(ascii: "-") {
            if let day = Day(isoBytes: literal) {
                return Token(.date, span, lineBreaksBefore: breaks, date: PartialDate(day))
            }
            report(.invalidLiteral, "`\(file.text(span))` is not a valid date", span,
                   label: "no such day", help: "write dates as YYYY-MM-DD, for example `2024-02-29`")
            return Token(.invalid, span, lineBreaksBefore: breaks)
        }
        // `2014-10`: a date known only to the month, which a decision's `on` may give.
        if literal.count == 7, literal[start + 4] == UInt8(ascii: "-"),
           literal.enumerated().allSatisfy({ $0.offset == 4 || ($0.element >= 48 && $0.element <= 57) })
        {
            if let date = PartialDate(iso: file.text(span)) {
                return Token(.date, span, lineBreaksBefore: breaks, date: date)
            }
            report(.invalidLiteral, "`\(file.text(span))` is not a valid month", span, label: "no such month",
                   help: "write a month as YYYY-MM with a month from 01 to 12, for example `2014-10`")
            return Token(.invalid, span, lineBreaksBefore: breaks)
        }
        if let value = Lexer.decimal(literal) {
            return Token(.number, span, lineBreaksBefore: breaks, number: value)
        }
        let hasLetter = literal.contains { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        report(.invalidLiteral, "`\(file.text(span))` is not a number or a date", span, label: nil,
               help: hasLetter
                   ? "put a space between a number and its unit, as in `48 hours`"
                   : "write numbers like `15` or `2.5`, and dates as YYYY-MM-DD")
        return Token(.invalid, span, lineBreaksBefore: breaks)
    }

    /// Parses `digits[.digits]`; nil for anything else.
    static func decimal(_ literal: some Collection<UInt8>) -> Double? {
        var whole = 0.0
        var fraction = 0.0
        var scale = 1.0
        var seenDot = false
        var digitsAfterDot = 0
        for byte in literal {
            if byte == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if byte >= 48, byte <= 57 {
                if seenDot {
                    scale /= 10
                    fraction += Double(byte - 48) * scale
                    digitsAfterDot += 1
                } else {
                    whole = whole * 10 + Double(byte - 48)
                }
            } else {
                return nil
            }
        }
        if seenDot, digitsAfterDot == 0 { return nil }
        guard whole.isFinite, whole < 1e15 else { return nil }
        return whole + fraction
    }

    private mutating func word(_ start: Int, _ breaks: Int) -> Token {
        while offset < bytes.count, isWordByte(bytes[offset]) || bytes[offset] == UInt8(ascii: ".") { offset += 1 }
        // A word may not end in `.`: that is a sentence stop, not part of an id.
        while offset > start + 1, bytes[offset - 1] == UInt8(ascii: ".") { offset -= 1 }
        let span = Span(start, offset)
        if bytes[start] >= UInt8(ascii: "a"),
           let keyword = bytes.withUnsafeBufferPointer({ Keyword.named(bytes: UnsafeBufferPointer(rebasing: $0[start..<span.end])) })
        {
            return Token(.keyword(keyword), span, lineBreaksBefore: breaks, text: keyword.rawValue)
        }
        return Token(.word, span, lineBreaksBefore: breaks, text: String(decoding: bytes[start..<offset], as: UTF8.self))
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private mutating func unexpected(_ start: Int, _ breaks: Int) -> Token {
        let first = Lexer.scalar(in: bytes, at: start)
        // Always consume the first character: `-` and `.` are word characters inside a word,
        // but cannot start one, and the loop below would otherwise never move.
        offset += first?.length ?? 1
        if let (scalar, _) = first, Lexer.isCurlyOpeningQuote(scalar) {
            // Text in curly quotes, as word processors write it: one token up to the closing quote.
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
                let next = Lexer.scalar(in: bytes, at: offset)
                offset += next?.length ?? 1
                if let (closing, _) = next, Lexer.isCurlyClosingQuote(closing) { break }
            }
        }
        // Swallow a whole run of unexpected characters so that one slip gives one message.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#")
                || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
                || isWordByte(byte)
            { break }
            offset += Lexer.scalar(in: bytes, at: offset)?.length ?? 1
        }
        let span = Span(start, offset)
        guard let (scalar, _) = first else {
            reportBadEncoding(at: start)
            return Token(.invalid, span, lineBreaksBefore: breaks)
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let visible = scalar.value >= 0x21 && !Lexer.isInvisibleControl(scalar) && scalar.properties.generalCategory != .format
        let shown = scalar.isASCII && visible ? "`\(Character(scalar))`"
            : (visible ? "`\(Character(scalar))` " : "") + "(\(code)\(Lexer.name(of: scalar).map { " \($0)" } ?? ""))"
        var help: String
        switch scalar {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}":
            help = "write text between straight double quotes `\"`; word processors turn them into curly ones"
        case ":", ";", "=":
            help = "clauses need no punctuation: write `title en \"…\"`, not `title: en = \"…\"`"
        case "-", "*", "•":
            help = "a note starts with `#`; numbers in rules have no sign"
        case "/":
            help = "write dates as YYYY-MM-DD, such as `2013-10-01`; a note starts with `#`"
        default:
            help = !visible ? "delete this invisible character; it often comes along with pasted text"
                : scalar.isASCII
                ? "ids use the letters A to Z, digits, `-`, `_` and `.`; put other characters inside quotes"
                : "ids use only the ASCII letters A to Z, so that a look-alike letter from another alphabet cannot pass for an id; put other text inside quotes"
        }
        unexpectedCount += 1
        if unexpectedCount <= Lexer.maximumUnexpected {
            report(.unexpectedCharacter, "unexpected character \(shown)", span, label: nil, help: help)
        } else if unexpectedCount == Lexer.maximumUnexpected + 1 {
            report(.unexpectedCharacter, "more unexpected characters from here on; only the first \(Lexer.maximumUnexpected) are reported", span,
                   label: nil, help: "fix the ones above and check again; if this is not a rule file, check the file name")
        }
        return Token(.invalid, span, lineBreaksBefore: breaks)
    }

    /// Decodes checked text of a comment or string between two offsets.
    private mutating func checkedText(_ start: Int, _ end: Int, context: String) -> String {
        checkedText(Array(bytes[start..<end]), at: start, context: context)
    }

    /// Checks that text is valid UTF-8 and free of invisible control characters.
    private mutating func checkedText(_ value: [UInt8], at tokenStart: Int, context: String) -> String {
        var index = 0
        var warnedInvisible = false
        var previous: Unicode.Scalar = " "
        while index < value.count {
            let byte = value[index]
            if byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                previous = Unicode.Scalar(byte); index += 1; continue
            }
            guard let (scalar, length) = Lexer.scalar(in: value, at: index) else {
                reportBadEncoding(at: firstInvalidByte(from: tokenStart) ?? tokenStart)
                return String(decoding: value, as: UTF8.self)
            }
            // A zero-width space separates words in Khmer, Thai, Lao and Myanmar writing.
            let separatesWords = scalar.value == 0x200B && Lexer.writesWithoutSpaces(previous)
            if !warnedInvisible, Lexer.isInvisibleControl(scalar), !separatesWords {
                warnedInvisible = true
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                let name = Lexer.name(of: scalar).map { " (\($0))" } ?? ""
                let needle = Array(value[index..<(index + length)])
                let at = bytes[tokenStart...].firstRange(of: needle)?.lowerBound ?? tokenStart
                report(.invisibleCharacter, "invisible character U+\(padded)\(name) in \(context)", Span(at, at + length),
                       label: "here",
                       help: "remove it: invisible and text-direction characters can make a file read differently from what it says")
            }
            previous = scalar
            index += length
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// The offset of the first byte at or after `start` that is not valid UTF-8.
    private func firstInvalidByte(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            guard let (_, length) = Lexer.scalar(in: bytes, at: index) else { return index }
            index += length
        }
        return nil
    }

    private mutating func reportBadEncoding(at start: Int) {
        guard !reportedBadEncoding else { return }
        reportedBadEncoding = true
        report(.invalidEncoding, "file is not valid UTF-8", Span(start, start + 1),
               label: "this byte is not UTF-8",
               help: "save the file as UTF-8 (in Excel: Save As, then \"CSV UTF-8\"; in a text editor: Encoding, UTF-8)")
    }

    /// The Unicode name of a character, or for a control character (which has none) its
    /// usual one, so that a message can say what it found.
    static func name(of scalar: Unicode.Scalar) -> String? {
        if let name = scalar.properties.name { return name }
        switch scalar.value {
        case 0x00: return "NULL"
        case 0x07: return "BELL"
        case 0x08: return "BACKSPACE"
        case 0x0B: return "LINE TABULATION"
        case 0x0C: return "FORM FEED"
        case 0x1B: return "ESCAPE"
        case 0x7F: return "DELETE"
        case 0x00...0x1F, 0x80...0x9F: return "a control character"
        default: return scalar.properties.nameAlias
        }
    }

    /// Scripts that separate words with zero-width spaces rather than spaces.
    static func writesWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1780...0x17FF, 0x0E00...0x0EFF, 0x1000...0x109F: true
        default: false
        }
    }

    static func isCurlyOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{201C}" || scalar == "\u{201E}" || scalar == "\u{00AB}"
    }

    static func isCurlyClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{201D}" || scalar == "\u{201C}" || scalar == "\u{00BB}"
    }

    /// Characters that show nothing, or change how the text around them shows, and so can make
    /// a file read differently from what it says: control characters other than tab and line
    /// breaks (ESC, quoted in a diagnostic, would reach the reader's terminal as a command);
    /// every format character (Unicode category Cf: text-direction controls, zero-width space,
    /// soft hyphen, a stray byte-order mark, U+180E, the interlinear annotation marks
    /// U+FFF9-U+FFFB, the tag characters U+E0000-U+E007F that can carry a hidden message);
    /// the line and paragraph separators U+2028 and U+2029 (categories Zl, Zp), which some
    /// editors show as a line break and others not at all; and the Hangul fillers (U+115F,
    /// U+1160, U+3164, U+FFA0), letters by category but blank.
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Zero-width joiners (U+200C, U+200D) are left alone: Sinhala, Bengali and Urdu spell words with them.
        case 0x200C, 0x200D: return false
        case 0x115F, 0x1160, 0x3164, 0xFFA0: return true
        default:
            switch scalar.properties.generalCategory {
            case .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// Decodes one UTF-8 scalar; nil when the bytes are not valid UTF-8.
    static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, length: Int)? {
        bytes.withUnsafeBufferPointer { scalar(in: $0, at: index) }
    }

    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for position in (index + 1)..<(index + length) {
            let next = bytes[position]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, _ span: Span, label: String?, help: String) {
        diagnostics.append(Diagnostic(code, message, at: SourceRange(file, span), label: label, help: help))
    }
}
