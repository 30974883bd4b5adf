import Disclose

/// The edit that fixes a diagnostic: a replacement of the bytes of `span` with `text`
/// (an insertion when the span is empty).
///
/// Diagnostics are plain data with their fix in words, so a fix is worked out from the
/// diagnostic and the text it was found in, only when the editor asks for the quick fixes of a
/// range. A fix is offered only when it is certain: applied, it leaves the file free of that
/// diagnostic. Where the right edit cannot be known (which `until` date was meant, which of
/// several words), there is none.
struct QuickFix {
    var title: String
    var span: Span
    var text: String

    /// The fix of a diagnostic found in `source`, or nil when it has none.
    static func of(_ diagnostic: Diagnostic, in source: CheckedText) -> QuickFix? {
        guard let range = diagnostic.range else { return nil }
        if let help = diagnostic.help, help.contains("did you mean `") { return suggestion(help, replacing: range.span, in: source) }
        switch diagnostic.code {
        case .unexpectedCharacter: return straightQuotes(range.span, in: source)
        case .textAsPasted: return textAsShown(range.span, in: source)
        case .itemBeforeDecision: return fromLine(diagnostic.help, declarationAt: range.span.start, in: source)
        case .invisibleCharacter: return withoutInvisible(range.span, in: source)
        case .invalidEncoding, .unterminatedString, .invalidEscape, .invalidLiteral, .notText, .fileTooLarge,
            .expectedDeclaration, .unknownClause, .unexpectedToken, .nestingTooDeep, .mixedAndOr,
            .unknownReference, .duplicateDefinition, .unknownValue, .clauseNotAllowed, .missingClause, .repeatedClause,
            .misplacedDeclaration, .conflictingClauses, .emptyText, .notApplicableSilencesIssue, .requiredWhenReadsItself,
            .unknownIssueUnderHeading, .issueUnderTwoHeadings, .headingTitleMissing, .issueUnderNoHeading, .stepCountsFromNothing,
            .unionRequirementCountedAgainstFactory, .unknownFactoryAttribute, .statusOfInformationalQuestion, .scopeReadsAnswers,
            .informationalQuestionUnread, .undeclaredAttributeValue, .valuesByAttributeIncomplete,
            .typeMismatch, .unitMismatch, .missingTitle, .invalidPattern, .slowPattern, .backReferencePattern,
            .includeNotFound, .includeOutsideRoot, .includeCycle, .nothingToChange, .overlappingDates, .invalidDateRange,
            .tooManyFiles, .impreciseDate, .categoryNotCovered, .emptyFile,
            .malformedCSV, .raggedRow, .missingColumn, .unknownColumn, .wrongSeparator, .invalidValue, .unknownRecord,
            .duplicateRecord, .malformedJSON, .missingTable, .unusableAnswer, .tableNotAFile, .unreadableTable,
            .decisionNotInForce, .decisionProposed, .decisionOfAnotherCountry, .decisionDoesNotCover, .ruleBeforeDecision,
            .decisionNotReflected, .draftList, .constraintViolated:
            return nil
        }
    }

    /// "did you mean `X`?": `X` in place of the one word the diagnostic points at, the
    /// suggestion written by the one helper `Suggestion`.
    private static func suggestion(_ help: String, replacing span: Span, in source: CheckedText) -> QuickFix? {
        let written = source.file.text(span)
        guard let start = help.range(of: "did you mean `") else { return nil }
        let rest = help[start.upperBound...]
        guard let end = rest.firstIndex(of: "`") else { return nil }
        let replacement = String(rest[..<end])
        guard !replacement.isEmpty, replacement != written, !written.isEmpty,
            !written.contains(where: { $0 == " " || $0 == "\n" || $0 == "\"" })
        else { return nil }
        return QuickFix(title: "replace `\(written)` with `\(replacement)`", span: span, text: replacement)
    }

    /// An invisible or text-direction character (W107, whose range is the character): removed.
    /// A byte-order mark between words is read as a space, so it becomes one; inside text or a
    /// comment the character goes. The checker flags one such character a token; the next, if
    /// any, is flagged once this one is gone.
    private static func withoutInvisible(_ span: Span, in source: CheckedText) -> QuickFix? {
        let written = source.file.text(span)
        guard let scalar = written.unicodeScalars.first, written.unicodeScalars.count == 1 else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let betweenWords = scalar == "\u{FEFF}" && !source.tokens.contains { $0.span.start <= span.start && span.end <= $0.span.end }
        return QuickFix(title: "remove the invisible character \(code)", span: span, text: betweenWords ? " " : "")
    }

