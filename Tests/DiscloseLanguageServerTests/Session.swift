import Disclose
import Foundation
import Testing
@testable import DiscloseLanguageServer

/// A language server driven the way an editor drives it, one JSON-RPC message at a time.
final class Session {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let server = LanguageServer(today: Day(iso: "2025-06-30")!, debounce: 0)
    private var nextId = 1
    /// Every notification the server sent, in order.
    private(set) var notifications: [JSONValue] = []

    init(initializationOptions: JSONValue = .null) {
        let result = request("initialize", .object([("processId", .null), ("rootUri", .string(Session.packageRoot.absoluteString)),
                                                    ("capabilities", .object([])), ("initializationOptions", initializationOptions)]))
        #expect(result["capabilities"] != nil)
        notify("initialized", .object([]))
    }

    static func uri(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).absoluteString }
    static func text(_ relative: String) -> String { try! String(contentsOf: packageRoot.appendingPathComponent(relative), encoding: .utf8) }

    /// Sends a request and returns the whole response.
    @discardableResult
    func send(_ method: String, _ params: JSONValue) -> JSONValue {
        let id = nextId
        nextId += 1
        let messages = server.handle(.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)]))
        var response = JSONValue.null
        for message in messages {
            if message["id"]?.intValue == id { response = message } else { notifications.append(message) }
        }
        return response
    }

    /// Sends a request and returns its result, recording an issue if it failed.
    @discardableResult
    func request(_ method: String, _ params: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        let response = send(method, params)
        #expect(response["error"] == nil, "\(method) failed: \(response.serialized())", sourceLocation: sourceLocation)
        return response["result"] ?? .null
    }

    func notify(_ method: String, _ params: JSONValue) {
        let messages = server.handle(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
        #expect(messages.isEmpty)
    }

    func open(_ relative: String, text: String? = nil) {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(Session.uri(relative))), ("languageId", .string("disclose")), ("version", .int(1)),
            ("text", .string(text ?? Session.text(relative))),
        ]))]))
    }

    func change(_ relative: String, text: String, version: Int = 2) {
        notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(Session.uri(relative))), ("version", .int(version))])),
            ("contentChanges", .array([.object([("text", .string(text))])])),
        ]))
    }

    /// Runs the debounced checks now and returns the diagnostics published, by URI.
    @discardableResult
    func flush() -> [String: [JSONValue]] {
        var result: [String: [JSONValue]] = [:]
        for message in server.publishPendingDiagnostics() {
            notifications.append(message)
            if let uri = message["params"]?["uri"]?.stringValue { result[uri] = message["params"]?["diagnostics"]?.arrayValue ?? [] }
        }
        return result
    }

    /// `textDocument` and `position` parameters for the first occurrence of `needle` in a
    /// file, `offset` UTF-16 units into it.
    func at(_ relative: String, _ needle: String, offset: Int = 0, text: String? = nil, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([("textDocument", .object([("uri", .string(Session.uri(relative)))])),
                 ("position", Session.position(of: needle, in: text ?? Session.text(relative), offset: offset).json)] + extra)
    }

    static func position(of needle: String, in text: String, offset: Int = 0) -> Position {
        guard let range = text.range(of: needle) else { fatalError("`\(needle)` not found") }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return Position(line: line, character: text[lineStart..<range.lowerBound].utf16.count + offset)
    }

    /// The first capture of a pattern in a shipped file: tests name ids as the files do today.
    static func first(_ pattern: String, in relative: String) -> String {
        let text = Session.text(relative)
        let expression = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { fatalError("`\(pattern)` not in \(relative)") }
        return String(text[range])
    }

    static func document(_ relative: String) -> JSONValue { .object([("textDocument", .object([("uri", .string(uri(relative)))]))]) }
}

extension JSONValue {
    /// The text of a hover result.
    var hoverText: String { self["contents"]?["value"]?.stringValue ?? "" }
}

/// Applies protocol text edits to a text (UTF-16 positions), last edit first.
func apply(_ edits: [JSONValue], to text: String) -> String {
    var lines = LineIndex(bytes: Array(text.utf8))
    var bytes = Array(text.utf8)
    let sorted = edits.sorted { (Position($0["range"]?["start"]) ?? Position(line: 0, character: 0)) > (Position($1["range"]?["start"]) ?? Position(line: 0, character: 0)) }
    for edit in sorted {
        let start = lines.offset(of: Position(edit["range"]?["start"])!)
        let end = lines.offset(of: Position(edit["range"]?["end"])!)
        bytes.replaceSubrange(start..<end, with: Array((edit["newText"]?.stringValue ?? "").utf8))
        lines = LineIndex(bytes: bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
}
