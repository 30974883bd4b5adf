/// Building the items of a rule book from their declarations, with their types checked.
extension Checker {
    // MARK: Questions

    mutating func buildQuestions() -> [String: Timeline<Question>] {
        for (id, definitions) in questionDefinitions {
            for definition in definitions {
                if case .answer(let syntax)? = clause(.answer, of: definition.declaration)?.body, questionKinds[id] == nil {
                    questionKinds[id] = answerKind(syntax)
                }
            }
        }
        var result: [String: Timeline<Question>] = [:]
        for id in questionOrder {
            var periods: [Timeline<Question>.Period] = []
            for definition in questionDefinitions[id] ?? [] {
                if let question = buildQuestion(definition) {
                    periods.append(.init(from: definition.range.from, until: definition.range.until, value: question))
                }
            }
            result[id] = Timeline(periods)
        }
        return result
    }

    private func answerKind(_ syntax: AnswerSyntax) -> AnswerKind {
        switch syntax {
        case .yesNo: .yesNo
        case .number(let unit): .number(unit: unit.text)
        case .date: .date
        case .choice(let options): .choice(options.map(\.text))
        }
    }

    private mutating func buildQuestion(_ definition: Definition) -> Question? {
        let declaration = definition.declaration
        let file = definition.file
        let id = definition.name.text
        if let parent = declaration.parent, points[parent.text] == nil {
            report(.unknownReference, "unknown compliance point `\(parent.text)`", definition.at(parent.span), label: "no such compliance point",
                   help: suggestionHelp(parent.text, among: pointOrder, listing: "declared points include"))
        }
        guard case .answer(let answerSyntax)? = clause(.answer, of: declaration)?.body else { return nil }
        let kind = answerKind(answerSyntax)
        if let first = questionKinds[id], first != kind {
            report(.typeMismatch, "question `\(id)` changes its answer kind between definitions", definition.at(clause(.answer, of: declaration)!.span),
                   label: "\(kind) here", help: "a question keeps one answer kind (it is \(first) elsewhere); declare a new question instead")
        }
        var texts: [String: String] = [:]
        texts.reserveCapacity(declaration.clauses.count)
        var legal: String?
        // Without `non-compliant when` the question is informational: read by conditions only.
        var violation: Violation? = clause(.nonCompliant, of: declaration) == nil ? .informational : nil
        var allowsNotApplicable = false
        var required: (RuleCondition, String)?
        var ok = true
        for clause in declaration.clauses {
            switch clause.body {
            case .text(let language, let text):
                checkLanguageCode(language, file: file)
                texts[language.text] = text.text
            case .legal(let text): legal = text.text
            case .nonCompliant(let syntax): violation = resolveViolation(syntax, kind: kind, question: id, file: file, span: clause.span)
            case .notApplicableAllowed: allowsNotApplicable = true
            case .required(let syntax):
                required = resolveRequirement(syntax, question: id, file: file)
                ok = required != nil
            default: break
            }
        }
        guard ok, let violation, let point = declaration.parent?.text else { return nil }
        return Question(id: id, index: questionIndex[id]!, point: point, texts: texts, legal: legal, answer: kind, violation: violation,
                        allowsNotApplicable: allowsNotApplicable, documentation: declaration.documentation,
                        origin: definition.at(definition.name.span), changes: [], requiredWhen: required?.0, requiredWhenText: required?.1)
    }

    /// Resolves a `required when` condition, which must not read its own question.
    mutating func resolveRequirement(_ syntax: Condition, question id: String, file: SourceFile) -> (RuleCondition, String)? {
        if let own = syntax.names.first(where: { $0.text == id }) {
            report(.requiredWhenReadsItself, "`required when` of `\(id)` reads `\(id)` itself", SourceRange(file, own.span),
                   label: "the question whose answer is required", help: "name the other answers that make this question apply, as in `required when CHL-LAB-01 is yes`")
            return nil
        }
        return resolve(syntax, file: file).map { ($0, ConditionPrinter.text(of: syntax)) }
    }

