import Disclose

extension LanguageServer {
    /// Completions offered at most, so that a list stays quick to send and to read.
    static let maximumCompletions = 100

    /// `textDocument/completion`: declaration keywords at the start of a line, the clauses the
    /// declaration takes at the start of an indented line, and otherwise language codes,
    /// categories or ids, by prefix and by words of their wording or title.
    func completion(_ params: JSONValue) throws -> JSONValue {
        let (path, syntax, lines) = try document(params)
        let offset = try offset(params, in: lines)
        let bytes = syntax.file.bytes
        let line = lines.line(of: offset)
        let lineStart = lines.start(ofLine: line)
        var wordStart = offset
        while wordStart > lineStart, isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
        let typed = String(decoding: bytes[wordStart..<offset], as: UTF8.self)
        let before = String(decoding: bytes[lineStart..<wordStart], as: UTF8.self)
        let replace = lines.range(of: Span(wordStart, offset))
        var items: [JSONValue] = []
        var incomplete = false
        func add(_ label: String, kind: Int, detail: String? = nil, filter: String? = nil) {
            guard items.count < LanguageServer.maximumCompletions else { incomplete = true; return }
            var members: [(String, JSONValue)] = [("label", .string(label)), ("kind", .int(kind))]
            if let detail { members.append(("detail", .string(detail))) }
            if let filter { members.append(("filterText", .string(filter))) }
            members.append(("textEdit", .object([("range", replace), ("newText", .string(label))])))
            items.append(.object(members))
        }
        let words = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if before.isEmpty {
            for keyword in Keyword.allCases where keyword.startsDeclaration && keyword.rawValue.hasPrefix(typed) {
                add(keyword.rawValue, kind: 14, detail: keyword.meaning)
            }
        } else if words.isEmpty {
            let enclosing = syntax.declarations.last { $0.keywordSpan.start < wordStart }
            for keyword in enclosing?.kind.clauseKeywords ?? [] where keyword.hasPrefix(typed) {
                add(keyword, kind: 14, detail: Keyword.named(String(keyword.prefix { $0 != " " }))?.meaning)
            }
        } else if words.first == "languages" || (words.count == 1 && ["title", "text", "words", "titles"].contains(words[0])) {
            for code in LanguageCodes.all.sorted() where code.hasPrefix(typed.lowercased()) { add(code, kind: 21, detail: "language code") }
        } else if words.last == "category" || words == ["omit", "category"] {
            for category in IssueCategory.allCases where category.rawValue.hasPrefix(typed) { add(category.rawValue, kind: 20, detail: "issue category") }
        } else {
            let slot = ConditionSlot(before: wordStart, in: syntax.file)
            for keyword in slot?.keywords ?? [] where keyword.hasPrefix(typed) {
                add(keyword, kind: 14, detail: Keyword.named(String(keyword.prefix { $0 != " " }))?.meaning)
            }
            // After a question id, `is`, `are` or `at`, only keywords are valid.
            guard slot?.takesIds ?? true else { return .object([("isIncomplete", .bool(incomplete)), ("items", .array(items))]) }
            let (own, root) = index(for: path)
            let sites = own.all.isEmpty ? root.all : own.all
            let languages = languages(for: path)
            let stems = typed.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 3 }
            var seen: Set<String> = []
            var byWording: [(String, Int, String)] = []
            for site in sites {
                guard let id = site.declaration.name?.text, seen.insert(id).inserted else { continue }
                let texts = site.clauses { body -> (String, String)? in
                    switch body {
                    case .text(let language, let text), .title(let language, let text): (language.text, text.text)
                    default: nil
                    }
                }
                let shown = texts.first { languages.contains($0.0) }?.1 ?? texts.first?.1
                let detail = site.declaration.kind.spelling + (shown.map { ": " + $0 } ?? "")
                let kind = site.declaration.kind.completionKind
                if id.lowercased().hasPrefix(typed.lowercased()) {
                    add(id, kind: kind, detail: detail)
                } else if !stems.isEmpty {
                    let vocabulary = texts.flatMap { $0.1.lowercased().split(whereSeparator: { !$0.isLetter }) }
                    if stems.allSatisfy({ stem in vocabulary.contains { $0.hasPrefix(stem) } }) { byWording.append((id, kind, detail)) }
                }
            }
            // Matched by wording: the typed words are the filter, so that the editor keeps them.
            for (id, kind, detail) in byWording { add(id, kind: kind, detail: detail, filter: typed) }
            if !byWording.isEmpty { incomplete = true }
        }
        return .object([("isIncomplete", .bool(incomplete)), ("items", .array(items))])
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

/// Where the cursor stands in a condition (`raised when …`, `required when …`), worked out from
/// the tokens before it, for the keywords valid there:
///
///     condition = negation { "and" negation } | negation { "or" negation } ;
///     negation  = "not" negation | primary ;
///     primary   = "(" condition ")" | quantifier "of" word-list ( "is" | "are" ) status
///               | "factory" word "is" ( text | "yes" | "no" ) | word "is" test ;
///     test      = status | "yes" | "no" | text | comparison operand ;
enum ConditionSlot {
    /// Where a negation starts: a question id, `not`, `any of`, `all of`.
    case operand
    /// After `any` or `all`: `of`.
    case quantifier
    /// After `of` or a comma in a quantifier's list: a question id.
    case listItem
    /// After a question id in a quantifier's list: `is`, `are` (or a comma).
    case afterList
    /// After a question id: `is`.
    case afterQuestion
    /// After `is`: a status, `yes`, `no`, a comparison.
    case test
    /// After `are`: a status.
    case status
    /// After `at`: `least`, `most`.
    case bound
    /// After a comparison: a value or a parameter's id.
    case comparand
    /// After a whole test: `and`, `or`.
    case joined
    /// After `factory`: the name of a factory attribute.
    case attribute

