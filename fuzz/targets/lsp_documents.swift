// Fuzz target 4: the language server's document handling, fed arbitrary text.
//
// The input is the whole text of `countries/FZ.disclose` in a `didChange`, as an editor sends
// it on every keystroke, in a copy of fuzz/project on disk (the server reads the rest of the
// rules root from disk, as it does in an editor). Then the debounced check runs, and every
// request the server answers is asked at a position taken from the input. Beyond "no crash,
// no hang, no sanitizer report", each run checks:
// - every published diagnostic has a range inside the document, in lines and UTF-16 units;
// - no request fails with an internal error, and every response answers its request id;
// - for one input in sixteen, the input is also handed to a fresh server as a raw message
//   body, which must give an error response or a normal answer, never a crash.

import Disclose
import DiscloseLanguageServer
import Foundation

let lspProject: String = {
    let folder = scratchFolder("lsp")
    for (path, bytes) in ruleFiles(of: (fuzzProjectRoot as NSString).appendingPathComponent("fuzz/project"), under: folder) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        writeFile(path, bytes)
    }
    return folder
}()
let lspURI = URL(fileURLWithPath: lspProject + "/countries/FZ.disclose").absoluteString
nonisolated(unsafe) let lspServer: LanguageServer = {
    let server = LanguageServer(debounce: 0)
    _ = server.handle(message(id: 0, "initialize", .object([("rootUri", .string(URL(fileURLWithPath: lspProject).absoluteString))])))
    _ = server.handle(message(id: nil, "textDocument/didOpen", .object([("textDocument", .object([
        ("uri", .string(lspURI)), ("languageId", .string("disclose")), ("version", .int(0)), ("text", .string("")),
    ]))])))
    return server
}()
nonisolated(unsafe) var lspVersion = 0

func message(id: Int?, _ method: String, _ params: JSONValue) -> JSONValue {
    var members: [(String, JSONValue)] = [("jsonrpc", .string("2.0"))]
    if let id { members.append(("id", .int(id))) }
    members += [("method", .string(method)), ("params", params)]
    return .object(members)
}

func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
    guard case .object(let members)? = value else { return nil }
    return members.first { $0.0 == key }?.1
}

func number(_ value: JSONValue?) -> Int? {
    if case .number(let number)? = value { return Int(number) }
    return nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    lspVersion += 1
    _ = lspServer.handle(message(id: nil, "textDocument/didChange", .object([
        ("textDocument", .object([("uri", .string(lspURI)), ("version", .int(lspVersion))])),
        ("contentChanges", .array([.object([("text", .string(text))])])),
    ])))
    // Lines and their lengths in UTF-16 units, as the editor counts them. Split by scalars:
    // a Swift `Character` joins "\r\n" into one, which is not "\n".
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in line.reduce(0) { $0 + $1.utf16.count } }
    for published in lspServer.publishPendingDiagnostics() {
        guard case .array(let diagnostics)? = member(member(published, "params"), "diagnostics") else { continue }
        guard member(member(published, "params"), "uri") == .string(lspURI) else { continue }
        for diagnostic in diagnostics {
            for end in ["start", "end"] {
                let position = member(member(diagnostic, "range"), end)
                guard let line = number(member(position, "line")), let character = number(member(position, "character")) else {
                    fuzzRequire(false, "diagnostic without a \(end) position: \(diagnostic.serialized())")
                    continue
                }
                fuzzRequire(line < lines.count && character <= lines[line],
                            "diagnostic \(end) \(line):\(character) outside the document (\(lines.count) lines): \(diagnostic.serialized())")
            }
        }
    }
    // Every request, at a position chosen by the input.
    let line = lines.isEmpty ? 0 : Int(bytes.first ?? 0) % lines.count
    let character = Int(bytes.last ?? 0) % 48
    let document = JSONValue.object([("uri", .string(lspURI))])
    let position = JSONValue.object([("line", .int(line)), ("character", .int(character))])
    let range = JSONValue.object([("start", .object([("line", .int(0)), ("character", .int(0))])), ("end", position)])
    let requests: [(String, JSONValue)] = [
        ("textDocument/hover", .object([("textDocument", document), ("position", position)])),
        ("textDocument/definition", .object([("textDocument", document), ("position", position)])),
        ("textDocument/references", .object([("textDocument", document), ("position", position),
                                              ("context", .object([("includeDeclaration", .bool(true))]))])),
        ("textDocument/completion", .object([("textDocument", document), ("position", position)])),
        ("textDocument/documentSymbol", .object([("textDocument", document)])),
        ("textDocument/foldingRange", .object([("textDocument", document)])),
        ("textDocument/formatting", .object([("textDocument", document)])),
        ("textDocument/codeAction", .object([("textDocument", document), ("range", range), ("context", .object([]))])),
        ("textDocument/inlayHint", .object([("textDocument", document), ("range", range)])),
        ("textDocument/codeLens", .object([("textDocument", document)])),
    ]
    for (index, (method, params)) in requests.enumerated() {
        let replies = lspServer.handle(message(id: index + 1, method, params))
        let response = replies.last { number(member($0, "id")) == index + 1 }
        fuzzRequire(response != nil, "\(method): no response")
        fuzzRequire(number(member(member(response, "error"), "code")) != -32603, "\(method): internal error \(response?.serialized() ?? "")")
    }
    guard isThorough(data, size) else { return 0 }
    let fresh = LanguageServer(debounce: 0)
    _ = fresh.handle(message(id: 0, "initialize", .object([])))
    _ = fresh.handle(body: bytes)
    return 0
}