    mutating func resolveViolation(_ syntax: ViolationSyntax, kind: AnswerKind, question id: String, file: SourceFile, span: Span) -> Violation? {
        switch syntax {
        case .yes, .no:
            guard kind == .yesNo else {
                report(.typeMismatch, "`non-compliant when \(syntax == .yes ? "yes" : "no")` on a question answered with \(kind)", SourceRange(file, span),
                       label: "needs a yes-no question", help: hint(for: kind))
                return nil
            }
            return syntax == .yes ? .yes : .no
        case .comparison(let comparison, let operand):
            guard let resolved = resolveOperand(operand, comparison: comparison, kind: kind, question: id, file: file, span: span) else { return nil }
            return .comparison(comparison, resolved)
        case .choices(let texts):
            guard case .choice(let options) = kind else {
                report(.typeMismatch, "choices given for a question answered with \(kind)", SourceRange(file, span),
                       label: "needs a question answered with `one of`", help: hint(for: kind))
                return nil
            }
            var ok = true
            for text in texts where !options.contains(text.text) {
                ok = false
                report(.typeMismatch, "\"\(text.text)\" is not one of the choices of `\(id)`", SourceRange(file, text.span), label: "not a choice",
                       help: Suggestion.closest(to: text.text, among: options).map { "did you mean \"\($0)\"?" } ?? "the choices are \(kind)")
            }
            return ok ? .choices(Set(texts.map(\.text))) : nil
        }
    }

    /// How a condition tests a question of this kind, for help lines.
    func conditionHint(_ id: String, _ kind: AnswerKind) -> String {
        switch kind {
        case .yesNo: "test a yes-no question with its answer or status, as in `\(id) is yes` or `\(id) is non-compliant`"
        case .number(let unit): "compare a number, as in `\(id) is above 60 \(unit)`, or test `\(id) is non-compliant`"
        case .date: "compare a date with `before` or `after`, as in `\(id) is before 2024-01-01`"
        case .choice(let options): "test one of its choices, as in `\(id) is \"\(options.first ?? "")\"`"
        }
    }

