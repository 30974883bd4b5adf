import Disclose

/// One declaration and the file it is in.
struct DeclarationSite {
    var path: String
    var syntax: SyntaxFile
    var declaration: Declaration

    var file: SourceFile { syntax.file }

    /// The first clause of a kind, by a test on its body.
    func clauses<T>(_ pick: (ClauseBody) -> T?) -> [T] { declaration.clauses.compactMap { pick($0.body) } }

    /// The source text of a clause, as written.
    func text(of clause: Clause) -> String { file.text(clause.span) }
}

/// The declarations of a set of files by the id they declare or change, built from the
/// parsed files rather than the checked rule book: hover and navigation must work while the
/// file being edited still has errors.
struct SymbolIndex {
    /// Declarations that declare an id (`question X`, `issue X`, …), in file order.
    private(set) var defining: [String: [DeclarationSite]] = [:]
    /// Declarations that change or withdraw an inherited id.
    private(set) var changing: [String: [DeclarationSite]] = [:]
    /// Every declaring site, in file order: candidates for completion.
    private(set) var all: [DeclarationSite] = []

    init(workspace: Workspace, paths: [String]) {
        for path in paths {
            guard let syntax = workspace.syntax(of: path) else { continue }
            for declaration in syntax.declarations {
                guard let name = declaration.name else { continue }
                let site = DeclarationSite(path: path, syntax: syntax, declaration: declaration)
                switch declaration.kind {
                case .country, .cluster, .point, .question, .parameter, .issue, .policy, .zeroTolerance, .decision, .moderation, .constraint, .heading, .tier,
                     .attribute, .scope:
                    defining[name.text, default: []].append(site)
                    all.append(site)
                case .change, .withdraw:
                    changing[name.text, default: []].append(site)
                case .include, .titles, .example, .omitCategory, .omitConstraint:
                    break
                }
            }
        }
    }

    /// The declaring sites of an id, then the sites that change it.
    func sites(of id: String) -> [DeclarationSite] { (defining[id] ?? []) + (changing[id] ?? []) }
}

extension LanguageServer {
    /// The index of the files a document sees: itself and what it includes; and, for ids it
    /// does not see (a decision register's file does not include the country), the whole root.
    func index(for path: String) -> (own: SymbolIndex, root: SymbolIndex) {
        let own = SymbolIndex(workspace: workspace, paths: workspace.closure(of: path))
        let root = SymbolIndex(workspace: workspace, paths: workspace.ruleFiles(in: workspace.root(for: path)))
        return (own, root)
    }

    /// The languages a document is written for: its country's (or, for a file a country
    /// includes, that country's); empty when no country is in sight.
    func languages(for path: String) -> [String] {
        for candidate in [path] + workspace.includers(of: path) {
            guard let syntax = workspace.syntax(of: candidate) else { continue }
            for declaration in syntax.declarations where declaration.kind == .country {
                for clause in declaration.clauses { if case .languages(let names) = clause.body { return names.map(\.text) } }
            }
        }
        return []
    }
}

/// The token under a byte offset: the word, keyword or text the cursor is in, or just after.
func token(at offset: Int, in file: SourceFile) -> Token? {
    var after: Token?
    for token in Lexer.tokens(of: file).tokens {
        if token.span.start > offset { break }
        guard offset <= token.span.end else { continue }
        switch token.kind {
        case .word, .keyword, .string:
            if offset < token.span.end { return token }
            after = token
        case .number, .date, .comma, .leftParenthesis, .rightParenthesis, .comment, .docComment, .invalid, .end:
            continue
        }
    }
    return after
}
