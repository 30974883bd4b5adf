import Disclose
import Testing
@testable import DiscloseLanguageServer

/// The JSON reader, the framing and the position conversion, on their own.
@Suite struct ProtocolLayerTests {
    @Test(arguments: [
        (#"{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}"#, #"{"a":[1,2.5,-300,true,false,null],"b":{"c":"d"}}"#),
        (#"  "x\"y\\z\/\n\t"  "#, #""x\"y\\z/\n\t""#),
        (#""\u00e9\ud83d\ude00""#, "\"é😀\""),
        (#""\ud800""#, "\"\u{FFFD}\""),
        ("[]", "[]"),
        ("{}", "{}"),
        ("\"ភាសាខ្មែរ\"", "\"ភាសាខ្មែរ\""),
    ])
    func readsJSON(input: String, compact: String) throws {
        #expect(try JSONReader.parse(input).serialized(pretty: false) == compact)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "\"open", "\"a\u{1}\"", "{\"a\":1} x", "1.", "-", "\"\\q\"", "\"\\u12\""])
    func refusesMalformedJSON(input: String) {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(input) }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(deep) }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect((try? JSONReader.parse(fine)) != nil)
    }

    @Test func framesMessagesArrivingByteByByte() {
        let first = MessageBuffer.frame(Array(#"{"id":1}"#.utf8))
        let second = Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 9\r\n\r\n{\"id\":22}".utf8)
        var buffer = MessageBuffer()
        var items: [MessageBuffer.Item] = []
        for byte in first + second {
            buffer.append([byte])
            while let item = buffer.next() { items.append(item) }
        }
        #expect(items == [.message(Array(#"{"id":1}"#.utf8)), .message(Array(#"{"id":22}"#.utf8))])
    }

    @Test func framesSeveralMessagesInOneRead() {
        var buffer = MessageBuffer()
        buffer.append(MessageBuffer.frame(Array("[1]".utf8)) + MessageBuffer.frame(Array("[2]".utf8)) + Array("Content-Length: 3\r\n\r\n[3".utf8))
        #expect(buffer.next() == .message(Array("[1]".utf8)))
        #expect(buffer.next() == .message(Array("[2]".utf8)))
        #expect(buffer.next() == nil)
        buffer.append(Array("]".utf8))
        #expect(buffer.next() == .message(Array("[3]".utf8)))
    }

    @Test(arguments: ["Content-Length: x\r\n\r\n", "Content-Length: -4\r\n\r\n", "Content-Type: a\r\n\r\n", "Content-Length: 999999999999\r\n\r\n"])
    func skipsABadHeaderAndReadsOn(header: String) {
        var buffer = MessageBuffer()
        buffer.append(Array(header.utf8) + MessageBuffer.frame(Array("{}".utf8)))
        guard case .badHeader? = buffer.next() else { Issue.record("bad header not reported"); return }
        #expect(buffer.next() == .message(Array("{}".utf8)))
    }

    @Test func givesUpOnEndlessHeaders() {
        var buffer = MessageBuffer()
        buffer.append(Array(repeating: UInt8(ascii: "x"), count: 10_000))
        guard case .badHeader? = buffer.next() else { Issue.record("endless header not reported"); return }
        #expect(buffer.next() == nil)
    }

    /// Titles in Khmer, Arabic and Vietnamese, and an emoji: UTF-16 units per line, both ways.
    @Test(arguments: [
        "  title km \"គ្មានពលកម្មកុមារ\" x",
        "  title ar \"لا عمالة أطفال\" x",
        "  title vi \"Không có lao động trẻ em\" x",
        "  title en \"😀 smile 👩🏽‍🏭\" x",
        "\u{FEFF}issue A \"é\" x",
    ])
    func convertsBytesToUTF16Positions(line: String) {
        let text = "# first line\n" + line + "\r\nlast"
        let lines = LineIndex(bytes: Array(text.utf8))
        let xByte = Array(text.utf8).lastIndex(of: UInt8(ascii: "x"))!
        // A byte-order mark inside the file is a character like any other (one unit).
        let expected = line.utf16.count - 1
        #expect(lines.position(of: xByte) == Position(line: 1, character: expected))
        #expect(lines.offset(of: Position(line: 1, character: expected)) == xByte)
        // Past the end of a line is the end of the line; past the last line, the end of the file.
        #expect(lines.offset(of: Position(line: 1, character: 999)) == xByte + 1)
        #expect(lines.offset(of: Position(line: 9, character: 0)) == text.utf8.count)
        #expect(lines.position(of: text.utf8.count) == Position(line: 2, character: 4))
    }

    /// A byte-order mark at the start of the file is not shown by editors: not a column.
    @Test func skipsALeadingByteOrderMark() {
        let lines = LineIndex(bytes: Array("\u{FEFF}issue A".utf8))
        #expect(lines.position(of: 9) == Position(line: 0, character: 6))
        #expect(lines.offset(of: Position(line: 0, character: 0)) == 3)
        #expect(lines.position(of: 0) == Position(line: 0, character: 0))
    }
}
