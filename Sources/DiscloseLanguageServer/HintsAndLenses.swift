import Disclose

extension LanguageServer {
    /// `textDocument/inlayHint`: after each question id in a condition, the first words of its
    /// wording, so that a condition reads as a sentence.
    func inlayHints(_ params: JSONValue) throws -> JSONValue {
        let (path, syntax, lines) = try document(params)
        var requested = Span(0, syntax.file.bytes.count)
        if let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) {
            requested = Span(lines.offset(of: start), lines.offset(of: end))
        }
        let (own, root) = index(for: path)
        let languages = languages(for: path)
        var hints: [JSONValue] = []
        for declaration in syntax.declarations where declaration.span.start <= requested.end && requested.start <= declaration.span.end {
            for clause in declaration.clauses {
                guard case .raised(let condition) = clause.body else { continue }
                for name in condition.questionNames where requested.start <= name.span.start && name.span.end <= requested.end {
                    guard let site = own.defining[name.text]?.first ?? root.defining[name.text]?.first,
                        site.declaration.kind == .question else { continue }
                    let texts = site.clauses { if case .text(let language, let text) = $0 { (language.text, text.text) } else { nil } }
                    guard let wording = texts.first(where: { languages.first == $0.0 })?.1 ?? texts.first(where: { $0.0 == "en" })?.1 ?? texts.first?.1 else { continue }
                    hints.append(.object([
                        ("position", lines.position(of: name.span.end).json),
                        ("label", .string(LanguageServer.firstWords(of: wording))),
                        ("paddingLeft", .bool(true)),
                        ("tooltip", .string(wording)),
                    ]))
                }
            }
        }
        return .array(hints)
    }

    /// The first six words of a wording, with an ellipsis when there are more.
    static func firstWords(of wording: String, count: Int = 6) -> String {
        let words = wording.split(separator: " ")
        return words.prefix(count).joined(separator: " ") + (words.count > count ? " …" : "")
    }

    /// `textDocument/codeLens`: above each example, its result as `disclose test` gives it;
    /// above each issue, how many factories of the sample data raise it, when the editor named
    /// a sample data folder.
    func codeLenses(_ params: JSONValue) throws -> JSONValue {
        let (path, syntax, lines) = try document(params)
        var lenses: [JSONValue] = []
        func lens(_ span: Span, _ title: String) {
            lenses.append(.object([("range", lines.range(of: span)), ("command", .object([("title", .string(title)), ("command", .string(""))]))]))
        }
        let examples = syntax.declarations.filter { $0.kind == .example }
        if !examples.isEmpty {
            if let book = ruleBooks[path] {
                let outcomes = book.examples.filter { $0.origin.file.path == syntax.file.path }.map { ExampleRunner.run($0, in: book) }
                for declaration in examples {
                    let line = lines.line(of: declaration.keywordSpan.start)
                    guard let outcome = outcomes.first(where: { lines.line(of: $0.example.origin.span.start) == line }) else { continue }
                    let raised = outcome.raised.isEmpty ? "nothing" : outcome.raised.joined(separator: ", ")
                    if outcome.passed {
                        lens(declaration.keywordSpan, "pass: raises \(raised)")
                    } else {
                        let expected = outcome.example.expected.isEmpty ? "nothing" : outcome.example.expected.joined(separator: ", ")
                        lens(declaration.keywordSpan, "FAIL: expected \(expected), raised \(raised)")
                    }
                }
            } else {
                for declaration in examples { lens(declaration.keywordSpan, "not run: the rules have errors") }
            }
        }
        if let sampleData, let counts = sampleCounts(for: path, data: sampleData) {
            for declaration in syntax.declarations where declaration.kind == .issue || declaration.kind == .change(.issue) {
                guard let id = declaration.name?.text else { continue }
                let count = counts[id] ?? 0
                lens(declaration.keywordSpan, "on the sample data: \(count) factor\(count == 1 ? "y raises" : "ies raise") it")
            }
        }
        return .array(lenses)
    }
}

extension Condition {
    /// The question ids a condition names, in the order written.
    var questionNames: [Name] {
        switch self {
        case .quantified(_, let names, _, _): names
        case .question(let name, _, _): [name]
        case .attribute: []
        case .not(let inner, _): inner.questionNames
        case .and(let parts), .or(let parts): parts.flatMap(\.questionNames)
        }
    }
}
