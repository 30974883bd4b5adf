/// Reads a rule file into a syntax tree by recursive descent.
///
/// Errors are reported where they are found, and the parser recovers at the next line
/// that starts a clause or a declaration, so a file with ten mistakes gets ten messages.
/// Only the methods that consume tokens are `mutating`. Every loop consumes a token or
/// stops, and conditions nest at most `maximumNesting` deep, so no input can hang it or
/// overflow its stack. Each parse function's doc comment carries its production from
/// `grammar.md`; a test keeps the two in step.
package struct Parser {
    /// How deep parentheses and `not` may nest in one condition.
    package static let maximumNesting = 32

    private var lexer: Lexer
    private var current: Token
    private var previousEnd = 0
    private var pendingComments: [(comment: Comment, sameLine: Bool)] = []
    private var diagnostics: [Diagnostic] = []
    private var nesting = 0
    private var file: SourceFile { lexer.file }

    /// Thrown to abandon a clause after its error has been reported.
    private struct Abandon: Error {}

    /// Parses a whole file.
    package static func parse(_ file: SourceFile) -> SyntaxFile {
        var parser = Parser(file: file)
        return parser.parseFile()
    }

    private init(file: SourceFile) {
        lexer = Lexer(file: file)
        current = Token(.end, Span(0, 0), lineBreaksBefore: 0)
        advance()
    }

    // MARK: Tokens

    /// Moves to the next token that is not a comment, collecting comments on the way.
    private mutating func advance() {
        if current.kind != .end || current.span.end == 0 {
            previousEnd = max(previousEnd, current.span.end)
        }
        while true {
            let token = lexer.next()
            if token.lineBreaksBefore >= 2, !pendingComments.isEmpty {
                pendingComments[pendingComments.count - 1].comment.isFollowedByBlankLine = true
            }
            switch token.kind {
            case .comment, .docComment:
                let sameLine = token.lineBreaksBefore == 0 && previousEnd > 0
                let comment = Comment(text: token.text, isDocumentation: token.kind == .docComment,
                                      span: token.span, isFollowedByBlankLine: false)
                pendingComments.append((comment, sameLine))
            default:
                current = token
                return
            }
        }
    }

    /// Whether the token after the current one is a word (not a keyword), on the same line:
    /// looked at on a copy of the lexer, which nothing else reads.
    private var nextTokenIsWord: Bool {
        var copy = lexer
        while true {
            let token = copy.next()
            switch token.kind {
            case .comment, .docComment: continue
            default: return token.kind == .word && token.lineBreaksBefore == 0
            }
        }
    }

    private var isAtLineStart: Bool { current.lineBreaksBefore > 0 || previousEnd == 0 }

    private func isKeyword(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    private var currentKeyword: Keyword? {
        if case .keyword(let keyword) = current.kind { return keyword }
        return nil
    }

    /// Takes the comments collected so far, as the leading comments of what starts here.
    private mutating func takeLeadingComments() -> [Comment] {
        defer { pendingComments.removeAll() }
        return pendingComments.map(\.comment)
    }

    /// Takes a comment written at the end of the line just finished.
    private mutating func takeTrailingComment() -> Comment? {
        guard let first = pendingComments.first, first.sameLine else { return nil }
        pendingComments.removeFirst()
        return first.comment
    }

    private mutating func consume(_ keyword: Keyword, _ expected: String) throws -> Span {
        guard isKeyword(keyword) else { throw expectedError(expected) }
        let span = current.span
        advance()
        return span
    }

    private mutating func consumeName(_ expected: String) throws -> Name {
        guard current.kind == .word else {
            if let keyword = currentKeyword, !keyword.startsDeclaration, !keyword.startsClause || !isAtLineStart {
                report(.unexpectedToken, "`\(keyword.rawValue)` is a keyword and cannot be used as \(expected)", current.span,
                       label: "reserved word", help: "choose another id; keywords of the language are listed in grammar.md")
                throw Abandon()
            }
            throw expectedError(expected)
        }
        let name = Name(current.text, current.span)
        advance()
        return name
    }

    private mutating func consumeText(_ expected: String) throws -> TextLiteral {
        guard current.kind == .string else { throw expectedError(expected) }
        let text = TextLiteral(text: current.text, span: current.span)
        advance()
        return text
    }

    /// A date known to the day: what every date but a decision's `on` must be.
    /// Text for people: stored in NFC, and what was pasted with it reported (W110).
    private mutating func consumeProse(_ expected: String) throws -> TextLiteral {
        prose(try consumeText(expected))
    }

    private mutating func prose(_ literal: TextLiteral) -> TextLiteral {
        // A soft hyphen the lexer already flagged as invisible gets no second message.
        let lexerFlagged = lexer.diagnostics.contains { $0.code == .invisibleCharacter && $0.range.map { literal.span.start <= $0.span.start && $0.span.end <= literal.span.end } == true }
        let problems = ProseText.problems(literal.text, softHyphensReported: lexerFlagged)
        if !problems.isEmpty, !literal.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == ProseText.softHyphen }) {
            let fixed = ProseText.normalised(literal.text)
            report(.textAsPasted, "text as pasted: " + problems.joined(separator: ", "), literal.span, label: "not as it will be shown",
                   help: "write \(ConditionPrinter.quoted(fixed)) (`disclose fmt` does it)")
        }
        return TextLiteral(text: ProseText.nfc(literal.text), span: literal.span)
    }

    private mutating func consumeDate(_ expected: String) throws -> DateLiteral {
        if let partial = yearOrMonth() {
            reportImpreciseDate(partial)
            throw Abandon()
        }
        guard current.kind == .date, let day = current.date?.day else { throw expectedError(expected) }
        let date = DateLiteral(day: day, span: current.span)
        advance()
        return date
    }

    /// decision-date = date | month | year ;
    ///
    /// A decision is dated as precisely as its source dates it: a day, or only the month or
    /// the year in which it was taken.
    private mutating func parseDecisionDate() throws -> PartialDateLiteral {
        let date: PartialDate
        if let partial = yearOrMonth() {
            date = partial
        } else if current.kind == .date, let day = current.date {
            date = day
        } else if current.kind == .number, file.text(current.span).utf8.count == 4, file.text(current.span).utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            report(.invalidLiteral, "`\(file.text(current.span))` is not a valid year", current.span, label: "no such year",
                   help: "write the year with four digits, from 0001 to 9999, for example `2014`")
            throw Abandon()
        } else {
            throw expectedError("a date such as 2024-01-01, or only its month (2024-01) or year (2024)")
        }
        let literal = PartialDateLiteral(date: date, span: current.span)
        advance()
        return literal
    }

    /// The current token read as a date known only to the month (`2014-10`) or the year
    /// (`2014`, four digits, lexed as a number), or nil.
    private func yearOrMonth() -> PartialDate? {
        switch current.kind {
        case .date:
            guard let date = current.date, date.precision != .day else { return nil }
            return date
        case .number:
            let written = file.text(current.span)
            guard written.utf8.count == 4, written.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return PartialDate(iso: written)
        default:
            return nil
        }
    }

    /// A month or a year where a day is needed: only a decision's `on` may be that imprecise,
    /// because everything else says on which day something starts or happens.
    private mutating func reportImpreciseDate(_ date: PartialDate) {
        let only = date.precision == .year ? "a year" : "a month"
        report(.impreciseDate, "`\(date)` is only \(only): a full date is needed here", current.span, label: "no day",
               help: "write the day meant as YYYY-MM-DD (do not guess the first of the \(date.precision == .year ? "year" : "month")); only a decision's `on` may give just a month or a year")
    }

    /// Reports "expected …, found …", unless the lexer already reported the token.
    private mutating func expectedError(_ expected: String) -> Abandon {
        if current.kind != .invalid {
            report(.unexpectedToken, "expected \(expected), found \(describe(current))", current.span,
                   label: "expected \(expected) here", help: misspeltKeyword(expected))
        }
        return Abandon()
    }

    /// "did you mean `when`?" for `raised wen`: when the word found is close to a keyword that
    /// `expected` names in backticks.
    private func misspeltKeyword(_ expected: String) -> String? {
        guard current.kind == .word else { return nil }
        let quoted = expected.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        return Suggestion.closest(to: current.text, among: quoted.filter { Keyword(rawValue: $0) != nil })
            .map { "did you mean `\($0)`?" }
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .keyword(let keyword): "`\(keyword.rawValue)`"
        case .word: "`\(token.text)`"
        case .string: "text \"\(token.text.count > 30 ? String(token.text.prefix(30)) + "…" : token.text)\""
        case .number: "the number `\(file.text(token.span))`"
        case .date: "the date `\(file.text(token.span))`"
        case .comma: "`,`"
        case .leftParenthesis: "`(`"
        case .rightParenthesis: "`)`"
        case .comment, .docComment: "a comment"
        case .invalid: "`\(file.text(token.span))`"
        case .end: "the end of the file"
        }
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, _ span: Span, label: String?, help: String?, notes: [String] = []) {
        diagnostics.append(Diagnostic(code, message, at: SourceRange(file, span), label: label, notes: notes, help: help))
    }

    /// Skips to the next line that starts a clause or a declaration; always moves at least one token.
    ///
    /// A line counts as a new clause when it starts with a clause keyword, or with a word at
    /// the clause indentation (so that a misspelt clause right after a broken one is reported
    /// too), but not with a deeper-indented continuation of a long condition.
    private mutating func skipToNextClause() {
        repeat { advance() } while current.kind != .end && !(isAtLineStart && (currentKeyword?.startsClause == true
            || currentKeyword?.startsDeclaration == true || (current.kind == .word && file.location(of: current.span.start).column <= 3)))
    }

    /// Skips to the next line that starts a declaration; always moves at least one token.
    private mutating func skipToNextDeclaration() {
        repeat { advance() } while current.kind != .end && !(isAtLineStart && currentKeyword?.startsDeclaration == true)
    }

    // MARK: Declarations

    /// file = { declaration } ;
    private mutating func parseFile() -> SyntaxFile {
        var declarations: [Declaration] = []
        while current.kind != .end {
            if let declaration = parseDeclaration() { declarations.append(declaration) }
        }
        let trailing = takeLeadingComments()
        return SyntaxFile(file: file, declarations: declarations, trailingComments: trailing,
                          diagnostics: lexer.diagnostics + diagnostics)
    }

    /// declaration = header { clause } ;
    private mutating func parseDeclaration() -> Declaration? {
        let comments = takeLeadingComments()
        let start = current.span.start
        guard let keyword = currentKeyword, keyword.startsDeclaration else {
            reportNotADeclaration()
            skipToNextDeclaration()
            return nil
        }
        var declaration: Declaration
        do {
            declaration = try parseHeader(keyword, start: start, comments: comments)
        } catch {
            skipToNextDeclaration()
            return nil
        }
        declaration.trailingComment = takeTrailingComment()
        while current.kind != .end && currentKeyword?.startsDeclaration != true {
            let clauseComments = takeLeadingComments()
            do {
                var clause = try parseClause(in: declaration.kind)
                clause.comments = clauseComments
                clause.trailingComment = takeTrailingComment()
                declaration.clauses.append(clause)
            } catch {
                declaration.isComplete = false
                skipToNextClause()
            }
        }
        declaration.span = Span(start, max(previousEnd, start))
        return declaration
    }

    private mutating func reportNotADeclaration() {
        guard current.kind != .invalid else { return }
        var help = "a declaration starts with one of: " + Keyword.allCases.filter(\.startsDeclaration).map { "`\($0.rawValue)`" }.joined(separator: ", ")
        if current.kind == .word, let suggestion = Suggestion.closest(to: current.text, among: Keyword.allCases.filter(\.startsDeclaration).map(\.rawValue)) {
            help = "did you mean `\(suggestion)`?"
        } else if let keyword = currentKeyword, keyword.startsClause {
            help = "`\(keyword.rawValue)` is a clause: it belongs under a declaration such as `issue ID`"
        }
        report(.expectedDeclaration, "expected a declaration, found \(describe(current))", current.span,
               label: "not the start of a declaration", help: help)
    }

    /// header = "include" text
    ///        | ( "country" | "cluster" | "parameter" | "issue" | "policy" | "zero-tolerance" | "titles" | "decision" | "moderation"
    ///          | "constraint" | "heading" | "tier" | "attribute" | "scope" ) word
    ///        | ( "point" | "question" ) word "in" word
    ///        | ( "change" | "withdraw" ) item-kind word
    ///        | "omit" ( "category" | "constraint" ) word
    ///        | "example" text ;
    private mutating func parseHeader(_ keyword: Keyword, start: Int, comments: [Comment]) throws -> Declaration {
        var keywordEnd = current.span.end
        advance()
        let kind: DeclarationKind
        var name: Name?
        var parent: Name?
        switch keyword {
        case .include, .example:
            kind = keyword == .include ? .include : .example
            let text = try consumeText(keyword == .include ? "the quoted path of the file to include" : "the example's name in quotes")
            name = Name(text.text, text.span)
        case .omit:
            if isKeyword(.constraint) {
                advance()
                keywordEnd = previousEnd
                kind = .omitConstraint
                name = try consumeName("the id of a constraint of rules/constraints.disclose")
            } else {
                _ = try consume(.category, "`category` or `constraint`, as in `omit category workplace-dialogue`")
                keywordEnd = previousEnd
                kind = .omitCategory
                name = try consumeName("a category such as `workplace-dialogue`")
            }
        case .change, .withdraw:
            let item = try parseItemKind(withdrawing: keyword == .withdraw)
            keywordEnd = previousEnd
            kind = keyword == .change ? .change(item) : .withdraw(item)
            name = try consumeName("the id of the \(item.rawValue)")
        default:
            kind = switch keyword {
            case .country: .country
            case .cluster: .cluster
            case .point: .point
            case .question: .question
            case .parameter: .parameter
            case .issue: .issue
            case .policy: .policy
            case .zeroTolerance: .zeroTolerance
            case .titles: .titles
            case .moderation: .moderation
            case .constraint: .constraint
            case .heading: .heading
            case .tier: .tier
            case .attribute: .attribute
            case .scope: .scope
            default: .decision
            }
            name = try consumeName(keyword == .titles ? "a language code" : "an id")
            if keyword == .point || keyword == .question {
                _ = try consume(.in, "`in` and the \(keyword == .point ? "cluster" : "compliance point") it belongs to")
                parent = try consumeName("the id of the \(keyword == .point ? "cluster" : "compliance point")")
            }
        }
        return Declaration(kind: kind, keywordSpan: Span(start, keywordEnd), name: name, parent: parent, clauses: [],
                           comments: comments, trailingComment: nil, span: Span(start, previousEnd))
    }

    /// item-kind = "question" | "parameter" | "issue" | "policy" | "zero-tolerance" ;
    private mutating func parseItemKind(withdrawing: Bool) throws -> ItemKind {
        let kind: ItemKind? = switch currentKeyword {
        case .question: .question
        case .parameter: .parameter
        case .issue: .issue
        case .policy: .policy
        case .zeroTolerance: .zeroTolerance
        default: nil
        }
        guard let kind else {
            throw expectedError(withdrawing ? "`issue`, as in `withdraw issue UNION-CHOICE`"
                : "what to change: `issue`, `question`, `parameter`, `policy` or `zero-tolerance`")
        }
        advance()
        return kind
    }

    // MARK: Clauses

    /// clause = "title" word text | "text" word text | "legal" text | "answer" answer-kind
    ///        | "non-compliant" "when" violation | "not-applicable" "allowed" | "category" word
    ///        | "raised" "when" condition | "questions" word-list | "deadline" number word
    ///        | "value" value [ "for" word attribute-values ] | "reason" text | "decided" "by" word | "from" date | "until" date
    ///        | "languages" word-list | "status" ( word | "decided" ) [ "by" word ] | "publishes" ( "nothing" | word-list )
    ///        | "given" given-answer { "," given-answer } | "expect" ( "nothing" | word-list )
    ///        | "on" decision-date | "source" text | "covers" ( "when" condition | word-list ) | "words" word text { "," text }
    ///        | "name-cues" word text { "," text }
    ///        | "pattern" text | "withdraws" word-list | "rewords" word-list | "requires" requirement
    ///        | "required" "when" condition | "issues" word-list | "step" step | "concerns" word
    ///        | "assessments" "at" "least" number | "threshold" threshold | "values" text { "," text } | word text ;
    private mutating func parseClause(in kind: DeclarationKind) throws -> Clause {
        let start = current.span.start
        let keywordSpan = current.span
        guard let keyword = currentKeyword, keyword.startsClause else {
            if current.kind == .word, kind == .titles {
                let id = try consumeName("an id")
                let text = try consumeProse("the title in quotes")
                return Clause(body: .entry(id, text), keywordSpan: keywordSpan, span: Span(start, previousEnd))
            }
            reportUnknownClause(in: kind)
            throw Abandon()
        }
        advance()
        let body: ClauseBody
        switch keyword {
        case .title:
            body = .title(language: try consumeName("a language code such as `en`"), text: try consumeProse("the title in quotes"))
        case .text:
            body = .text(language: try consumeName("a language code such as `en`"), text: try consumeProse("the question's wording in quotes"))
        case .legal: body = .legal(try consumeProse("the legal reference in quotes"))
        case .answer: body = .answer(try parseAnswerKind())
        case .nonCompliant:
            _ = try consume(.when, "`when`")
            body = .nonCompliant(try parseViolation())
        case .notApplicable:
            _ = try consume(.allowed, "`allowed`")
            body = .notApplicableAllowed
        case .category: body = .category(try consumeName("a category such as `child-labour`"))
        case .raised:
            _ = try consume(.when, "`when`")
            nesting = 0
            body = .raised(try parseCondition())
        case .required:
            _ = try consume(.when, "`when`")
            nesting = 0
            body = .required(try parseCondition())
        case .questions: body = .questions(try parseWordList("a question id"))
        case .deadline:
            guard current.kind == .number else { throw expectedError("a number, as in `deadline 48 hours`") }
            let amount = current.number
            advance()
            body = .deadline(quantity: amount, unit: try consumeName("a unit: `hours` or `days`"))
        case .value:
            var value = try parseValue()
            if isKeyword(.for) {
                advance()
                let attribute = try consumeName("a factory attribute such as `sector`")
                value.selector = AttributeSelector(attribute: attribute, values: try parseAttributeValues())
                value.span = Span(value.span.start, previousEnd)
            }
            body = .value(value)
        case .reason: body = .reason(try consumeProse("the reason in quotes"))
        case .decided:
            _ = try consume(.by, "`by`")
            body = .decidedBy(try consumeName("the id of a PAC decision"))
        case .from: body = .from(try consumeDate("a date such as 2024-01-01"))
        case .until: body = .until(try consumeDate("a date such as 2024-12-31"))
        case .languages: body = .languages(try parseWordList("a language code such as `en`"))
        case .status:
            // `decided` is a keyword (of `decided by`) and also a country's status.
            var status: Name
            if isKeyword(.decided) {
                status = Name("decided", current.span)
                advance()
            } else {
                status = try consumeName("a status")
            }
            var by: Name?
            if isKeyword(.by) {
                advance()
                by = try consumeName("the id of the decision that replaced it")
            }
            body = .status(status, by: by)
        case .publishes:
            if isKeyword(.nothing) {
                advance()
                body = .publishesNothing
            } else {
                body = .publishes(try parseWordList("`nothing`, or the ids of the issues a decision makes public"))
            }
        case .withdraws: body = .withdraws(try parseWordList("the ids of the issues withdrawn"))
        case .rewords: body = .rewords(try parseWordList("the ids of the issues whose titles are reworded"))
        case .requires: body = .requires(try parseRequirement())
        case .given: body = .given(try parseGivenAnswers())
        case .expect:
            if isKeyword(.nothing) {
                advance()
                body = .expect([])
            } else {
                body = .expect(try parseWordList("an issue id, or `nothing`"))
            }
        case .on:
            if kind == .decision {
                body = .on(try parseDecisionDate())
            } else {
                let date = try consumeDate("a date such as 2024-01-01")
                body = .on(PartialDateLiteral(date: PartialDate(date.day), span: date.span))
            }
        case .source: body = .source(try consumeProse("where the decision is recorded, in quotes"))
        case .covers:
            if isKeyword(.when) {
                advance()
                nesting = 0
                body = .coversWhen(try parseCondition())
            } else {
                body = .covers(try parseWordList("an id"))
            }
        case .values: body = .values(try parseTextList("a value in quotes, such as \"garment\""))
        case .words:
            let language = try consumeName("a language code such as `en`")
            body = .words(language: language, try parseTextList("a word or phrase in quotes").map { prose($0) })
        case .nameCues:
            let language = try consumeName("a language code such as `en`")
            body = .nameCues(language: language, try parseTextList("a word that comes before a name, in quotes, such as \"Mr\"").map { prose($0) })
        case .pattern: body = .pattern(try consumeText("a pattern in quotes"))
        case .issues: body = .issues(try parseWordList("the id of a public issue"))
        case .step: body = .step(try parseStep())
        case .concerns: body = .concerns(try consumeName("whose compliance: `factory` or `union`"))
        case .assessments:
            _ = try consume(.at, "`at least` and a number, as in `assessments at least 3`")
            _ = try consume(.least, "`least`, as in `assessments at least 3`")
            guard current.kind == .number else { throw expectedError("a number, as in `assessments at least 3`") }
            body = .assessments(current.number, span: current.span)
            advance()
        case .threshold: body = .threshold(try parseThreshold())
        default:
            preconditionFailure("\(keyword) starts no clause")
        }
        return Clause(body: body, keywordSpan: keywordSpan, span: Span(start, previousEnd))
    }

    private mutating func reportUnknownClause(in kind: DeclarationKind) {
        guard current.kind != .invalid else { return }
        // Only what this declaration takes is suggested or listed: a clause of another
        // declaration would only lead to the next error (E304).
        let allowed = ClauseRules.of(kind).allowed
        let clauses = ClauseKind.allCases.filter { allowed.contains($0) && $0 != .entry }.map(\.keyword).sorted()
        let listed = clauses.map { "`\($0)`" }.joined(separator: ", ")
        var help = clauses.isEmpty && !allowed.contains(.entry)
            ? "`\(kind.spelling)` takes no clauses: start the next declaration at the beginning of a line"
            : allowed.contains(.entry)
            ? "each line under `\(kind.spelling)` is an issue id and its title in quotes\(clauses.isEmpty ? "" : ", or one of \(listed)")"
            : "each line under `\(kind.spelling)` starts with one of its clauses: \(listed)"
        if current.kind == .word, let suggestion = Suggestion.closest(to: current.text, among: clauses.flatMap { [$0, String($0.split(separator: " ")[0])] }) {
            help = "did you mean `\(clauses.first { $0.hasPrefix(suggestion) } ?? suggestion)`?"
        }
        let found = describe(current)
        report(.unknownClause, "expected a clause of `\(kind.spelling)`, found \(found)", current.span,
               label: "not a clause keyword", help: help)
    }

    /// word-list = word { "," word } ;
    private mutating func parseWordList(_ expected: String) throws -> [Name] {
        var names = [try consumeName(expected)]
        while current.kind == .comma {
            advance()
            names.append(try consumeName(expected))
        }
        return names
    }

    /// step = word "by" word-list [ step-limit ] ;
    ///
    /// A step without a limit is one the protocol gives no time for (an action plan agreed).
    private mutating func parseStep() throws -> StepSyntax {
        let name = try consumeName("the step's name, such as `notify-ministry`")
        _ = try consume(.by, "`by` and who acts, as in `by better-work`")
        let actors = try parseWordList("who acts: `better-work`, `ministry` or `factory`")
        return StepSyntax(name: name, actors: actors, limit: try parseStepLimit())
    }

    /// step-limit = "immediately" | "within" number word "of" word ;
    private mutating func parseStepLimit() throws -> StepLimitSyntax? {
        let start = current.span.start
        if isKeyword(.immediately) {
            advance()
            return .immediately(Span(start, previousEnd))
        }
        guard isKeyword(.within) else { return nil }
        advance()
        guard current.kind == .number else { throw expectedError("a number, as in `within 48 hours of notification`") }
        let amount = current.number
        advance()
        let unit = try consumeName("a unit: `hours` or `days`")
        _ = try consume(.of, "`of` and what the time counts from, as in `of notification`")
        let anchor = try consumeName("what the time counts from: `assessment`, `notification` or `previous-step`")
        return .within(quantity: amount, unit: unit, anchor: anchor, span: Span(start, previousEnd))
    }

    /// threshold = number word "below" word | "below" number word ;
    ///
    /// `2 deviations below mean` (a distribution) or `below 100 percent` (a rate).
    private mutating func parseThreshold() throws -> ThresholdSyntax {
        let start = current.span.start
        if isKeyword(.below) {
            advance()
            guard current.kind == .number else { throw expectedError("a number, as in `below 100 percent`") }
            let amount = current.number
            advance()
            let unit = try consumeName("`percent`")
            return .rate(amount, unit: unit, span: Span(start, previousEnd))
        }
        guard current.kind == .number else { throw expectedError("`2 deviations below mean` or `below 100 percent`") }
        let amount = current.number
        advance()
        let unit = try consumeName("`deviations`, as in `2 deviations below mean`")
        _ = try consume(.below, "`below mean`")
        let reference = try consumeName("`mean`")
        return .deviations(amount, unit: unit, reference: reference, span: Span(start, previousEnd))
    }

    /// requirement = "policy" word comparison number | word ;
    private mutating func parseRequirement() throws -> RequirementSyntax {
        guard isKeyword(.policy) else { return .check(try consumeName("a check such as `categories-covered`, or `policy NAME at least N`")) }
        let start = current.span.start
        advance()
        let setting = try consumeName("a policy setting such as `minimum-assessments`")
        guard let comparison = try parseComparison() else { throw expectedError("a comparison such as `at least`") }
        guard current.kind == .number else { throw expectedError("a number") }
        let amount = current.number
        advance()
        return .policy(setting, comparison, amount, span: Span(start, previousEnd))
    }

    /// answer-kind = "yes-no" | "number" "in" word | "date" | "one" "of" text { "," text } ;
    private mutating func parseAnswerKind() throws -> AnswerSyntax {
        switch currentKeyword {
        case .yesNo:
            advance()
            return .yesNo
        case .number:
            advance()
            _ = try consume(.in, "`in` and a unit, as in `number in hours`")
            return .number(unit: try consumeName("a unit such as `hours` or `years`"))
        case .date:
            advance()
            return .date
        case .one:
            advance()
            _ = try consume(.of, "`of`")
            return .choice(try parseTextList("a choice in quotes"))
        default:
            throw expectedError("an answer kind: `yes-no`, `number in UNIT`, `date` or `one of \"…\", \"…\"`")
        }
    }

    private mutating func parseTextList(_ expected: String) throws -> [TextLiteral] {
        var texts = [try consumeText(expected)]
        while current.kind == .comma {
            advance()
            texts.append(try consumeText(expected))
        }
        return texts
    }

    /// violation = "yes" | "no" | comparison operand | text { "," text } ;
    private mutating func parseViolation() throws -> ViolationSyntax {
        if isKeyword(.yes) { advance(); return .yes }
        if isKeyword(.no) { advance(); return .no }
        if current.kind == .string { return .choices(try parseTextList("a choice in quotes")) }
        if let comparison = try parseComparison() { return .comparison(comparison, try parseOperand()) }
        throw expectedError("`yes`, `no`, a comparison such as `above 60 hours`, or the non-compliant choices in quotes")
    }

    /// comparison = "above" | "below" | "at" "least" | "at" "most" | "before" | "after" ;
    private mutating func parseComparison() throws -> Comparison? {
        switch currentKeyword {
        case .above: advance(); return .above
        case .below: advance(); return .below
        case .before: advance(); return .before
        case .after: advance(); return .after
        case .at:
            advance()
            if isKeyword(.least) { advance(); return .atLeast }
            if isKeyword(.most) { advance(); return .atMost }
            throw expectedError("`least` or `most`")
        default: return nil
        }
    }

    /// operand = number [ word ] | date | word ;
    private mutating func parseOperand() throws -> OperandSyntax {
        switch current.kind {
        case .number, .date: return .literal(try parseValue())
        case .word: return .parameter(try consumeName("a parameter"))
        default: throw expectedError("a number, a date or a parameter name")
        }
    }

    /// value = number [ word ] | date | "yes" | "no" | text | word-list ;
    private mutating func parseValue() throws -> ValueSyntax {
        let start = current.span.start
        switch current.kind {
        case .number:
            let amount = current.number
            advance()
            var unit: String?
            if current.kind == .word, current.lineBreaksBefore == 0 {
                unit = current.text
                advance()
            }
            return ValueSyntax(literal: .quantity(amount, unit: unit), span: Span(start, previousEnd))
        case .date:
            guard let day = current.date?.day else {
                if let partial = current.date { reportImpreciseDate(partial) }
                throw Abandon()
            }
            advance()
            return ValueSyntax(literal: .date(day), span: Span(start, previousEnd))
        case .string:
            let text = try consumeText("text")
            return ValueSyntax(literal: .text(text.text), span: text.span)
        case .keyword(.yes):
            advance()
            return ValueSyntax(literal: .yes, span: Span(start, previousEnd))
        case .keyword(.no):
            advance()
            return ValueSyntax(literal: .no, span: Span(start, previousEnd))
        case .word:
            let words = try parseWordList("a word")
            return ValueSyntax(literal: .words(words.map(\.text)), span: Span(start, previousEnd))
        default:
            throw expectedError("a value: a number, a date, `yes`, `no`, text in quotes, or words")
        }
    }

    /// attribute-values = attribute-value { "," attribute-value } ;
    ///
    /// attribute-value = text | "yes" | "no" ;
    private mutating func parseAttributeValues() throws -> [TextLiteral] {
        var values: [TextLiteral] = []
        repeat {
            if !values.isEmpty { advance() }
            values.append(try parseAttributeValue("a value in quotes, as in `for sector \"garment\"`, or `yes` or `no`"))
        } while current.kind == .comma
        return values
    }

    /// A factory attribute's value: text in quotes, `yes` or `no` (as the factories table
    /// writes an export licence). `expected` is what the error says when it is neither.
    private mutating func parseAttributeValue(_ expected: String) throws -> TextLiteral {
        switch current.kind {
        case .string: return try consumeText("a value in quotes")
        case .keyword(.yes), .keyword(.no):
            let value = TextLiteral(text: current.text, span: current.span)
            advance()
            return value
        default: throw expectedError(expected)
        }
    }

    /// given-answer = "factory" word attribute-value
    ///              | word ( "yes" | "no" | "not-applicable" | number [ word ] | date | text ) ;
    private mutating func parseGivenAnswers() throws -> [GivenAnswer] {
        var answers: [GivenAnswer] = []
        repeat {
            if !answers.isEmpty { advance() }
            if current.kind == .word, current.text == "factory", nextTokenIsWord {
                let start = current.span.start
                advance()
                let attribute = try consumeName("a factory attribute such as `sector`")
                let value = try parseAttributeValue("the factory's value in quotes, as in `factory sector \"garment\"`, or `yes` or `no`")
                answers.append(GivenAnswer(question: attribute, value: ValueSyntax(literal: .text(value.text), span: Span(start, previousEnd)),
                                           isFactoryAttribute: true))
                continue
            }
            let question = try consumeName("a question id")
            let value: ValueSyntax
            if isKeyword(.notApplicable) {
                value = ValueSyntax(literal: .notApplicable, span: current.span)
                advance()
            } else if current.kind == .word {
                throw expectedError("the answer: `yes`, `no`, `not-applicable`, a number, a date or a choice in quotes")
            } else {
                value = try parseValue()
            }
            answers.append(GivenAnswer(question: question, value: value))
        } while current.kind == .comma
        return answers
    }

    // MARK: Conditions

    /// condition = negation { "and" negation } | negation { "or" negation } ;
    ///
    /// `and` and `or` may not be mixed without parentheses: people read `A or B and C`
    /// in different ways, and a rule that means something else than it seems is the
    /// worst kind of mistake here.
    private mutating func parseCondition() throws -> Condition {
        let first = try parseNegation()
        guard let joiner = currentKeyword, joiner == .and || joiner == .or else { return first }
        var parts = [first]
        while let next = currentKeyword, next == .and || next == .or {
            if next != joiner {
                report(.mixedAndOr, "`and` and `or` are mixed without parentheses", current.span,
                       label: "`\(next.rawValue)` after `\(joiner.rawValue)`",
                       help: "add parentheses to say which is meant, as in `(A is non-compliant and B is non-compliant) or C is non-compliant`")
                throw Abandon()
            }
            advance()
            parts.append(try parseNegation())
        }
        return joiner == .and ? .and(parts) : .or(parts)
    }

    /// negation = "not" negation | primary ;
    private mutating func parseNegation() throws -> Condition {
        guard isKeyword(.not) else { return try parsePrimary() }
        let start = current.span.start
        advance()
        try enterNesting(at: start)
        defer { nesting -= 1 }
        let inner = try parseNegation()
        return .not(inner, span: Span(start, previousEnd))
    }

    private mutating func enterNesting(at start: Int) throws {
        nesting += 1
        if nesting > Parser.maximumNesting {
            report(.nestingTooDeep, "condition nests deeper than \(Parser.maximumNesting) levels", Span(start, current.span.end),
                   label: "too deep", help: "split the condition into simpler parts; no real rule needs this depth")
            throw Abandon()
        }
    }

    /// primary = "(" condition ")" | quantifier "of" word-list ( "is" | "are" ) status
    ///         | "factory" word "is" ( text | "yes" | "no" ) | word "is" test ;
    ///
    /// `factory` is not a keyword (a tier `concerns factory`): it starts an attribute test
    /// only when a word, not `is`, follows it.
    private mutating func parsePrimary() throws -> Condition {
        let start = current.span.start
        switch current.kind {
        case .leftParenthesis:
            advance()
            try enterNesting(at: start)
            defer { nesting -= 1 }
            let inner = try parseCondition()
            guard current.kind == .rightParenthesis else {
                if current.kind != .invalid {
                    report(.unexpectedToken, "expected `)`, found \(describe(current))", current.span,
                           label: "expected `)` here", help: "close the parenthesis opened here",
                           notes: ["the parenthesis was opened at \(location(start))"])
                }
                throw Abandon()
            }
            advance()
            return inner
        case .keyword(.any), .keyword(.all):
            let quantifier: Quantifier = isKeyword(.any) ? .any : .all
            advance()
            _ = try consume(.of, "`of`")
            let questions = try parseWordList("a question id")
            guard isKeyword(.is) || isKeyword(.are) else { throw expectedError("`is` or `are`") }
            advance()
            let status = try parseStatus()
            return .quantified(quantifier, questions, status, span: Span(start, previousEnd))
        case .word where current.text == "factory" && nextTokenIsWord:
            advance()
            let attribute = try consumeName("a factory attribute such as `sector`")
            _ = try consume(.is, "`is`")
            let value = try parseAttributeValue("a value in quotes, as in `factory sector is \"garment\"`, or `yes` or `no`")
            return .attribute(attribute, value, span: Span(start, previousEnd))
        case .word:
            let question = try consumeName("a question id")
            _ = try consume(.is, "`is`")
            let test = try parseTest()
            return .question(question, test, span: Span(start, previousEnd))
        default:
            throw expectedError("a condition, such as `CHL-LAB-01 is non-compliant`")
        }
    }

    private func location(_ offset: Int) -> String {
        let (line, column) = file.location(of: offset)
        return "line \(line), column \(column)"
    }

    /// status = "compliant" | "non-compliant" | "not-applicable" ;
    private mutating func parseStatus() throws -> QuestionStatus {
        switch currentKeyword {
        case .compliant: advance(); return .compliant
        case .nonCompliant: advance(); return .nonCompliant
        case .notApplicable: advance(); return .notApplicable
        default: throw expectedError("`non-compliant`, `compliant` or `not-applicable`")
        }
    }

    /// test = status | "yes" | "no" | text | comparison operand ;
    private mutating func parseTest() throws -> QuestionTest {
        switch current.kind {
        case .keyword(.yes): advance(); return .yes
        case .keyword(.no): advance(); return .no
        case .keyword(.compliant), .keyword(.nonCompliant), .keyword(.notApplicable): return .status(try parseStatus())
        case .string: return .choice(try consumeText("a choice"))
        default:
            if let comparison = try parseComparison() { return .comparison(comparison, try parseOperand()) }
            throw expectedError("`non-compliant`, `compliant`, `not-applicable`, `yes`, `no`, a choice in quotes, or a comparison such as `above 60 hours`")
        }
    }
}