    /// Text in curly quotes (E103 at the opening one): the same text in straight quotes.
    private static func straightQuotes(_ span: Span, in source: CheckedText) -> QuickFix? {
        let written = source.file.text(span)
        let opening: Set<Character> = ["\u{201C}", "\u{201E}", "\u{00AB}", "\u{201D}"]
        let closing: Set<Character> = ["\u{201D}", "\u{00BB}", "\u{201C}"]
        guard let first = written.first, opening.contains(first) else { return nil }
        var inner = String(written.dropFirst())
        if let last = inner.last, closing.contains(last) { inner.removeLast() }
        guard !inner.contains("\"") else { return nil }
        return QuickFix(title: "use straight quotes", span: span, text: "\"" + inner + "\"")
    }

    /// Text as pasted (W110): the text as `disclose fmt` writes it, in NFC, with plain spaces,
    /// no soft hyphen and nothing around it.
    private static func textAsShown(_ span: Span, in source: CheckedText) -> QuickFix? {
        guard let literal = source.tokens.first(where: { $0.span == span }), case .string = literal.kind else { return nil }
        let fixed = ConditionPrinter.quoted(ProseText.normalised(literal.text))
        // Compared as bytes: Swift's `==` on strings holds an accent stored apart equal to one stored whole.
        guard Array(fixed.utf8) != Array(source.file.bytes[span.start..<span.end]) else { return nil }
        return QuickFix(title: "write the text as it will be shown (NFC, plain spaces)", span: span, text: fixed)
    }

    /// A choice in force before its decision (E508): the `from` line with the day the checker
    /// asks for, added where the declaration has none, or put in place of the date of one that
    /// starts too early.
    ///
    /// The day is the one in the diagnostic's help (`add the line "  from 2015-12-31"`): the
    /// decision's day, or for a decision dated only to the month or the year, the last day of
    /// it, as the checker works it out. A choice that *ends* before its decision gets no fix:
    /// which `until`, or which decision, was meant cannot be known.
    private static func fromLine(_ help: String?, declarationAt start: Int, in source: CheckedText) -> QuickFix? {
        guard let help, let day = quotedFromDay(in: help),
            let declaration = source.syntax.declarations.first(where: { $0.keywordSpan.start == start })
        else { return nil }
        let existing = declaration.clauses.compactMap { clause -> DateLiteral? in if case .from(let date) = clause.body { date } else { nil } }
        if help.hasPrefix("replace the `from` line") {
            guard existing.count == 1, let date = existing.first else { return nil }
            return QuickFix(title: "start from \(day), the day of its decision", span: date.span, text: "\(day)")
        }
        guard help.hasPrefix("add the line"), existing.isEmpty else { return nil }
        let bytes = source.file.bytes
        let lastLine = declaration.clauses.map(\.span.end).max() ?? declaration.keywordSpan.end
        let clauseStart = declaration.clauses.last?.keywordSpan.start
        var indent = "  "
        if let clauseStart {
            var lineStart = clauseStart
            while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
            let written = bytes[lineStart..<clauseStart].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if !written.isEmpty { indent = String(decoding: written, as: UTF8.self) }
        }
        let line = indent + "from \(day)"
        // After the line the last clause ends on (past a comment at its end), with that line's
        // own line break, so that a file written with CRLF stays so.
        guard let newline = bytes[lastLine...].firstIndex(of: UInt8(ascii: "\n")) else {
            return QuickFix(title: "add the line `from \(day)`", span: Span(bytes.count, bytes.count), text: "\n" + line)
        }
        let lineBreak = newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        return QuickFix(title: "add the line `from \(day)`", span: Span(newline + 1, newline + 1), text: line + lineBreak)
    }

    /// The day of the `from` line a help quotes: `"  from 2015-12-31"`.
    private static func quotedFromDay(in help: String) -> Day? {
        let parts = help.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let line = parts[1].trimmingPrefix(while: { $0 == " " })
        guard line.hasPrefix("from ") else { return nil }
        return Day(iso: line.dropFirst("from ".count))
    }
}

/// The text a diagnostic was found in, lexed and parsed once, and only when a fix needs it.
final class CheckedText {
    let file: SourceFile
    private(set) lazy var tokens: [Token] = Lexer.tokens(of: file).tokens
    private(set) lazy var syntax: SyntaxFile = Parser.parse(file)

    init(_ file: SourceFile) { self.file = file }
}
