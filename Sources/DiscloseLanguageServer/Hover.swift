import Disclose

extension LanguageServer {
    /// `textDocument/hover`: what an id means, or a keyword.
    func hover(_ params: JSONValue) throws -> JSONValue {
        let (path, syntax, lines) = try document(params)
        let offset = try offset(params, in: lines)
        guard let token = token(at: offset, in: syntax.file) else { return .null }
        let text: String
        switch token.kind {
        case .keyword(let keyword):
            text = "**`\(keyword.rawValue)`**: \(keyword.meaning)"
        case .word:
            let (own, root) = index(for: path)
            let known = own.defining[token.text] != nil ? own : root
            guard let markdown = describe(token.text, in: known, languages: languages(for: path)) else { return .null }
            text = markdown
        case .string, .number, .date, .comma, .leftParenthesis, .rightParenthesis, .comment, .docComment, .invalid, .end:
            return .null
        }
        return .object([
            ("contents", .object([("kind", .string("markdown")), ("value", .string(text))])),
            ("range", lines.range(of: token.span)),
        ])
    }

    /// The hover text of an id: its declaration described for someone who does not know it by heart.
    func describe(_ id: String, in index: SymbolIndex, languages: [String]) -> String? {
        guard let site = index.defining[id]?.first else { return nil }
        let declaration = site.declaration
        var lines: [String] = []
        var header = "**\(declaration.kind.spelling) `\(id)`**"
        if let parent = declaration.parent { header += " in `\(parent.text)`" }
        lines.append(header)
        switch declaration.kind {
        case .question:
            for (language, wording) in pick(site.clauses { if case .text(let language, let text) = $0 { (language.text, text.text) } else { nil } }, languages) {
                lines.append("- \(language): \(wording)")
            }
            for clause in declaration.clauses {
                switch clause.body {
                case .answer, .nonCompliant, .notApplicableAllowed: lines.append("- `\(site.text(of: clause))`")
                case .legal(let text): lines.append("- legal: \(text.text)")
                default: break
                }
            }
            for change in index.changing[id] ?? [] {
                lines.append("- changed in `\(change.file.path)`: " + change.declaration.clauses.map { "`\(change.text(of: $0))`" }.joined(separator: ", "))
            }
        case .issue:
            lines += titleLines(site)
            for clause in declaration.clauses {
                switch clause.body {
                case .category(let name): lines.append("- category: `\(name.text)`")
                case .raised: lines.append("- `\(site.text(of: clause))`")
                case .from(let date): lines.append("- in force from \(date.day)")
                case .until(let date): lines.append("- in force until \(date.day)")
                case .decidedBy(let decision): lines.append("- decided by `\(decision.text)`" + decisionStatus(decision.text, index))
                case .legal(let text): lines.append("- legal: \(text.text)")
                default: break
                }
            }
            for change in index.changing[id] ?? [] {
                lines.append("- \(change.declaration.kind.spelling) in `\(change.file.path)`" + dates(of: change)
                             + (decision(of: change).map { ", decided by `\($0)`" + decisionStatus($0, index) } ?? ""))
            }
        case .parameter, .policy:
            lines += titleLines(site)
            var inForce: String?
            var periods: [String] = []
            for period in (index.defining[id] ?? []) + (index.changing[id] ?? []) {
                guard let value = period.declaration.clauses.first(where: { if case .value = $0.body { true } else { false } }) else { continue }
                let written = period.text(of: value).dropFirst("value ".count)
                periods.append("- `\(written)`" + dates(of: period) + " (`\(period.file.path)`)")
                if covers(period, today) { inForce = String(written) }
            }
            if let inForce { lines.append("value today (\(today)): `\(inForce)`") } else { lines.append("no value in force today (\(today))") }
            lines += periods
        case .decision:
            lines += titleLines(site)
            for clause in declaration.clauses {
                switch clause.body {
                case .status, .on, .covers, .publishes, .withdraws, .rewords: lines.append("- `\(site.text(of: clause))`")
                case .source(let text): lines.append("- source: \(text.text)")
                default: break
                }
            }
        case .country, .cluster, .point, .zeroTolerance, .moderation, .constraint:
            lines += titleLines(site)
        case .tier:
            lines += titleLines(site)
            for clause in declaration.clauses {
                switch clause.body {
                case .concerns, .assessments, .threshold: lines.append("- `\(site.text(of: clause))`")
                default: break
                }
            }
        case .heading:
            lines += titleLines(site)
            for clause in declaration.clauses { if case .issues = clause.body { lines.append("- `\(site.text(of: clause))`") } }
        case .attribute, .scope:
            lines += titleLines(site)
            for clause in declaration.clauses {
                switch clause.body {
                case .values, .coversWhen, .decidedBy: lines.append("- `\(site.text(of: clause))`")
                default: break
                }
            }
        case .include, .titles, .example, .omitCategory, .omitConstraint, .change, .withdraw:
            break
        }
        let documentation = declaration.documentation
        if !documentation.isEmpty { lines.append(""); lines.append(documentation.joined(separator: " ")) }
        lines.append("")
        lines.append("_\(site.file.path):\(site.file.location(of: declaration.keywordSpan.start).line)_")
        return lines.joined(separator: "\n")
    }

    /// Texts in the document's languages first (all of them when none is known).
    private func pick(_ texts: [(String, String)], _ languages: [String]) -> [(String, String)] {
        let wanted = texts.filter { languages.contains($0.0) }
        return wanted.isEmpty ? texts : wanted
    }

    private func titleLines(_ site: DeclarationSite) -> [String] {
        site.clauses { if case .title(let language, let text) = $0 { "- \(language.text): \(text.text)" } else { nil } }
    }

    private func decision(of site: DeclarationSite) -> String? {
        site.clauses { if case .decidedBy(let name) = $0 { name.text } else { nil } }.first
    }

    private func decisionStatus(_ id: String, _ index: SymbolIndex) -> String {
        guard let decision = index.defining[id]?.first else { return "" }
        let status = decision.declaration.clauses.first { if case .status = $0.body { true } else { false } }
        return status.map { " (\(decision.text(of: $0)))" } ?? ""
    }

    private func dates(of site: DeclarationSite) -> String {
        let from = site.clauses { if case .from(let date) = $0 { date.day } else { nil } }.first
        let until = site.clauses { if case .until(let date) = $0 { date.day } else { nil } }.first
        switch (from, until) {
        case (nil, nil): return ""
        case (let from?, nil): return " from \(from)"
        case (nil, let until?): return " until \(until)"
        case (let from?, let until?): return " from \(from) until \(until)"
        }
    }

    private func covers(_ site: DeclarationSite, _ day: Day) -> Bool {
        let from = site.clauses { if case .from(let date) = $0 { date.day } else { nil } }.first
        let until = site.clauses { if case .until(let date) = $0 { date.day } else { nil } }.first
        return (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }
}
