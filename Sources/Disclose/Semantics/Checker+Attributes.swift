/// Factory attributes (grammar.md, "attribute"), the conditions that test them, a country's
/// `scope`, and informational questions (questions with no non-compliant answer).
extension Checker {
    // MARK: Attributes

    /// Reads an `attribute` declaration: its name must be an optional column of the factories
    /// table, and its values unique.
    mutating func collectAttribute(_ definition: Definition) {
        let name = definition.name
        guard FactoryAttribute.columns.contains(name.text) else {
            report(.unknownFactoryAttribute, "`\(name.text)` is not a column of the factories table", definition.at(name.span),
                   label: "not a factory attribute",
                   help: suggestionHelp(name.text, among: FactoryAttribute.columns, listing: "the factories table's attribute columns are"))
            return
        }
        if let previous = attributes.first(where: { $0.name == name.text }) {
            reportDuplicate("attribute", name, definition, previous: previous.origin)
            return
        }
        var values: [String] = []
        for clause in definition.declaration.clauses {
            guard case .values(let texts) = clause.body else { continue }
            for text in texts {
                if values.contains(where: { $0.lowercased() == text.text.lowercased() }) {
                    report(.duplicateDefinition, "value \"\(text.text)\" is listed twice for attribute `\(name.text)`", definition.at(text.span),
                           label: "again here", help: "list each value once (values are compared without regard to case)")
                    continue
                }
                values.append(text.text)
            }
        }
        guard !values.isEmpty else { return }
        attributes.append(FactoryAttribute(name: name.text, values: values, titles: titles(of: definition.declaration, in: definition.file),
                                           origin: definition.at(name.span)))
    }

    /// Resolves `factory NAME is VALUE`: the attribute and the value must be declared.
    mutating func resolveAttributeTest(_ name: Name, _ value: TextLiteral, file: SourceFile) -> RuleCondition? {
        guard let index = attributes.firstIndex(where: { $0.name == name.text }) else {
            report(.unknownFactoryAttribute, "unknown factory attribute `\(name.text)`", SourceRange(file, name.span), label: "not a declared attribute",
                   help: suggestionHelp(name.text, among: attributes.map(\.name), listing: "the declared attributes are"))
            return nil
        }
        let attribute = attributes[index]
        guard let declared = attribute.declaredValue(value.text) else {
            let help = Suggestion.closest(to: value.text, among: attribute.values).map { "did you mean \"\($0)\"?" }
                ?? "the values of `\(attribute.name)` are " + attribute.values.map { "\"\($0)\"" }.joined(separator: ", ")
            report(.unknownFactoryAttribute, "\"\(value.text)\" is not a value of factory attribute `\(attribute.name)`", SourceRange(file, value.span),
                   label: "not a declared value", help: help)
            return nil
        }
        return .attribute(index, declared)
    }

    // MARK: Scope

    /// Checks the country's `scope`: one at most, testing factory attributes only.
    mutating func buildScope() -> PortalScope? {
        var result: PortalScope?
        for definition in scopeDefinitions {
            if let result {
                reportDuplicate("scope", definition.name, definition, previous: result.origin,
                                help: "a country has one scope: join the conditions with `or` in one `covers when` line")
                continue
            }
            guard case .coversWhen(let syntax)? = clause(.coversWhen, of: definition.declaration)?.body else { continue }
            if let question = syntax.names.first {
                report(.scopeReadsAnswers, "the scope reads question `\(question.text)`", definition.at(question.span),
                       label: "an assessment's answer, not a factory attribute",
                       help: "test factory attributes only, as in `covers when factory export_licence is yes`")
                continue
            }
            guard let condition = resolve(syntax, file: definition.file) else { continue }
            result = PortalScope(id: definition.name.text, condition: condition, conditionText: ConditionPrinter.text(of: syntax),
                                 decision: decision(of: definition.declaration), origin: definition.at(definition.name.span))
        }
        return result
    }

    // MARK: Informational questions

    /// A question with no `non-compliant when` may not be tested for its status, escalated or
    /// measured (E335), and gets a warning when no condition reads it (W342).
    mutating func checkInformationalQuestions(questions: [String: Timeline<Question>], issues: [Timeline<IssueState>],
                                              zeroTolerance: [Timeline<ZeroToleranceCategory>], tiers: [Tier], scope: PortalScope?) {
        var informational: Set<Int> = []
        for timeline in questions.values {
            for period in timeline.periods where period.value.violation == .informational { informational.insert(period.value.index) }
        }
        guard !informational.isEmpty else { return }
        let idOf = Dictionary(uniqueKeysWithValues: questionIndex.map { ($0.value, $0.key) })
        var read: Set<Int> = []
        var reported: Set<Int> = []
        var places: Set<String> = []
        func statusReads(_ condition: RuleCondition) -> [Int] {
            switch condition {
            case .status(let question, _): [question]
            case .quantified(_, let questions, _): questions
            case .answer, .comparison, .attribute: []
            case .not(let inner): statusReads(inner)
            case .and(let parts), .or(let parts): parts.flatMap(statusReads)
            }
        }
        func place(_ id: String, in condition: RuleCondition) -> SourceRange? {
            guard let (syntax, file) = conditionSyntax[condition], let name = syntax.names.first(where: { $0.text == id }) else { return nil }
            return SourceRange(file, name.span)
        }
        for timeline in issues {
            for period in timeline.periods {
                guard case .inForce(let issue) = period.value else { continue }
                read.formUnion(issue.condition.questions)
                for index in statusReads(issue.condition) where informational.contains(index) && !reported.contains(index) {
                    reported.insert(index)
                    let id = idOf[index] ?? ""
                    report(.statusOfInformationalQuestion, "issue `\(issue.id)` tests whether `\(id)` is compliant, but no answer to it is a violation",
                           place(id, in: issue.condition) ?? issue.origin, label: "an informational question",
                           help: "test its answer instead, as in `\(id) is yes`, or give `\(id)` a `non-compliant when` line")
                }
            }
        }
        for timeline in questions.values {
            for period in timeline.periods {
                if let required = period.value.requiredWhen { read.formUnion(required.questions) }
            }
        }
        for timeline in zeroTolerance {
            for period in timeline.periods {
                for index in period.value.questions where informational.contains(index) && places.insert("\(period.value.id) \(index)").inserted {
                    reported.insert(index)
                    report(.statusOfInformationalQuestion, "zero-tolerance category `\(period.value.id)` escalates `\(idOf[index] ?? "")`, which has no non-compliant answer",
                           period.value.origin, label: "no answer would ever be escalated",
                           help: "give the question a `non-compliant when` line, or remove it from `questions`")
                }
            }
        }
        for tier in tiers {
            for index in tier.questions where informational.contains(index) {
                reported.insert(index)
                report(.statusOfInformationalQuestion, "tier `\(tier.id)` measures `\(idOf[index] ?? "")`, which has no non-compliant answer",
                       tier.origin, label: "every answer would count as compliant",
                       help: "give the question a `non-compliant when` line, or remove it from `questions`")
            }
        }
        for index in informational.sorted() where !read.contains(index) && !reported.contains(index) {
            guard let id = idOf[index], let origin = questions[id]?.periods.first?.value.origin else { continue }
            report(.informationalQuestionUnread, "question `\(id)` has no non-compliant answer and no condition reads it", origin,
                   label: "its answers change nothing",
                   help: "read it in a condition (`raised when`, `required when`), or give it a `non-compliant when` line")
        }
    }
}
