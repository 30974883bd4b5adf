import Disclose
import Foundation

/// A Language Server Protocol server for rule files, as plain request-in, messages-out.
///
/// It holds no thread and reads no input: `StdioTransport` feeds it decoded messages and
/// writes what it returns, and tests drive it the same way. Everything it knows about the
/// language comes from the library: the checker for diagnostics (the same codes, messages and
/// help as `disclose check`), the parser for the outline, hover and navigation (which must
/// work while the file still has errors), the formatter of `disclose fmt`, and the example
/// runner of `disclose test`.
package final class LanguageServer {
    /// The protocol's error codes the server answers with.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestFailed = -32803
    }

    /// A request the server cannot answer, with the code to answer it with.
    struct RequestFailure: Error {
        var code: ErrorCode
        var message: String
    }

    /// How long after the last change diagnostics are computed: keystrokes that arrive closer
    /// together than this are checked once. Changes that arrive while a check runs wait in the
    /// transport's queue and are all taken before the next check, so the interval can be short.
    package let debounce: TimeInterval
    /// The day hover shows values for ("in force today").
    let today: Day
    let workspace = Workspace()

    private var initialized = false
    private var shutdownRequested = false
    /// The exit status, once `exit` has arrived: 0 after `shutdown`, 1 without.
    package private(set) var exitStatus: Int32?

    /// Files whose change has not yet been checked, and when the check is due.
    private var pendingChecks: Set<String> = []
    /// When the pending check is due; nil when nothing is pending.
    package private(set) var checkDeadline: Date?
    /// The diagnostics of every entry checked, by entry path: what is published for a file is
    /// the union over all entries, as `disclose check` gives for all files.
    private var entryDiagnostics: [String: [Diagnostic]] = [:]
    /// What was last published, by file path.
    private var published: [String: [PublishedDiagnostic]] = [:]
    /// Rule books of entries checked without errors, for code lenses.
    var ruleBooks: [String: RuleBook] = [:]
    /// A data folder named by the editor's settings (`initializationOptions.sampleData`),
    /// for the code lens above each issue; nil when none was given.
    var sampleData: String?
    /// Factories per issue per country on the sample data, from the last save.
    var sampleFigures: [String: [String: Int]]?
    var sampleFiguresRoot: String?

    /// Creates a server; `today` is the day hover shows values for.
    package init(today: Day = .today, debounce: TimeInterval = 0.005) {
        self.today = today
        self.debounce = debounce
    }

    // MARK: Messages

    /// Handles one message body as read from the wire; returns the messages to send.
    package func handle(body: [UInt8]) -> [JSONValue] {
        do {
            return handle(try JSONReader.parse(body))
        } catch {
            return [errorResponse(id: .null, .parseError, "message is not JSON: \(error.message) at byte \(error.offset)")]
        }
    }

    /// Handles one decoded message; returns the messages to send.
    package func handle(_ message: JSONValue) -> [JSONValue] {
        guard case .object = message else {
            return [errorResponse(id: .null, .invalidRequest, "a message must be a JSON object")]
        }
        let id = message["id"]
        guard let method = message["method"]?.stringValue else {
            // A response to a request of ours (we send none that need one), or nonsense.
            if id != nil, message["result"] != nil || message["error"] != nil { return [] }
            return [errorResponse(id: id ?? .null, .invalidRequest, "a request needs a `method`")]
        }
        let params = message["params"] ?? .null
        guard let id else {
            return notification(method, params)
        }
        if case .object = id { return [errorResponse(id: .null, .invalidRequest, "a request id is a number or a string")] }
        if case .array = id { return [errorResponse(id: .null, .invalidRequest, "a request id is a number or a string")] }
        do {
            var before: [JSONValue] = []
            let result = try request(method, params, before: &before)
            return before + [.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])]
        } catch let failure as RequestFailure {
            return [errorResponse(id: id, failure.code, failure.message)]
        } catch {
            return [errorResponse(id: id, .internalError, "\(error)")]
        }
    }

    private func errorResponse(id: JSONValue, _ code: ErrorCode, _ message: String) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id),
                 ("error", .object([("code", .int(code.rawValue)), ("message", .string(message))]))])
    }

    private func request(_ method: String, _ params: JSONValue, before: inout [JSONValue]) throws -> JSONValue {
        if method == "initialize" { return initialize(params) }
        guard initialized else { throw RequestFailure(code: .serverNotInitialized, message: "the first request must be `initialize`") }
        guard !shutdownRequested else { throw RequestFailure(code: .invalidRequest, message: "the server is shutting down") }
        // Requests that read diagnostics or rule books see the latest text.
        switch method {
        case "textDocument/codeAction", "textDocument/codeLens":
            if !pendingChecks.isEmpty { before += publishPendingDiagnostics() }
        default: break
        }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/hover": return try hover(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/foldingRange": return try foldingRanges(params)
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/inlayHint": return try inlayHints(params)
        case "textDocument/codeLens": return try codeLenses(params)
        default:
            throw RequestFailure(code: .methodNotFound, message: "`\(method)` is not supported")
        }
    }

    private func notification(_ method: String, _ params: JSONValue) -> [JSONValue] {
        if method == "exit" {
            exitStatus = shutdownRequested ? 0 : 1
            return []
        }
        guard initialized, !shutdownRequested else { return [] }
        switch method {
        case "textDocument/didOpen":
            let document = params["textDocument"]
            guard let uri = document?["uri"]?.stringValue, let text = document?["text"]?.stringValue,
                let path = workspace.open(uri: uri, version: document?["version"]?.intValue ?? 0, text: text)
            else { return [] }
            schedule(path)
        case "textDocument/didChange":
            // Full synchronisation: the last change holds the whole text.
            guard let uri = params["textDocument"]?["uri"]?.stringValue,
                let text = params["contentChanges"]?.arrayValue?.last?["text"]?.stringValue,
                let path = workspace.change(uri: uri, version: params["textDocument"]?["version"]?.intValue ?? 0, text: text)
            else { return [] }
            schedule(path)
        case "textDocument/didSave":
            if let uri = params["textDocument"]?["uri"]?.stringValue, let path = workspace.canonicalPath(ofURI: uri) { schedule(path) }
            sampleFigures = nil
        case "textDocument/didClose":
            // The saved text takes the place of the editor's: files that include it see that.
            if let uri = params["textDocument"]?["uri"]?.stringValue, let path = workspace.close(uri: uri) { schedule(path) }
        default:
            break
        }
        return []
    }

    private func schedule(_ path: String) {
        pendingChecks.insert(path)
        checkDeadline = Date().addingTimeInterval(debounce)
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSONValue) -> JSONValue {
        initialized = true
        if let data = params["initializationOptions"]?["sampleData"]?.stringValue, !data.isEmpty {
            let base = params["rootUri"]?.stringValue.flatMap(Workspace.path(ofURI:)) ?? FileManager.default.currentDirectoryPath
            sampleData = data.hasPrefix("/") ? data : (base as NSString).appendingPathComponent(data)
        }
        return .object([
            ("capabilities", .object([
                ("positionEncoding", .string("utf-16")),
                ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(1)), ("save", .bool(true))])),
                ("hoverProvider", .bool(true)),
                ("definitionProvider", .bool(true)),
                ("referencesProvider", .bool(true)),
                ("completionProvider", .object([("triggerCharacters", .array([.string("-")]))])),
                ("documentFormattingProvider", .bool(true)),
                ("documentSymbolProvider", .bool(true)),
                ("foldingRangeProvider", .bool(true)),
                ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
                ("inlayHintProvider", .bool(true)),
                ("codeLensProvider", .object([("resolveProvider", .bool(false))])),
            ])),
            ("serverInfo", .object([("name", .string("disclose")), ("version", .string(LanguageServer.version))])),
        ])
    }

    /// The version the server reports: the library's, as `disclose --version` prints it.
    package static let version = DiscloseLibrary.version

    // MARK: Diagnostics

    /// True when a change waits to be checked.
    package var hasPendingChecks: Bool { !pendingChecks.isEmpty }

    /// Checks every changed file and every file that includes one, and returns a
    /// `publishDiagnostics` notification for each file whose diagnostics changed.
    package func publishPendingDiagnostics() -> [JSONValue] {
        guard !pendingChecks.isEmpty else { return [] }
        let changed = pendingChecks
        pendingChecks = []
        checkDeadline = nil
        var entriesByRoot: [String: Set<String>] = [:]
        for path in changed {
            let root = workspace.root(for: path)
            entriesByRoot[root, default: []].insert(path)
            for includer in workspace.includers(of: path) { entriesByRoot[root, default: []].insert(includer) }
        }
        let access = workspace.access
        for (root, entries) in entriesByRoot.sorted(by: { $0.key < $1.key }) {
            let ordered = entries.sorted()
            let results = Checker.check(entries: ordered, root: root, access: access, displayBase: root)
            for (entry, result) in zip(ordered, results) {
                // A file that is gone (closed and deleted, or never saved) has nothing to say.
                if access.contents(of: entry) == nil {
                    entryDiagnostics[entry] = nil
                    ruleBooks[entry] = nil
                    continue
                }
                entryDiagnostics[entry] = result.diagnostics.map { diagnostic in
                    var placed = diagnostic
                    // A problem without a place (an unreadable entry) is shown at its top.
                    if placed.range == nil, let file = result.files.first { placed.range = SourceRange(file, Span(0, 0)) }
                    return placed
                }
                ruleBooks[entry] = result.ruleBook
            }
        }
        return republish(always: changed)
    }

    /// Publishes, for every file whose diagnostics differ from what was last published, the
    /// union of the diagnostics all checked entries found in it; and for the files in `always`
    /// (those just changed) in any case, so that the editor knows they were checked.
    private func republish(always: Set<String>) -> [JSONValue] {
        var byFile: [String: [PublishedDiagnostic]] = [:]
        var seen: Set<String> = []
        for entry in entryDiagnostics.keys.sorted() {
            let root = workspace.root(for: entry)
            for diagnostic in entryDiagnostics[entry] ?? [] {
                guard let range = diagnostic.range else { continue }
                let path = range.file.path.hasPrefix("/") ? range.file.path : root + "/" + range.file.path
                let converted = PublishedDiagnostic(diagnostic, workspace: workspace, root: root)
                guard seen.insert(path + "\u{0}" + converted.json.serialized(pretty: false)).inserted else { continue }
                byFile[path, default: []].append(converted)
            }
        }
        var messages: [JSONValue] = []
        for path in Set(byFile.keys).union(published.keys).union(always).sorted() {
            let now = byFile[path] ?? []
            let before = published[path] ?? []
            guard now.map(\.json) != before.map(\.json) || always.contains(path) else { continue }
            published[path] = now.isEmpty ? nil : now
            var params: [(String, JSONValue)] = [("uri", .string(workspace.uri(of: path)))]
            if let version = workspace.documents[path]?.version { params.append(("version", .int(version))) }
            params.append(("diagnostics", .array(now.map(\.json))))
            messages.append(.object([("jsonrpc", .string("2.0")), ("method", .string("textDocument/publishDiagnostics")), ("params", .object(params))]))
        }
        return messages
    }

    /// The diagnostics last published for a file.
    func publishedDiagnostics(of path: String) -> [PublishedDiagnostic] { published[path] ?? [] }

    // MARK: Helpers for requests

    /// The open or saved file a request names, parsed.
    func document(_ params: JSONValue) throws -> (path: String, syntax: SyntaxFile, lines: LineIndex) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw RequestFailure(code: .invalidParams, message: "`textDocument.uri` is missing")
        }
        guard let path = workspace.canonicalPath(ofURI: uri), let syntax = workspace.syntax(of: path) else {
            throw RequestFailure(code: .invalidParams, message: "cannot read `\(uri)`")
        }
        return (path, syntax, LineIndex(syntax.file))
    }

    /// The position a request names, as a byte offset into the document.
    func offset(_ params: JSONValue, in lines: LineIndex) throws -> Int {
        guard let position = Position(params["position"]) else {
            throw RequestFailure(code: .invalidParams, message: "`position` is missing or malformed")
        }
        return lines.offset(of: position)
    }
}