    private func hint(for kind: AnswerKind) -> String {
        switch kind {
        case .yesNo: "a yes-no question is tested with `yes`, `no`, or its status, as in `non-compliant when yes`"
        case .number(let unit): "a question answered with a number is compared, as in `above 60 \(unit)`"
        case .date: "a question answered with a date is compared with `before` or `after`"
        case .choice(let options): "a question answered with a choice is tested with its choices: " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }

    /// Resolves what a number or date answer is compared with, checking kinds and units.
    mutating func resolveOperand(_ operand: OperandSyntax, comparison: Comparison, kind: AnswerKind, question id: String,
                                 file: SourceFile, span: Span, inCondition: Bool = false) -> Operand? {
        let range = SourceRange(file, operand.span)
        let checker = self
        let hint: (AnswerKind) -> String = { inCondition ? checker.conditionHint(id, $0) : checker.hint(for: $0) }
        switch kind {
        case .yesNo, .choice:
            report(.typeMismatch, "`\(comparison.rawValue)` compares a question answered with \(kind)", SourceRange(file, span),
                   label: "`\(id)` is not answered with a number or a date", help: hint(kind))
            return nil
        case .date:
            guard comparison.isForDates else {
                report(.typeMismatch, "`\(comparison.rawValue)` on a question answered with a date", SourceRange(file, span),
                       label: "use `before` or `after` for dates", help: hint(kind))
                return nil
            }
        case .number:
            guard !comparison.isForDates else {
                report(.typeMismatch, "`\(comparison.rawValue)` on a question answered with \(kind)", SourceRange(file, span),
                       label: "`before` and `after` are for dates", help: hint(kind))
                return nil
            }
        }
        switch operand {
        case .literal(let value):
            switch (value.literal, kind) {
            case (.quantity(let amount, let unit), .number(let expected)):
                if let unit, !Units.same(unit, expected) {
                    report(.unitMismatch, "`\(id)` is in \(expected), compared with \(unit)", range, label: "in \(unit)",
                           help: "compare with a value in \(expected)")
                    return nil
                }
                return .number(amount, unit: unit ?? expected)
            case (.date(let day), .date):
                return .date(day)
            default:
                report(.typeMismatch, "`\(id)` is answered with \(kind), compared with `\(file.text(value.span))`", range,
                       label: "wrong kind of value", help: hint(kind))
                return nil
            }
        case .parameter(let name):
            guard let definitions = parameterDefinitions[name.text] else {
                report(.unknownReference, "unknown parameter `\(name.text)`", range, label: "no such parameter",
                       help: suggestionHelp(name.text, among: parameterDefinitions.keys.sorted(), listing: "declared parameters are"))
                return nil
            }
            for definition in definitions {
                for value in valueClauses(of: definition.declaration) {
                    switch (value.literal, kind) {
                    case (.quantity(_, let unit), .number(let expected)):
                        if !Units.same(unit ?? "", expected) {
                            report(.unitMismatch, "`\(id)` is in \(expected), parameter `\(name.text)` in \(unit ?? "no unit")", range,
                                   label: "in \(unit ?? "no unit")", secondary: [DiagnosticLabel(definition.at(value.span), "its value")],
                                   help: "give the parameter a value in \(expected)")
                            return nil
                        }
                    case (.date, .date):
                        break
                    default:
                        report(.typeMismatch, "parameter `\(name.text)` does not hold \(kind == .date ? "a date" : "a number")", range,
                               secondary: [DiagnosticLabel(definition.at(value.span), "its value")], help: hint(kind))
                        return nil
                    }
                }
            }
            return .parameter(name.text)
        }
    }

    // MARK: Parameters and policy

    mutating func buildParameters() -> [String: Timeline<ParameterValue>] {
        var result: [String: Timeline<ParameterValue>] = [:]
        for (name, definitions) in parameterDefinitions {
            let periods = definitions.compactMap { definition -> Timeline<ParameterValue>.Period? in
                guard let value = parameterValue(of: definition, name: name) else { return nil }
                return .init(from: definition.range.from, until: definition.range.until, value: value)
            }
            result[name] = Timeline(periods)
        }
        return result
    }

    /// The `value` lines of a declaration: one for every factory, or several by a factory attribute.
    func valueClauses(of declaration: Declaration) -> [ValueSyntax] {
        declaration.clauses.compactMap { if case .value(let value) = $0.body { value } else { nil } }
    }

    /// A parameter's value from its `value` lines, checking values by attribute (E334, E337,
    /// E401, E402): one attribute, each of its values given once, every value covered.
    mutating func parameterValue(of definition: Definition, name: String) -> ParameterValue? {
        let lines = valueClauses(of: definition.declaration)
        let plain = lines.filter { $0.selector == nil }
        let selected = lines.filter { $0.selector != nil }
        guard !selected.isEmpty else { return plain.first.map { parameterValue($0.literal) } }
        let otherwise = plain.first.map { parameterValue($0.literal) }
        var ok = true
        var attribute: FactoryAttribute?
        var values: [String: ParameterValue] = [:]
        var placed: [String: SourceRange] = [:]
        let reference = otherwise ?? parameterValue(selected[0].literal)
        for line in selected {
            let selector = line.selector!
            guard let found = attributes.first(where: { $0.name == selector.attribute.text }) else {
                report(.unknownFactoryAttribute, "unknown factory attribute `\(selector.attribute.text)`", definition.at(selector.attribute.span),
                       label: "not a declared attribute", help: suggestionHelp(selector.attribute.text, among: attributes.map(\.name), listing: "the declared attributes are"))
                ok = false
                continue
            }
            if let attribute, attribute.name != found.name {
                report(.valuesByAttributeIncomplete, "parameter `\(name)` gives values by `\(attribute.name)` and by `\(found.name)`",
                       definition.at(selector.attribute.span), label: "a second attribute",
                       help: "give the values of one parameter by one attribute; declare another parameter for the other")
                ok = false
                continue
            }
            attribute = found
            let value = parameterValue(line.literal)
            if !sameValueKind(value, reference) {
                report(.unitMismatch, "the values of parameter `\(name)` are not of one kind and unit", definition.at(line.span),
                       label: "differs from the others", help: "give every value of `\(name)` in the same unit, such as `\(RuleBookText.describe(reference))`")
                ok = false
            }
            for text in selector.values {
                guard let declared = found.declaredValue(text.text) else {
                    let help = Suggestion.closest(to: text.text, among: found.values).map { "did you mean \"\($0)\"?" }
                        ?? "the values of `\(found.name)` are " + found.values.map { "\"\($0)\"" }.joined(separator: ", ")
                    report(.unknownFactoryAttribute, "\"\(text.text)\" is not a value of factory attribute `\(found.name)`", definition.at(text.span),
                           label: "not a declared value", help: help)
                    ok = false
                    continue
                }
                if let previous = placed[declared] {
                    report(.valuesByAttributeIncomplete, "parameter `\(name)` gives two values for \(found.name) \"\(declared)\"", definition.at(text.span),
                           label: "given again here", secondary: [DiagnosticLabel(previous, "first given here")],
                           help: "give each value of `\(found.name)` one line")
                    ok = false
                    continue
                }
                placed[declared] = definition.at(text.span)
                values[declared] = value
            }
        }
        guard ok, let attribute else { return nil }
        if otherwise == nil {
            let uncovered = attribute.values.filter { values[$0] == nil }
            if !uncovered.isEmpty {
                report(.valuesByAttributeIncomplete, "parameter `\(name)` has no value for \(attribute.name) " + uncovered.map { "\"\($0)\"" }.joined(separator: ", "),
                       definition.at(definition.name.span), label: "factories with these values would have no value",
                       help: "add a line without `for`, such as `value \(RuleBookText.describe(reference))`, for every other factory, or list the values")
                return nil
            }
        }
        return .byAttribute(attribute: attribute.name, values: values, otherwise: otherwise)
    }

    /// True when two values are of one kind (quantities: of one unit).
    func sameValueKind(_ a: ParameterValue, _ b: ParameterValue) -> Bool {
        switch (a.representative, b.representative) {
        case (.quantity(_, let first), .quantity(_, let second)): Units.same(first ?? "", second ?? "")
        case (.date, .date), (.flag, .flag), (.text, .text), (.words, .words): true
        default: false
        }
    }

    func parameterValue(_ literal: Literal) -> ParameterValue {
        switch literal {
        case .yes: .flag(true)
        case .no: .flag(false)
        case .notApplicable: .text("not-applicable")
        case .quantity(let amount, let unit): .quantity(amount, unit: unit)
        case .date(let day): .date(day)
        case .text(let text): .text(text)
        case .words(let words): .words(words)
        }
    }

    mutating func buildPolicy() -> [PolicySetting: Timeline<PolicyValue>] {
        var result: [PolicySetting: Timeline<PolicyValue>] = [:]
        for (name, definitions) in policyDefinitions {
            guard let setting = PolicySetting(rawValue: name) else { continue }
            let periods = definitions.compactMap { definition -> Timeline<PolicyValue>.Period? in
                guard case .value(let value)? = clause(.value, of: definition.declaration)?.body,
                    let checked = policyValue(setting, value, file: definition.file)
                else { return nil }
                return .init(from: definition.range.from, until: definition.range.until, value: checked)
            }
            result[setting] = Timeline(periods)
        }
        return result
    }

    mutating func policyValue(_ setting: PolicySetting, _ value: ValueSyntax, file: SourceFile) -> PolicyValue? {
        let range = SourceRange(file, value.span)
        switch (setting, value.literal) {
        case (.minimumAssessments, .quantity(let amount, nil)), (.refusalsToList, .quantity(let amount, nil)):
            if amount >= 1, amount == amount.rounded(), amount <= 100 { return .count(Int(amount)) }
        case (.excusedRefusalReasons, .words(let words)):
            var reasons = Set<RefusalReason>()
            for word in words {
                guard let reason = RefusalReason(rawValue: word), reason != .none else {
                    report(.unknownValue, "unknown refusal reason `\(word)`", range, label: "in this list",
                           help: suggestionHelp(word, among: [RefusalReason.forceMajeure.rawValue, RefusalReason.otherAuditsSameDay.rawValue],
                                                listing: "the reasons that can excuse a refusal are"))
                    return nil
                }
                reasons.insert(reason)
            }
            return .reasons(reasons)
        case (.exitRetention, .words(let words)):
            if words.count == 1, let retention = ExitRetention(rawValue: words[0]) { return .retention(retention) }
        case (.cycleLength, .quantity(let amount, let unit?)):
            if amount >= 1, amount == amount.rounded() {
                if Units.same(unit, "months") { return .months(Int(amount)) }
                if Units.same(unit, "years") { return .months(Int(amount) * 12) }
            }
        case (.greenHighlight, .yes): return .flag(true)
        case (.greenHighlight, .no): return .flag(false)
        case (.publicationCalendar, .words(let words)):
            if words.count == 1, let calendar = PublicationCalendar(rawValue: words[0]) { return .calendar(calendar) }
        case (.reportingPeriod, .words(let words)):
            if words.count == 1, let period = ReportingPeriod(rawValue: words[0]) { return .period(period) }
        default: break
        }
        report(.typeMismatch, "policy `\(setting.rawValue)` needs \(setting.expected)", range, label: "not a valid value",
               help: "for example `value \(PolicySetting.exampleValue(setting))`")
        return nil
    }

    // MARK: Issues and zero tolerance

    mutating func buildIssues() -> [String: Timeline<IssueState>] {
        var result: [String: Timeline<IssueState>] = [:]
        for id in issueOrder {
            let periods = (issueDefinitions[id] ?? []).compactMap { definition -> Timeline<IssueState>.Period? in
                guard let issue = buildIssue(definition) else { return nil }
                return .init(from: definition.range.from, until: definition.range.until, value: .inForce(issue))
            }
            result[id] = Timeline(periods)
        }
        return result
    }

    private mutating func buildIssue(_ definition: Definition) -> Issue? {
        let declaration = definition.declaration
        let file = definition.file
        var category: IssueCategory?
        var condition: RuleCondition?
        var conditionText = ""
        var decision: String?
        let titles = titles(of: declaration, in: file)
        for clause in declaration.clauses {
            switch clause.body {
            case .category(let name): category = resolveCategory(name, file: file)
            case .raised(let syntax):
                condition = resolve(syntax, file: file)
                conditionText = ConditionPrinter.text(of: syntax)
                if let condition, conditionSyntax[condition] == nil { conditionSyntax[condition] = (syntax, file) }
            case .decidedBy(let id): decision = id.text
            default: break
            }
        }
        guard let category, let condition else { return nil }
        return Issue(id: definition.name.text, titles: titles, category: category, condition: condition, conditionText: conditionText,
                     documentation: declaration.documentation, origin: definition.at(definition.name.span), decision: decision, changes: [])
    }

    mutating func resolveCategory(_ name: Name, file: SourceFile) -> IssueCategory? {
        if let category = IssueCategory(rawValue: name.text) { return category }
        report(.unknownValue, "unknown category `\(name.text)`", SourceRange(file, name.span), label: "not a category",
               help: suggestionHelp(name.text, among: IssueCategory.allCases.map(\.rawValue), listing: "the categories are"))
        return nil
    }

    /// Resolves a condition's question ids and checks each test against the question's answer kind.
    mutating func resolve(_ condition: Condition, file: SourceFile) -> RuleCondition? {
        switch condition {
        case .quantified(let quantifier, let names, let status, _):
            let indices = names.map { resolveQuestion($0, file: file) }
            guard indices.allSatisfy({ $0 != nil }) else { return nil }
            return .quantified(quantifier, questions: indices.map { $0! }, status)
        case .question(let name, let test, let span):
            guard let index = resolveQuestion(name, file: file) else { return nil }
            guard let kind = questionKinds[name.text] else { return nil }
            switch test {
            case .status(let status): return .status(question: index, status)
            case .yes, .no:
                guard kind == .yesNo else {
                    report(.typeMismatch, "`\(name.text) is \(test == .yes ? "yes" : "no")` on a question answered with \(kind)", SourceRange(file, span),
                           label: "needs a yes-no question", help: conditionHint(name.text, kind))
                    return nil
                }
                return .answer(question: index, test == .yes ? .yes : .no)
            case .choice(let text):
                guard case .choice(let options) = kind, options.contains(text.text) else {
                    let quotedWord = kind == .yesNo && (text.text == "yes" || text.text == "no")
                    report(.typeMismatch, "\"\(text.text)\" is not an answer `\(name.text)` can have", SourceRange(file, text.span),
                           label: quotedWord ? "`yes` and `no` are written without quotes" : "not one of its choices",
                           help: quotedWord ? "remove the quotes: `\(name.text) is \(text.text)`" : conditionHint(name.text, kind))
                    return nil
                }
                return .answer(question: index, .choice(text.text))
            case .comparison(let comparison, let operand):
                guard let resolved = resolveOperand(operand, comparison: comparison, kind: kind, question: name.text, file: file, span: span,
                                                   inCondition: true) else { return nil }
                return .comparison(question: index, comparison, resolved)
            }
        case .attribute(let name, let value, _):
            return resolveAttributeTest(name, value, file: file)
        case .not(let inner, _):
            return resolve(inner, file: file).map { .not($0) }
        case .and(let parts), .or(let parts):
            let resolved = parts.map { resolve($0, file: file) }
            guard resolved.allSatisfy({ $0 != nil }) else { return nil }
            if case .and = condition { return .and(resolved.map { $0! }) }
            return .or(resolved.map { $0! })
        }
    }

    mutating func resolveQuestion(_ name: Name, file: SourceFile) -> Int? {
        if let index = questionIndex[name.text] { return index }
        var help = "questions are declared in rules/catalogue.disclose or in the country file"
        if let suggestion = Suggestion.closest(to: name.text, among: questionOrder) {
            help = "did you mean `\(suggestion)`?"
        } else {
            let wordings = questionOrder.compactMap { id -> (id: String, wording: String)? in
                guard let definition = questionDefinitions[id]?.first else { return nil }
                let text = definition.declaration.clauses.compactMap { clause -> String? in
                    if case .text(let language, let text) = clause.body, language.text == "en" { return text.text }
                    return nil
                }.first
                return text.map { (id, $0) }
            }
            if let byWording = Suggestion.byWording(name.text, among: wordings),
               let wording = wordings.first(where: { $0.id == byWording })?.wording
            {
                help = "did you mean `\(byWording)` (\"\(wording)\")?"
            }
        }
        report(.unknownReference, "unknown question `\(name.text)`", SourceRange(file, name.span), label: "not in the catalogue", help: help)
        return nil
    }

    mutating func buildZeroTolerance() -> [String: Timeline<ZeroToleranceCategory>] {
        var result: [String: Timeline<ZeroToleranceCategory>] = [:]
        for id in zeroToleranceOrder {
            let periods = (zeroToleranceDefinitions[id] ?? []).compactMap { definition -> Timeline<ZeroToleranceCategory>.Period? in
                var category = ZeroToleranceCategory(id: id, titles: titles(of: definition.declaration, in: definition.file), questions: [],
                                                     deadlineHours: nil, origin: definition.at(definition.name.span), changes: [])
                guard applyZeroToleranceClauses(definition.declaration, file: definition.file, to: &category) else { return nil }
                return .init(from: definition.range.from, until: definition.range.until, value: category)
            }
            result[id] = Timeline(periods)
        }
        return result
    }

    /// Applies `questions` and `deadline` clauses; false if one was wrong.
    mutating func applyZeroToleranceClauses(_ declaration: Declaration, file: SourceFile, to category: inout ZeroToleranceCategory) -> Bool {
        var ok = true
        for clause in declaration.clauses {
            switch clause.body {
            case .questions(let names):
                let indices = names.map { resolveQuestion($0, file: file) }
                if indices.contains(where: { $0 == nil }) { ok = false } else { category.questions = indices.map { $0! } }
            case .step:
                break
            case .deadline(let amount, let unit):
                if amount == amount.rounded(), amount >= 0, Units.same(unit.text, "hours") {
                    category.deadlineHours = Int(amount)
                } else if amount == amount.rounded(), amount >= 0, Units.same(unit.text, "days") {
                    category.deadlineHours = Int(amount) * 24
                } else {
                    ok = false
                    report(.typeMismatch, "a deadline is a whole number of hours or days", SourceRange(file, clause.span),
                           label: "not a valid deadline", help: "for example `deadline 48 hours` or `deadline 3 days`")
                }
            default: break
            }
        }
        if !resolveSteps(declaration, file: file, into: &category) { ok = false }
        return ok
    }

    /// Reads the `step` clauses of a zero-tolerance declaration in order, with each step's due
    /// time counted from the start of the assessment day; false if one was wrong.
    ///
    /// `deadline N hours` is the older way to write one step (the notification, within N hours
    /// of the assessment); a declaration may not say both.
    mutating func resolveSteps(_ declaration: Declaration, file: SourceFile, into category: inout ZeroToleranceCategory) -> Bool {
        let written = declaration.clauses.compactMap { clause -> (Clause, StepSyntax)? in
            if case .step(let step) = clause.body { (clause, step) } else { nil }
        }
        guard !written.isEmpty else { return true }
        if let deadline = clause(.deadline, of: declaration) {
            report(.conflictingClauses, "`deadline` and `step` in one zero-tolerance category", SourceRange(file, deadline.keywordSpan),
                   label: "`deadline` is the time of a first step", secondary: [DiagnosticLabel(SourceRange(file, written[0].0.keywordSpan), "steps here")],
                   help: "write the deadline as the first step instead, as in `step notify-ministry by better-work within 24 hours of assessment`")
            return false
        }
        var ok = true
        var steps: [EscalationStep] = []
        for (_, syntax) in written {
            if steps.contains(where: { $0.id == syntax.name.text }) {
                report(.duplicateDefinition, "step `\(syntax.name.text)` is written twice", SourceRange(file, syntax.name.span), label: "again here",
                       help: "give each step of the category its own name")
                ok = false
                continue
            }
            var actors: [EscalationStep.Actor] = []
            for name in syntax.actors {
                guard let actor = EscalationStep.Actor(rawValue: name.text) else {
                    report(.unknownValue, "unknown actor `\(name.text)`", SourceRange(file, name.span), label: "not someone who acts in a protocol",
                           help: suggestionHelp(name.text, among: EscalationStep.Actor.allCases.map(\.rawValue), listing: "who acts is one of"))
                    ok = false
                    continue
                }
                actors.append(actor)
            }
            var step = EscalationStep(id: syntax.name.text, actors: actors, limit: nil, dueHours: nil)
            switch syntax.limit {
            case nil:
                break
            case .immediately:
                step.limit = .immediately
                // Immediately after the step before (the assessment, for the first).
                step.dueHours = steps.isEmpty ? 0 : steps[steps.count - 1].dueHours
            case .within(let amount, let unit, let anchorName, let span):
                let perUnit = Units.same(unit.text, "hours") ? 1 : Units.same(unit.text, "days") ? 24 : nil
                guard let perUnit, amount == amount.rounded(), amount >= 0, amount <= 100_000 else {
                    report(.typeMismatch, "a step's time limit is a whole number of hours or days", SourceRange(file, span),
                           label: "not a valid time limit", help: "for example `within 48 hours of notification` or `within 3 days of previous-step`")
                    ok = false
                    // Kept in place, so that the steps after it are not taken for the first.
                    steps.append(step)
                    continue
                }
                guard let anchor = EscalationStep.Anchor(rawValue: anchorName.text) else {
                    report(.unknownValue, "unknown starting point `\(anchorName.text)`", SourceRange(file, anchorName.span), label: "not something a time counts from",
                           help: suggestionHelp(anchorName.text, among: EscalationStep.Anchor.allCases.map(\.rawValue), listing: "a time counts from"))
                    ok = false
                    steps.append(step)
                    continue
                }
                if steps.isEmpty, anchor != .assessment {
                    report(.stepCountsFromNothing, "the first step counts from `\(anchor.rawValue)`, which comes after it", SourceRange(file, anchorName.span),
                           label: "no step before this one", help: "the first step is the notification: count it from the assessment, as in `within 24 hours of assessment`, or write `immediately`")
                    ok = false
                    steps.append(step)
                    continue
                }
                let hours = Int(amount) * perUnit
                step.limit = .within(hours: hours, of: anchor)
                let base: Int? = switch anchor {
                case .assessment: 0
                case .notification: steps[0].dueHours
                case .previousStep: steps[steps.count - 1].dueHours
                }
                step.dueHours = base.map { $0 + hours }
            }
            steps.append(step)
        }
        if ok {
            category.steps = steps
            category.deadlineHours = steps[0].dueHours
        }
        return ok
    }
}

/// Units of measure, compared without a final "s" so that `hour` and `hours` match.
enum Units {
    static func same(_ a: String, _ b: String) -> Bool { normal(a) == normal(b) }

    static func normal(_ unit: String) -> String {
        let lower = unit.lowercased()
        return lower.hasSuffix("s") && lower.count > 1 ? String(lower.dropLast()) : lower
    }
}

extension PolicySetting {
    static func exampleValue(_ setting: PolicySetting) -> String {
        switch setting {
        case .minimumAssessments, .refusalsToList: "2"
        case .excusedRefusalReasons: "force-majeure, other-audits-same-day"
        case .exitRetention: "until-cycle-end"
        case .cycleLength: "12 months"
        case .publicationCalendar: "quarterly"
        case .reportingPeriod: "calendar-year"
        case .greenHighlight: "yes"
        }
    }
}
