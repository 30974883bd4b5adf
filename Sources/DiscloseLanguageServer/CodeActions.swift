import Disclose

extension LanguageServer {
    /// `textDocument/codeAction`: the fix of each diagnostic in the range that carries one.
    func codeActions(_ params: JSONValue) throws -> JSONValue {
        let (path, _, lines) = try document(params)
        guard let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) else {
            throw RequestFailure(code: .invalidParams, message: "`range` is missing or malformed")
        }
        let requested = Span(lines.offset(of: start), lines.offset(of: end))
        let uri = workspace.uri(of: path)
        var actions: [JSONValue] = []
        for diagnostic in publishedDiagnostics(of: path) {
            guard let fix = diagnostic.fix, diagnostic.span.start <= requested.end, requested.start <= diagnostic.span.end else { continue }
            let edit = JSONValue.object([("range", lines.range(of: fix.span)), ("newText", .string(fix.text))])
            actions.append(.object([
                ("title", .string(fix.title)),
                ("kind", .string("quickfix")),
                ("diagnostics", .array([diagnostic.json])),
                ("isPreferred", .bool(true)),
                ("edit", .object([("changes", .object([(uri, .array([edit]))]))])),
            ]))
        }
        return .array(actions)
    }
}
