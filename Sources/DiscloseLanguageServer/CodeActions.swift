import Disclose

extension LanguageServer {
    /// `textDocument/codeAction`: the fix of each diagnostic in the range that has one.
    func codeActions(_ params: JSONValue) throws -> JSONValue {
        let (path, _, lines) = try document(params)
        guard let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) else {
            throw RequestFailure(code: .invalidParams, message: "`range` is missing or malformed")
        }
        let requested = Span(lines.offset(of: start), lines.offset(of: end))
        let uri = workspace.uri(of: path)
        var actions: [JSONValue] = []
        // The text the diagnostics were found in: the document as last checked.
        var checked: CheckedText?
        for published in publishedDiagnostics(of: path) {
            guard published.span.start <= requested.end, requested.start <= published.span.end,
                let file = published.diagnostic.range?.file
            else { continue }
            if checked?.file.bytes != file.bytes { checked = CheckedText(file) }
            guard let source = checked, let fix = QuickFix.of(published.diagnostic, in: source) else { continue }
            let edit = JSONValue.object([("range", LineIndex(file).range(of: fix.span)), ("newText", .string(fix.text))])
            actions.append(.object([
                ("title", .string(fix.title)),
                ("kind", .string("quickfix")),
                ("diagnostics", .array([published.json])),
                ("isPreferred", .bool(true)),
                ("edit", .object([("changes", .object([(uri, .array([edit]))]))])),
            ]))
        }
        return .array(actions)
    }
}
