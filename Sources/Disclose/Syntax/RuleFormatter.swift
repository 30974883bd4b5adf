/// Writes a rule file in the one canonical layout.
///
/// The layout: a declaration's header at the start of a line, each clause on its own line
/// indented by two spaces, single spaces between words, `, ` in lists, one blank line
/// between declarations, comments kept where they were (above what follows them, or at
/// the end of the line). Formatting a formatted file changes nothing.
public enum RuleFormatter: Sendable {
    /// A rule file that could not be formatted: it has syntax errors, each a diagnostic.
    public struct SyntaxErrors: Error, Sendable, Equatable {
        /// The problems found, errors and warnings, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// The canonical text of the rule file `text`, or its syntax errors: the string-in,
    /// string-out form of `disclose fmt`. `path` names the file in the diagnostics.
    public static func format(text: String, path: String = "<text>") throws(SyntaxErrors) -> String {
        let syntax = Parser.parse(SourceFile(path: path, text: text))
        guard let formatted = format(syntax) else { throw SyntaxErrors(diagnostics: syntax.diagnostics) }
        return formatted
    }

    /// The canonical text of a file, or nil if the file has syntax errors (which are in `syntax.diagnostics`).
    package static func format(_ syntax: SyntaxFile) -> String? {
        guard !syntax.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        var lines: [String] = []
        for (index, declaration) in syntax.declarations.enumerated() {
            // Consecutive includes stay together as one block; other declarations are apart.
            let isIncludeRun = index > 0 && declaration.kind == .include && syntax.declarations[index - 1].kind == .include
                && declaration.comments.isEmpty
            if index > 0 && !isIncludeRun { lines.append("") }
            appendComments(declaration.comments, indent: "", keepBlankLines: true, to: &lines)
            lines.append(withTrailing(header(declaration), declaration.trailingComment))
            for clause in declaration.clauses {
                appendComments(clause.comments, indent: "  ", keepBlankLines: false, to: &lines)
                lines.append(withTrailing("  " + text(of: clause.body), clause.trailingComment))
            }
        }
        if !syntax.trailingComments.isEmpty {
            if !lines.isEmpty { lines.append("") }
            appendComments(syntax.trailingComments, indent: "", keepBlankLines: true, to: &lines)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private static func appendComments(_ comments: [Comment], indent: String, keepBlankLines: Bool, to lines: inout [String]) {
        for (index, comment) in comments.enumerated() {
            lines.append(indent + commentText(comment))
            if keepBlankLines, comment.isFollowedByBlankLine, index < comments.count - 1 || indent.isEmpty { lines.append("") }
        }
    }

    private static func commentText(_ comment: Comment) -> String {
        let text = (comment.isDocumentation ? "##" : "#") + comment.text
        var trimmed = Substring(text)
        // All the whitespace of the language: a carriage return left at the end would make the
        // line break after it a CRLF, which the next reading drops (the text would change again).
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" || last == "\u{0C}" { trimmed.removeLast() }
        return String(trimmed)
    }

    private static func withTrailing(_ line: String, _ comment: Comment?) -> String {
        guard let comment else { return line }
        return line + " " + commentText(comment)
    }

    private static func header(_ declaration: Declaration) -> String {
        let name = declaration.name?.text ?? ""
        switch declaration.kind {
        case .include, .example:
            return "\(declaration.kind.spelling) \(ConditionPrinter.quoted(name))"
        case .point, .question:
            return "\(declaration.kind.spelling) \(name) in \(declaration.parent?.text ?? "")"
        default:
            return "\(declaration.kind.spelling) \(name)"
        }
    }

    /// The canonical text of one clause, without indentation.
    static func text(of body: ClauseBody) -> String {
        func list(_ names: [Name]) -> String { names.map(\.text).joined(separator: ", ") }
        func texts(_ values: [TextLiteral]) -> String { values.map { ConditionPrinter.quoted($0.text) }.joined(separator: ", ") }
        // Text for people in its one canonical form: NFC, plain spaces, no soft hyphens, trimmed.
        func prose(_ value: TextLiteral) -> String { ConditionPrinter.quoted(ProseText.normalised(value.text)) }
        switch body {
        case .title(let language, let text): return "title \(language.text) \(prose(text))"
        case .text(let language, let text): return "text \(language.text) \(prose(text))"
        case .legal(let text): return "legal \(prose(text))"
        case .answer(let answer):
            switch answer {
            case .yesNo: return "answer yes-no"
            case .number(let unit): return "answer number in \(unit.text)"
            case .date: return "answer date"
            case .choice(let options): return "answer one of \(texts(options))"
            }
        case .nonCompliant(let violation):
            switch violation {
            case .yes: return "non-compliant when yes"
            case .no: return "non-compliant when no"
            case .comparison(let comparison, let operand): return "non-compliant when \(comparison.rawValue) \(ConditionPrinter.text(of: operand))"
            case .choices(let options): return "non-compliant when \(texts(options))"
            }
        case .notApplicableAllowed: return "not-applicable allowed"
        case .category(let name): return "category \(name.text)"
        case .raised(let condition): return "raised when \(ConditionPrinter.text(of: condition))"
        case .required(let condition): return "required when \(ConditionPrinter.text(of: condition))"
        case .questions(let names): return "questions \(list(names))"
        case .deadline(let amount, let unit): return "deadline \(ConditionPrinter.number(amount)) \(unit.text)"
        case .value(let value):
            guard let selector = value.selector else { return "value \(ConditionPrinter.text(of: value.literal))" }
            return "value \(ConditionPrinter.text(of: value.literal)) for \(selector.attribute.text) "
                + selector.values.map { ConditionPrinter.attributeValue($0.text) }.joined(separator: ", ")
        case .reason(let text): return "reason \(prose(text))"
        case .decidedBy(let name): return "decided by \(name.text)"
        case .from(let date): return "from \(date.day)"
        case .until(let date): return "until \(date.day)"
        case .languages(let names): return "languages \(list(names))"
        case .status(let status, let by): return "status \(status.text)" + (by.map { " by \($0.text)" } ?? "")
        case .publishesNothing: return "publishes nothing"
        case .given(let answers):
            return "given " + answers.map { answer in
                guard answer.isFactoryAttribute, case .text(let value) = answer.value.literal else {
                    return "\(answer.question.text) \(ConditionPrinter.text(of: answer.value.literal))"
                }
                return "factory \(answer.question.text) \(ConditionPrinter.attributeValue(value))"
            }.joined(separator: ", ")
        case .expect(let names): return names.isEmpty ? "expect nothing" : "expect \(list(names))"
        case .on(let date): return "on \(date.date)"
        case .source(let text): return "source \(prose(text))"
        case .covers(let names): return "covers \(list(names))"
        case .coversWhen(let condition): return "covers when \(ConditionPrinter.text(of: condition))"
        case .values(let values): return "values \(texts(values))"
        case .entry(let id, let text): return "\(id.text) \(prose(text))"
        case .words(let language, let words): return "words \(language.text) \(words.map(prose).joined(separator: ", "))"
        case .nameCues(let language, let cues): return "name-cues \(language.text) \(cues.map(prose).joined(separator: ", "))"
        case .pattern(let text): return "pattern \(ConditionPrinter.quoted(text.text))"
        case .publishes(let names): return "publishes \(list(names))"
        case .withdraws(let names): return "withdraws \(list(names))"
        case .rewords(let names): return "rewords \(list(names))"
        case .issues(let names): return "issues \(list(names))"
        case .concerns(let name): return "concerns \(name.text)"
        case .assessments(let count, _): return "assessments at least \(ConditionPrinter.number(count))"
        case .threshold(.deviations(let amount, let unit, let reference, _)):
            return "threshold \(ConditionPrinter.number(amount)) \(unit.text) below \(reference.text)"
        case .threshold(.rate(let amount, let unit, _)): return "threshold below \(ConditionPrinter.number(amount)) \(unit.text)"
        case .step(let step):
            var line = "step \(step.name.text) by \(list(step.actors))"
            switch step.limit {
            case .immediately?: line += " immediately"
            case .within(let amount, let unit, let anchor, _)?: line += " within \(ConditionPrinter.number(amount)) \(unit.text) of \(anchor.text)"
            case nil: break
            }
            return line
        case .requires(.check(let name)): return "requires \(name.text)"
        case .requires(.policy(let name, let comparison, let amount, _)):
            return "requires policy \(name.text) \(comparison.rawValue) \(ConditionPrinter.number(amount))"
        }
    }
}