    /// The slot at `offset`, or nil when the cursor is not in a condition.
    init?(before offset: Int, in file: SourceFile) {
        let tokens = Lexer.tokens(of: file).tokens.prefix { $0.span.end <= offset }.filter {
            switch $0.kind {
            case .comment, .docComment, .end: false
            case .keyword, .word, .string, .number, .date, .comma, .leftParenthesis, .rightParenthesis, .invalid: true
            }
        }
        // Back to the `when` of `raised when` or `required when`, not past the start of a clause.
        var index = tokens.count - 1
        while index >= 0 {
            let token = tokens[index]
            if case .keyword(.when) = token.kind, index > 0,
                tokens[index - 1].kind == .keyword(.raised) || tokens[index - 1].kind == .keyword(.required)
                    || tokens[index - 1].kind == .keyword(.covers)
            {
                break
            }
            if case .keyword(let keyword) = token.kind, keyword.startsDeclaration || (keyword.startsClause && token.lineBreaksBefore > 0) { return nil }
            index -= 1
        }
        guard index >= 0 else { return nil }
        let condition = tokens[(index + 1)...]
        guard let last = condition.last else { self = .operand; return }
        let previous = condition.dropLast().last
        switch last.kind {
        case .keyword(.and), .keyword(.or), .keyword(.not), .leftParenthesis: self = .operand
        case .keyword(.any), .keyword(.all): self = .quantifier
        case .keyword(.of), .comma: self = .listItem
        case .keyword(.is): self = .test
        case .keyword(.are): self = .status
        case .keyword(.at): self = .bound
        case .keyword(.above), .keyword(.below), .keyword(.least), .keyword(.most), .keyword(.before), .keyword(.after): self = .comparand
        case .word where last.text == "factory" && previous?.kind != .keyword(.is):
            self = .attribute
        case .word:
            switch previous?.kind {
            case .keyword(.of)?, .comma?: self = .afterList
            case .keyword(.above)?, .keyword(.below)?, .keyword(.least)?, .keyword(.most)?, .keyword(.before)?, .keyword(.after)?, .keyword(.is)?, .number?:
                // A parameter, or a number's unit (`at least 60 hours`).
                self = .joined
            default: self = .afterQuestion
            }
        case .keyword, .string, .number, .date, .rightParenthesis, .invalid, .comment, .docComment, .end: self = .joined
        }
    }

    /// The keywords valid here, as they are written.
    var keywords: [String] {
        switch self {
        case .operand: ["not", "any of", "all of", "factory"]
        case .quantifier: ["of"]
        case .listItem, .comparand: []
        case .afterList: ["is", "are"]
        case .afterQuestion: ["is"]
        case .test: ["non-compliant", "compliant", "not-applicable", "yes", "no", "above", "below", "at least", "at most", "before", "after"]
        case .status: ["non-compliant", "compliant", "not-applicable"]
        case .bound: ["least", "most"]
        case .joined: ["and", "or"]
        case .attribute: FactoryAttribute.columns
        }
    }

    /// True where an id may stand: a question, or a parameter after a comparison.
    var takesIds: Bool {
        switch self {
        case .operand, .listItem, .comparand: true
        case .quantifier, .afterList, .afterQuestion, .test, .status, .bound, .joined, .attribute: false
        }
    }
}

extension DeclarationKind {
    /// The protocol's `CompletionItemKind` of an id this declaration declares.
    var completionKind: Int {
        switch self {
        case .question: 5  // Field
        case .parameter, .policy: 21  // Constant
        case .issue, .zeroTolerance: 23  // Event
        case .decision: 20  // EnumMember
        case .cluster, .point, .country: 9  // Module
        case .moderation, .constraint, .heading, .tier, .scope: 8  // Interface
        case .attribute: 21  // Constant
        case .include, .titles, .example, .omitCategory, .omitConstraint, .change, .withdraw: 1  // Text
        }
    }
}
