import Disclose
import Foundation

extension LanguageServer {
    /// The protocol `Location` of a span in a file.
    func location(_ path: String, _ file: SourceFile, _ span: Span) -> JSONValue {
        .object([("uri", .string(workspace.uri(of: path))), ("range", LineIndex(file).range(of: span))])
    }

    /// `textDocument/definition`: where an id is declared, or the file an include names.
    func definition(_ params: JSONValue) throws -> JSONValue {
        let (path, syntax, lines) = try document(params)
        let offset = try offset(params, in: lines)
        guard let token = token(at: offset, in: syntax.file) else { return .null }
        if case .string = token.kind {
            guard let target = includedFile(at: token, in: syntax, of: path), workspace.bytes(of: target) != nil else { return .null }
            return .array([startOfFile(target)])
        }
        guard case .word = token.kind else { return .null }
        let (own, root) = index(for: path)
        let sites = own.defining[token.text] ?? root.defining[token.text] ?? []
        return .array(sites.compactMap { site in site.declaration.name.map { location(site.path, site.file, $0.span) } })
    }

    /// The canonical path of the file an `include` names, when `token` is its path.
    private func includedFile(at token: Token, in syntax: SyntaxFile, of path: String) -> String? {
        guard let include = syntax.declarations.first(where: { $0.kind == .include && $0.name?.span == token.span }), let name = include.name else {
            return nil
        }
        return workspace.includeTarget(name.text, from: (path as NSString).deletingLastPathComponent)
    }

    /// The location of a file itself: its first character.
    private func startOfFile(_ path: String) -> JSONValue {
        let start = Position(line: 0, character: 0).json
        return .object([("uri", .string(workspace.uri(of: path))), ("range", .object([("start", start), ("end", start)]))])
    }

    /// `textDocument/references`: every place in the rules root that names the id; on the path
    /// of an `include`, every `include` of the same file (however its path is written from
    /// each including file's folder).
    func references(_ params: JSONValue) throws -> JSONValue {
        let (path, syntax, lines) = try document(params)
        let offset = try offset(params, in: lines)
        let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
        guard let token = token(at: offset, in: syntax.file) else { return .null }
        if case .string = token.kind {
            guard let target = includedFile(at: token, in: syntax, of: path) else { return .null }
            return .array(includeReferences(of: target, root: workspace.root(for: path), includeDeclaration: includeDeclaration))
        }
        guard case .word = token.kind else { return .null }
        var declared: Set<String> = []
        if !includeDeclaration {
            let root = SymbolIndex(workspace: workspace, paths: workspace.ruleFiles(in: workspace.root(for: path)))
            for site in root.defining[token.text] ?? [] { if let name = site.declaration.name { declared.insert("\(site.path):\(name.span.start)") } }
        }
        var locations: [JSONValue] = []
        for file in workspace.ruleFiles(in: workspace.root(for: path)) {
            guard let other = workspace.syntax(of: file) else { continue }
            for candidate in Lexer.tokens(of: other.file).tokens where candidate.kind == .word && candidate.text == token.text {
                guard !declared.contains("\(file):\(candidate.span.start)") else { continue }
                locations.append(location(file, other.file, candidate.span))
            }
        }
        return .array(locations)
    }

    /// Every `include` in the rules root that names `target`; the file itself first when the
    /// editor asks for the declaration too (a file is declared by being there).
    private func includeReferences(of target: String, root: String, includeDeclaration: Bool) -> [JSONValue] {
        var locations: [JSONValue] = []
        if includeDeclaration, workspace.bytes(of: target) != nil { locations.append(startOfFile(target)) }
        for file in workspace.ruleFiles(in: root) {
            guard let other = workspace.syntax(of: file) else { continue }
            let folder = (file as NSString).deletingLastPathComponent
            for declaration in other.declarations where declaration.kind == .include {
                guard let name = declaration.name, workspace.includeTarget(name.text, from: folder) == target else { continue }
                locations.append(location(file, other.file, name.span))
            }
        }
        return locations
    }

    /// `textDocument/documentSymbol`: the outline, one symbol per declaration.
    func documentSymbols(_ params: JSONValue) throws -> JSONValue {
        let (_, syntax, lines) = try document(params)
        return .array(syntax.declarations.map { declaration in
            let name = declaration.name?.text ?? declaration.kind.spelling
            let selection = declaration.name?.span ?? declaration.keywordSpan
            let span = declaration.span.union(selection)
            return .object([
                ("name", .string(name.isEmpty ? declaration.kind.spelling : name)),
                ("detail", .string(declaration.kind.spelling)),
                ("kind", .int(declaration.kind.symbolKind)),
                ("range", lines.range(of: span)),
                ("selectionRange", lines.range(of: selection)),
            ])
        })
    }

    /// `textDocument/foldingRange`: each declaration of more than one line, and runs of comment lines.
    func foldingRanges(_ params: JSONValue) throws -> JSONValue {
        let (_, syntax, lines) = try document(params)
        var ranges: [JSONValue] = []
        for declaration in syntax.declarations {
            let first = lines.line(of: declaration.span.start)
            let last = lines.line(of: max(declaration.span.start, declaration.span.end - 1))
            if last > first { ranges.append(.object([("startLine", .int(first)), ("endLine", .int(last))])) }
        }
        var run: (first: Int, last: Int)?
        func close(_ run: (first: Int, last: Int)?) {
            guard let run, run.last > run.first else { return }
            ranges.append(.object([("startLine", .int(run.first)), ("endLine", .int(run.last)), ("kind", .string("comment"))]))
        }
        for token in Lexer.tokens(of: syntax.file).tokens {
            switch token.kind {
            case .comment, .docComment:
                let line = lines.line(of: token.span.start)
                if let current = run, current.last + 1 == line, token.lineBreaksBefore == 1 { run = (current.first, line) } else { close(run); run = (line, line) }
            case .keyword, .word, .string, .number, .date, .comma, .leftParenthesis, .rightParenthesis, .invalid, .end:
                close(run)
                run = nil
            }
        }
        close(run)
        return .array(ranges)
    }

    /// `textDocument/formatting`: the whole file as `disclose fmt` writes it.
    func formatting(_ params: JSONValue) throws -> JSONValue {
        let (_, syntax, lines) = try document(params)
        guard let formatted = RuleFormatter.format(syntax) else {
            throw RequestFailure(code: .requestFailed, message: "not formatted: the file has syntax errors; fix them first")
        }
        guard Array(formatted.utf8) != syntax.file.bytes else { return .array([]) }
        return .array([.object([("range", lines.range(of: Span(0, syntax.file.bytes.count))), ("newText", .string(formatted))])])
    }
}

extension DeclarationKind {
    /// The protocol's `SymbolKind` shown in the outline.
    var symbolKind: Int {
        switch self {
        case .include: 1  // File
        case .country: 2  // Module
        case .cluster: 3  // Namespace
        case .point: 4  // Package
        case .question: 8  // Field
        case .parameter: 14  // Constant
        case .issue: 24  // Event
        case .policy: 7  // Property
        case .zeroTolerance: 10  // Enum
        case .titles: 15  // String
        case .example: 6  // Method
        case .decision: 20  // Key
        case .moderation: 11  // Interface
        case .constraint: 26  // TypeParameter
        case .heading, .tier, .scope: 23  // Struct
        case .attribute: 14  // Constant
        case .omitCategory, .omitConstraint: 21  // Null
        case .change, .withdraw: 25  // Operator
        }
    }
}
