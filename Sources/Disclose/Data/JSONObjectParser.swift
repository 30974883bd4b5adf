/// Reads one flat JSON object from a line of a JSON Lines file.
///
/// Values may be strings, numbers, `true`/`false`/`null`, or arrays of strings (joined with
/// `;`, the separator of list fields in CSV). Anything else is a failure at a byte offset.
struct JSONObjectParser {
    struct Failure: Error {
        var offset: Int
        var message: String
        var help: String
        var code: DiagnosticCode = .malformedJSON
    }

    private let bytes: [UInt8]
    private var index: Int
    private let end: Int

    init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        index = start
        self.end = end
    }

    /// Calls `field` with each key, the key's offset, the value's bytes and the value's offset.
    mutating func parse(_ field: (String, Int, [UInt8], Int) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "{"), "a record starts with `{`")
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                let keyOffset = index
                guard peek == UInt8(ascii: "\"") else { throw failure("expected a field name in double quotes") }
                let key = String(decoding: try string(), as: UTF8.self)
                skipSpace()
                try expect(UInt8(ascii: ":"), "a field name is followed by `:`")
                skipSpace()
                let valueOffset = index
                let value = try value()
                try field(key, keyOffset, value, valueOffset)
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"), "expected `,` or `}`")
                break
            }
        }
        skipSpace()
        if index < end { throw failure("more text after the end of the record") }
    }

    private var peek: UInt8? { index < end ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws {
        guard peek == byte else { throw failure(message) }
        index += 1
    }

    private func failure(_ message: String) -> Failure {
        Failure(offset: index, message: message, help: "each line must hold one JSON object, such as {\"factory_id\": \"F-001\", \"name\": \"Star Garments\"}")
    }

    private mutating func value() throws -> [UInt8] {
        guard let first = peek else { throw failure("expected a value") }
        switch first {
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "["):
            index += 1
            var items: [[UInt8]] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; return [] }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw failure("a list holds only texts in double quotes") }
                items.append(try string())
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"), "expected `,` or `]`")
                return Array(items.joined(separator: [UInt8(ascii: ";")]))
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            while let byte = peek, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (byte >= 48 && byte <= 57) { index += 1 }
            return Array(bytes[start..<index])
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] {
                let spelled = Array(word.utf8)
                if index + spelled.count <= end, Array(bytes[index..<(index + spelled.count)]) == spelled {
                    index += spelled.count
                    return word == "null" ? [] : spelled
                }
            }
            throw failure("expected a value")
        case UInt8(ascii: "{"):
            throw failure("nested objects are not allowed; give each field as text")
        default:
            throw failure("expected a value")
        }
    }

    private mutating func string() throws -> [UInt8] {
        let start = index
        index += 1
        var result: [UInt8] = []
        while true {
            guard let byte = peek else {
                index = start
                throw failure("text is not closed with `\"`")
            }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return result
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { throw failure("text is not closed with `\"`") }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard peek == UInt8(ascii: "\\"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("a lone surrogate in `\\u` escape")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in `\\u` escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar) else { throw failure("an invalid `\\u` escape") }
                    result.append(contentsOf: Array(String(Character(value)).utf8))
                default:
                    index -= 1
                    throw failure("unknown escape `\\\(Character(Unicode.Scalar(escaped)))`")
                }
            default:
                if byte < 0x20 { index -= 1; throw failure("a control character inside text; write it as an escape such as `\\n`") }
                result.append(byte)
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= end else { throw failure("`\\u` needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw failure("`\\u` needs four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
