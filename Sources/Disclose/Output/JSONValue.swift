import Foundation

/// A JSON value whose objects keep their keys in the order given.
///
/// Written by hand rather than with `JSONSerialization` so that output is byte-for-byte
/// the same on every machine and run: keys in a fixed order, numbers without float noise.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose elements are made as they are written, and let go: the arrays of a
    /// large report are never all in memory at once.
    case elements(LazyElements)

    /// The elements of a lazily made array: how many, and how to make each.
    package struct LazyElements: Sendable {
        package let count: Int
        package let element: @Sendable (Int) -> JSONValue

        package init(count: Int, element: @escaping @Sendable (Int) -> JSONValue) {
            self.count = count
            self.element = element
        }
    }

    /// An array made element by element as it is written.
    package static func lazyArray<Items: RandomAccessCollection & Sendable>(_ items: Items, _ transform: @escaping @Sendable (Items.Element) -> JSONValue) -> JSONValue
    where Items.Index == Int {
        .elements(LazyElements(count: items.count) { transform(items[items.startIndex + $0]) })
    }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    package func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An integer.
    package static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// A string, or null.
    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The text of the value: compact, or indented by two spaces per level.
    package func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:)`, written straight into a byte array: outputs of
    /// a hundred megabytes are written without a `String` built one scalar at a time.
    package func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 12)
        write(to: &output, indent: pretty ? 0 : nil, flush: nil)
        return output
    }

    /// Writes the pretty text of the value and a final line break to `handle` a megabyte at a
    /// time: with `.elements` arrays, memory stays flat however large the output.
    package func write(to handle: FileHandle) throws {
        var output: [UInt8] = []
        output.reserveCapacity(JSONValue.flushSize + (1 << 16))
        var failure: (any Error)?
        let flush: (inout [UInt8]) -> Void = { bytes in
            guard failure == nil else { bytes.removeAll(keepingCapacity: true); return }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
            bytes.removeAll(keepingCapacity: true)
        }
        write(to: &output, indent: 0, flush: flush)
        output.append(0x0A)
        flush(&output)
        if let failure { throw failure }
    }

    private static let flushSize = 1 << 20

    private func write(to output: inout [UInt8], indent: Int?, flush: ((inout [UInt8]) -> Void)?) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                output += String(Int(value)).utf8
            } else {
                output += (value.isFinite ? String(value) : "null").utf8
            }
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            if values.isEmpty { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent.map { $0 + 1 })
                value.write(to: &output, indent: indent.map { $0 + 1 }, flush: flush)
            }
            JSONValue.newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .elements(let elements):
            if elements.count == 0 { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for index in 0..<elements.count {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent.map { $0 + 1 })
                elements.element(index).write(to: &output, indent: indent.map { $0 + 1 }, flush: flush)
                if let flush, output.count >= JSONValue.flushSize { flush(&output) }
            }
            JSONValue.newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent.map { $0 + 1 })
                JSONValue.writeString(key, to: &output)
                output += (indent == nil ? ":" : ": ").utf8
                value.write(to: &output, indent: indent.map { $0 + 1 }, flush: flush)
            }
            JSONValue.newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    /// Writes `value` as a JSON string: quotes, backslashes and control characters escaped (C0,
    /// and DEL and the C1 range too, which JSON allows raw but a terminal obeys), and U+2028
    /// and U+2029 too (JavaScript once read them as line breaks inside strings). Escaping keeps
    /// the value exact: a reader gets back the same string.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let escape: String?
                var length = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20, 0x7F:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
                    // U+0080 to U+009F, the C1 controls, are C2 80 to C2 9F in UTF-8.
                    escape = "\\u00" + String(utf8[index + 1], radix: 16)
                    length = 2
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    escape = nil
                }
                if let escape {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    output += escape.utf8
                    index += length
                    runStart = index
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
