/// Layering: what a country file changes in what it inherits, and the checks on a country as a whole.
extension Checker {
    /// The declarations of the entry file that are country-level changes, in order.
    private var entryChanges: [Definition] {
        guard let entry = files.last(where: \.isEntry) else { return [] }
        return entry.syntax.declarations.compactMap { declaration in
            switch declaration.kind {
            case .change, .withdraw, .titles:
                guard declaration.name != nil else { return nil }
                var definition = Definition(declaration: declaration, file: entry.syntax.file, isEntry: true, range: DateRange())
                for clause in declaration.clauses {
                    if case .from(let date) = clause.body { definition.range.from = date.day }
                    if case .until(let date) = clause.body, definition.range.from.map({ $0 <= date.day }) ?? true { definition.range.until = date.day }
                }
                // The public view applies only adopted changes, none before its decision.
                guard let adoptedChanges else { return definition }
                return adoptedChanges[declaration.keywordSpan.start].flatMap { definition.starting($0) }
            default:
                return nil
            }
        }
    }

    private func provenance(_ definition: Definition) -> Provenance {
        var result = Provenance(origin: definition.at(definition.declaration.keywordSpan), decision: nil, reason: nil)
        for clause in definition.declaration.clauses {
            if case .decidedBy(let id) = clause.body { result.decision = id.text }
            if case .reason(let text) = clause.body { result.reason = text.text }
        }
        return result
    }

    /// Checks that a change targets an inherited item; reports and returns false otherwise.
    private mutating func checkTarget(_ definition: Definition, item: ItemKind, definitions: [Definition]?, known: [String]) -> Bool {
        let name = definition.name
        let verb = definition.declaration.kind.spelling.split(separator: " ").first.map(String.init) ?? "change"
        guard let definitions, !definitions.isEmpty else {
            report(.nothingToChange, "no \(item.rawValue) `\(name.text)` to \(verb)", definition.at(name.span),
                   label: "not declared in any included file",
                   help: Suggestion.closest(to: name.text, among: known).map { "did you mean `\($0)`?" }
                       ?? "check the id against the shared rules this file includes")
            return false
        }
        if definitions.allSatisfy(\.isEntry) {
            report(.nothingToChange, "\(item.rawValue) `\(name.text)` is declared in this file, not inherited", definition.at(name.span),
                   label: "nothing inherited to \(verb)", secondary: [DiagnosticLabel(definitions[0].at(definitions[0].name.span), "declared here")],
                   help: verb == "withdraw" ? "delete the declaration instead" : "edit the declaration itself instead")
            return false
        }
        return true
    }

    /// Reports changes to the same item whose periods overlap.
    private mutating func checkChangeOverlaps(_ changes: [Definition]) {
        var byTarget: [String: [Definition]] = [:]
        for change in changes {
            let key: String
            switch change.declaration.kind {
            case .change(let item), .withdraw(let item): key = item.rawValue + " " + change.name.text
            default: continue
            }
            // A declaration with a line that could not be read may have lost its `from` or
            // `until`: that error is the one to fix, and no overlap is reported for it.
            for earlier in byTarget[key, default: []] where earlier.range.overlaps(change.range)
                && change.declaration.isComplete && earlier.declaration.isComplete {
                report(.overlappingDates, "two changes to `\(change.name.text)` are in force on the same days", change.at(change.name.span),
                       label: "in force \(change.range.phrase)", secondary: [DiagnosticLabel(earlier.at(earlier.name.span), "also in force \(earlier.range.phrase)")],
                       help: "give the changes `from` and `until` dates that follow each other, or merge them")
            }
            byTarget[key, default: []].append(change)
        }
    }

    mutating func applyCountryChanges(issues: inout [String: Timeline<IssueState>], questions: [String: Timeline<Question>],
                                      zeroTolerance: inout [String: Timeline<ZeroToleranceCategory>]) {
        let changes = entryChanges
        checkChangeOverlaps(changes)
        let languages = country?.languages ?? []
        // National titles first, so that a later `change issue` in the same language wins.
        for definition in changes where definition.declaration.kind == .titles {
            let language = definition.name
            if !languages.contains(language.text), LanguageCodes.all.contains(language.text) {
                report(.unknownReference, "language `\(language.text)` is not declared by country `\(country?.code ?? "")`", definition.at(language.span),
                       label: "not in `languages`", help: "add `\(language.text)` to the country's `languages` line, or correct the code")
            }
            for clause in definition.declaration.clauses {
                guard case .entry(let id, let text) = clause.body else { continue }
                guard issues[id.text] != nil else {
                    report(.unknownReference, "unknown issue `\(id.text)`", definition.at(id.span), label: "no such public issue",
                           help: suggestionHelp(id.text, among: issueOrder, listing: "public issues include"))
                    // The issue meant will lack this title too: one message is enough.
                    if let meant = Suggestion.closest(to: id.text, among: issueOrder) { misspeltTitles.insert(meant + "\u{0}" + language.text) }
                    continue
                }
                _ = issues[id.text]!.apply(from: nil, until: nil) { state in
                    guard case .inForce(var issue) = state else { return state }
                    issue.titles[language.text] = text.text
                    return .inForce(issue)
                }
            }
        }
        for definition in changes {
            switch definition.declaration.kind {
            case .change(.issue), .withdraw(.issue):
                guard checkTarget(definition, item: .issue, definitions: issueDefinitions[definition.name.text], known: issueOrder) else { continue }
                let isWithdrawal = definition.declaration.kind == .withdraw(.issue)
                let record = provenance(definition)
                var replacement = IssueChange()
                if !isWithdrawal { replacement = issueChange(definition) }
                let touched = issues[definition.name.text]?.apply(from: definition.range.from, until: definition.range.until) { state in
                    guard case .inForce(var issue) = state else { return state }
                    if isWithdrawal { return .withdrawn(issue, record) }
                    replacement.apply(to: &issue)
                    issue.changes.append(record)
                    return .inForce(issue)
                } ?? false
                if !touched { reportNotInForce(definition) }
            case .change(.zeroTolerance):
                guard checkTarget(definition, item: .zeroTolerance, definitions: zeroToleranceDefinitions[definition.name.text], known: zeroToleranceOrder) else { continue }
                var changed = ZeroToleranceCategory(id: "", titles: titles(of: definition.declaration, in: definition.file), questions: [],
                                                    deadlineHours: nil, origin: definition.at(definition.name.span), changes: [])
                guard applyZeroToleranceClauses(definition.declaration, file: definition.file, to: &changed) else { continue }
                let record = provenance(definition)
                let touched = zeroTolerance[definition.name.text]?.apply(from: definition.range.from, until: definition.range.until) { category in
                    var category = category
                    category.titles.merge(changed.titles) { $1 }
                    if !changed.questions.isEmpty { category.questions = changed.questions }
                    // Steps replace the old steps and any `deadline`; a `deadline` replaces the steps.
                    if !changed.steps.isEmpty {
                        category.steps = changed.steps
                        category.deadlineHours = changed.deadlineHours
                    } else if let hours = changed.deadlineHours {
                        category.deadlineHours = hours
                        category.steps = []
                    }
                    category.changes.append(record)
                    return category
                } ?? false
                if !touched { reportNotInForce(definition) }
            default:
                break
            }
        }
        checkTitles(issues)
    }

    private mutating func reportNotInForce(_ definition: Definition) {
        report(.nothingToChange, "`\(definition.name.text)` is not in force at any time \(definition.range.phrase == "always" ? "" : "in the period ")\(definition.range.phrase)", definition.at(definition.name.span),
               label: "nothing to \(definition.declaration.kind.spelling.split(separator: " ")[0]) in that period",
               help: "check the `from` and `until` dates against the inherited definition")
    }

    /// What a `change issue` replaces.
    struct IssueChange {
        var titles: [String: String] = [:]
        var category: IssueCategory?
        var condition: (RuleCondition, String)?

        func apply(to issue: inout Issue) {
            issue.titles.merge(titles) { $1 }
            if let category { issue.category = category }
            if let (condition, text) = condition {
                issue.condition = condition
                issue.conditionText = text
            }
        }
    }

    private mutating func issueChange(_ definition: Definition) -> IssueChange {
        var change = IssueChange()
        change.titles = titles(of: definition.declaration, in: definition.file)
        for clause in definition.declaration.clauses {
            switch clause.body {
            case .category(let name): change.category = resolveCategory(name, file: definition.file)
            case .raised(let syntax):
                if let condition = resolve(syntax, file: definition.file) {
                    change.condition = (condition, ConditionPrinter.text(of: syntax))
                    if conditionSyntax[condition] == nil { conditionSyntax[condition] = (syntax, definition.file) }
                }
            default: break
            }
        }
        return change
    }

    /// Every public issue has a title in every language its country declares.
    private mutating func checkTitles(_ issues: [String: Timeline<IssueState>]) {
        guard let country, !country.publishesNothing else { return }
        let languagesClause = countryDeclarationClause(.languages)
        // A declaration with a clause that could not be read (a curly quote, a text not closed)
        // may have lost the very title: its lexical or syntax error is the one to fix, and is
        // reported alone. For an issue or a change of it, any title; for a `titles` block, its language.
        var broken: Set<String> = []
        for declaration in files.flatMap(\.syntax.declarations) where !declaration.isComplete {
            guard let name = declaration.name?.text else { continue }
            switch declaration.kind {
            case .issue, .change(.issue): broken.insert(name)
            case .titles: broken.insert("\u{0}" + name)
            default: break
            }
        }
        for id in issueOrder where !broken.contains(id) {
            guard let timeline = issues[id] else { continue }
            var missing: [String] = []
            var origin: SourceRange?
            for period in timeline.periods {
                guard case .inForce(let issue) = period.value else { continue }
                origin = issue.origin
                for language in country.languages where issue.titles[language] == nil && !missing.contains(language) {
                    missing.append(language)
                }
            }
            guard let origin, !missing.isEmpty else { continue }
            for language in missing where !misspeltTitles.contains(id + "\u{0}" + language) && !broken.contains("\u{0}" + language) {
                let isOwn = origin.file == countryFile
                let at = isOwn ? origin : languagesClause ?? country.origin
                report(.missingTitle, "issue `\(id)` has no `\(language)` title", at,
                       label: isOwn ? "no `title \(language)`" : "declares `\(language)`",
                       secondary: isOwn ? [] : [DiagnosticLabel(origin, "issue `\(id)` is declared here")],
                       help: isOwn ? "add `title \(language) \"…\"` to the issue" : "add `\(id) \"…\"` to the country's `titles \(language)` block")
            }
        }
    }

    private func countryDeclarationClause(_ kind: ClauseKind) -> SourceRange? {
        guard let countryFile, let declaration = files.first(where: { $0.syntax.file == countryFile })?.syntax.declarations.first(where: { $0.kind == .country }),
            let clause = clause(kind, of: declaration)
        else { return nil }
        return SourceRange(countryFile, clause.span)
    }

    mutating func applyQuestionChanges(_ questions: inout [String: Timeline<Question>]) {
        for definition in entryChanges where definition.declaration.kind == .change(.question) {
            let id = definition.name.text
            guard checkTarget(definition, item: .question, definitions: questionDefinitions[id], known: questionOrder),
                let kind = questionKinds[id]
            else { continue }
            var texts: [String: String] = [:]
            var legal: String?
            var violation: Violation?
            var allowsNotApplicable: Bool?
            var required: (RuleCondition, String)?
            var ok = true
            for clause in definition.declaration.clauses {
                switch clause.body {
                case .text(let language, let text):
                    checkLanguageCode(language, file: definition.file)
                    texts[language.text] = text.text
                case .legal(let text): legal = text.text
                case .nonCompliant(let syntax):
                    violation = resolveViolation(syntax, kind: kind, question: id, file: definition.file, span: clause.span)
                    ok = ok && violation != nil
                case .notApplicableAllowed: allowsNotApplicable = true
                case .required(let syntax):
                    required = resolveRequirement(syntax, question: id, file: definition.file)
                    ok = ok && required != nil
                default: break
                }
            }
            guard ok else { continue }
            let record = provenance(definition)
            let touched = questions[id]?.apply(from: definition.range.from, until: definition.range.until) { question in
                var question = question
                question.texts.merge(texts) { $1 }
                if let legal { question.legal = legal }
                if let violation { question.violation = violation }
                if let allowsNotApplicable { question.allowsNotApplicable = allowsNotApplicable }
                if let required {
                    question.requiredWhen = required.0
                    question.requiredWhenText = required.1
                }
                question.changes.append(record)
                return question
            } ?? false
            if !touched { reportNotInForce(definition) }
        }
    }

    mutating func applyValueChanges(parameters: inout [String: Timeline<ParameterValue>], policy: inout [PolicySetting: Timeline<PolicyValue>]) {
        for definition in entryChanges {
            guard case .value(let value)? = clause(.value, of: definition.declaration)?.body else { continue }
            let id = definition.name.text
            switch definition.declaration.kind {
            case .change(.parameter):
                guard checkTarget(definition, item: .parameter, definitions: parameterDefinitions[id], known: parameterDefinitions.keys.sorted()) else { continue }
                guard let newValue = parameterValue(of: definition, name: id) else { continue }
                if let old = parameters[id]?.periods.first?.value, !sameValueKind(old, newValue) {
                    if case .quantity(let amount, let unit?) = old.representative, case .quantity(_, let newUnit) = newValue.representative {
                        report(.unitMismatch, "parameter `\(id)` is in \(unit), given \(newUnit.map { "in \($0)" } ?? "without a unit")", definition.at(value.span),
                               label: "needs \(unit)", help: "write `value \(ConditionPrinter.number(amount == 0 ? 1 : amount)) \(unit)` with the new number")
                    } else {
                        report(.typeMismatch, "parameter `\(id)` changes its kind of value", definition.at(value.span), label: "different kind",
                               help: "give a value of the same kind as the inherited one")
                    }
                    continue
                }
                if !(parameters[id]?.apply(from: definition.range.from, until: definition.range.until, { _ in newValue }) ?? false) {
                    reportNotInForce(definition)
                }
            case .change(.policy):
                guard let setting = PolicySetting(rawValue: id) else {
                    report(.unknownValue, "unknown policy setting `\(id)`", definition.at(definition.name.span), label: "not a policy setting",
                           help: suggestionHelp(id, among: PolicySetting.allCases.map(\.rawValue), listing: "the settings are"))
                    continue
                }
                guard checkTarget(definition, item: .policy, definitions: policyDefinitions[id], known: []),
                    let newValue = policyValue(setting, value, file: definition.file)
                else { continue }
                if !(policy[setting]?.apply(from: definition.range.from, until: definition.range.until, { _ in newValue }) ?? false) {
                    reportNotInForce(definition)
                }
            default:
                break
            }
        }
    }

    /// Cited decisions exist; a country covers every mandatory category; a silent country publishes nothing.
    mutating func checkCountryCoverage(_ issues: [Timeline<IssueState>]) {
        for loaded in files {
            for declaration in loaded.syntax.declarations {
                for clause in declaration.clauses {
                    var cited: Name?
                    if case .decidedBy(let id) = clause.body { cited = id }
                    if case .status(_, let by?) = clause.body, declaration.kind == .decision { cited = by }
                    guard let cited, decisions[cited.text] == nil else { continue }
                    report(.unknownReference, "unknown decision `\(cited.text)`", SourceRange(loaded.syntax.file, cited.span), label: "not in the decision register",
                           help: Suggestion.closest(to: cited.text, among: decisions.keys).map { "did you mean `\($0)`?" }
                               ?? "declare it in the country's register (countries/\(country?.code ?? "XX")-decisions.disclose), and include that file from the country file")
                }
            }
        }
        for choice in choices where choice.kind == .omitConstraint && !constraints.contains(where: { $0.id == choice.items[0] }) {
            report(.unknownReference, "unknown constraint `\(choice.items[0])`", choice.origin, label: "not in rules/constraints.disclose",
                   help: Suggestion.closest(to: choice.items[0], among: constraints.map(\.id)).map { "did you mean `\($0)`?" }
                       ?? "the constraints are: " + constraints.map { "`\($0.id)`" }.joined(separator: ", "))
        }
        guard let country else { return }
        let inForce = issues.compactMap { timeline -> Issue? in
            if case .inForce(let issue)? = timeline.latest { return issue }
            return nil
        }
        if country.publishesNothing {
            if let first = inForce.first {
                report(.conflictingClauses, "country `\(country.code)` publishes nothing but has public issues", country.origin,
                       label: "declared `publishes nothing`", secondary: [DiagnosticLabel(first.origin, "issue `\(first.id)` is public")],
                       help: "remove `publishes nothing`, or do not include the baseline's public issues")
            }
            return
        }
        let covered = Set(inForce.map(\.category))
        for (category, origin) in omittedCategories.sorted(by: { $0.key < $1.key }) {
            if let issue = inForce.first(where: { $0.category == category }) {
                report(.conflictingClauses, "country `\(country.code)` omits `\(category.rawValue)` but publishes issue `\(issue.id)` in it", origin,
                       label: "omitted here", secondary: [DiagnosticLabel(issue.origin, "public issue in that category")],
                       help: "remove the `omit category` declaration, or withdraw the issue")
            }
        }
        let explained = Set(issues.compactMap { timeline -> IssueCategory? in
            if case .withdrawn(let issue, _)? = timeline.latest { return issue.category }
            return nil
        })
        // A declaration lost to a syntax error would show up here as a missing category: one
        // mistake, one message.
        let hasSyntaxErrors = files.contains { $0.syntax.diagnostics.contains { $0.severity == .error } }
        for category in IssueCategory.allCases where !hasSyntaxErrors && category.isMandatory && !covered.contains(category)
            && !explained.contains(category) && omittedCategories[category] == nil
        {
            report(.categoryNotCovered, "country `\(country.code)` publishes no `\(category.rawValue)` issue", country.origin,
                   label: "no public issue in this category",
                   help: "add an issue with `category \(category.rawValue)`, or record the PAC's decision with `omit category \(category.rawValue)`, a `reason` and `decided by`")
        }
    }

    mutating func buildExamples(issues: [String: Timeline<IssueState>]) -> [Example] {
        guard let entry = files.last(where: \.isEntry) else { return [] }
        let file = entry.syntax.file
        var examples: [Example] = []
        for declaration in entry.syntax.declarations where declaration.kind == .example {
            guard let name = declaration.name else { continue }
            var day: Day?
            var answers: [Int: Answer] = [:]
            var factory: [String: String] = [:]
            var expected: [String] = []
            var ok = true
            for clause in declaration.clauses {
                switch clause.body {
                case .on(let date): day = date.date.day
                case .given(let given):
                    for item in given {
                        if item.isFactoryAttribute {
                            guard case .text(let text) = item.value.literal else { continue }
                            let value = TextLiteral(text: text, span: item.value.span)
                            guard case .attribute(let attribute, let declared)? = resolveAttributeTest(item.question, value, file: file) else { ok = false; continue }
                            factory[attributes[attribute].name] = declared
                            continue
                        }
                        guard let index = resolveQuestion(item.question, file: file), let kind = questionKinds[item.question.text] else { ok = false; continue }
                        if let answer = exampleAnswer(item, kind: kind, file: file) { answers[index] = answer } else { ok = false }
                    }
                case .expect(let ids):
                    for id in ids where issues[id.text] == nil {
                        ok = false
                        report(.unknownReference, "unknown issue `\(id.text)`", SourceRange(file, id.span), label: "no such public issue",
                               help: suggestionHelp(id.text, among: issueOrder, listing: "public issues include"))
                    }
                    expected = ids.map(\.text).sorted()
                default: break
                }
            }
            if ok, let day {
                examples.append(Example(name: name.text, day: day, answers: answers, expected: expected, origin: SourceRange(file, name.span),
                                        factory: factory))
            }
        }
        return examples
    }

    private mutating func exampleAnswer(_ item: GivenAnswer, kind: AnswerKind, file: SourceFile) -> Answer? {
        switch (item.value.literal, kind) {
        case (.yes, .yesNo): return .yes
        case (.no, .yesNo): return .no
        case (.notApplicable, _):
            guard let index = questionIndex[item.question.text], questionDefinitions[item.question.text]?.contains(where: {
                clause(.notApplicableAllowed, of: $0.declaration) != nil }) == true
            else {
                report(.typeMismatch, "`\(item.question.text)` does not allow not-applicable", SourceRange(file, item.value.span),
                       label: "not a valid answer", help: "give a real answer, or add `not-applicable allowed` to the question if it can truly not apply")
                return nil
            }
            _ = index
            return .notApplicable
        case (.quantity(let amount, let unit), .number(let expected)):
            if let unit, !Units.same(unit, expected) {
                report(.unitMismatch, "`\(item.question.text)` is answered in \(expected), given in \(unit)", SourceRange(file, item.value.span),
                       label: "in \(unit)", help: "give the answer in \(expected)")
                return nil
            }
            return .number(amount)
        case (.date(let day), .date): return .date(day)
        case (.text(let text), .choice(let options)) where options.contains(text): return .choice(text)
        default:
            report(.typeMismatch, "`\(item.question.text)` is answered with \(kind), given `\(file.text(item.value.span))`", SourceRange(file, item.value.span),
                   label: "wrong kind of answer", help: hint(forAnswer: kind))
            return nil
        }
    }

    private func hint(forAnswer kind: AnswerKind) -> String {
        switch kind {
        case .yesNo: "answer with `yes`, `no` or `not-applicable`"
        case .number(let unit): "answer with a number, as in `60 \(unit)`"
        case .date: "answer with a date, as in `2024-03-01`"
        case .choice(let options): "answer with one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

/// Dates that cannot precede their decisions.
extension Checker {
    /// The day a decision counts from: the day it was taken, or for a decision dated only to
    /// the month or the year, the last day it could have been taken.
    static func effectiveDay(of decision: Decision) -> Day? {
        decision.date?.latestDay
    }

    /// Every dated country-level choice resting on an adopted decision starts on or after the
    /// decision's day; an undated one is in force always, so it starts too early.
    ///
    /// A proposed decision is not checked: its `on` is the day it was proposed, not a day it
    /// took effect, and what rests on it is a draft until the register records its adoption.
    /// Rejected and superseded decisions are `disclose validate`'s to report (E801).
    mutating func checkDecisionDates() {
        // Declarations with a line that could not be read, by file and the start of their
        // keyword: their `from` may be that line (`form 2024-01-01`), so its absence is not reported.
        var broken: Set<String> = []
        for file in files {
            for declaration in file.syntax.declarations where !declaration.isComplete {
                broken.insert("\(file.syntax.file.path)\u{0}\(declaration.keywordSpan.start)")
            }
        }
        for choice in choices {
            let canBeDated: Bool = switch choice.kind {
            case .question, .parameter, .issue, .policy, .zeroTolerance, .change, .withdraw: true
            case .include, .country, .cluster, .point, .titles, .example, .decision, .moderation, .constraint, .omitCategory, .omitConstraint,
                 .heading, .tier, .attribute, .scope: false
            }
            guard canBeDated, let id = choice.decision, let decision = decisions[id], decision.status == .adopted,
                let day = Checker.effectiveDay(of: decision)
            else { continue }
            let what = "\(choice.kind.spelling) `\(choice.items[0])`"
            let there = DiagnosticLabel(decision.origin, "decision `\(id)` adopted on \(decision.date.map { "\($0)" } ?? "\(day)")")
            // A date known only to the month or year is shown as written, with the day it counts from.
            let decided = decision.date.map { $0.day == nil ? "\($0) (taken \($0.latestDay) at the latest)" : "\($0)" } ?? "\(day)"
            if let until = choice.until, until < day {
                report(.itemBeforeDecision, "\(what) ends on \(until), before its decision `\(id)` of \(decided)", choice.origin,
                       label: "in force \(DateRange(from: choice.from, until: choice.until).phrase)", secondary: [there],
                       help: "check the `until` date and the decision cited: a choice is in force only from its decision on")
            } else if let from = choice.from {
                guard from < day else { continue }
                report(.itemBeforeDecision, "\(what) is in force from \(from), before its decision `\(id)` of \(decided)", choice.origin,
                       label: "in force from \(from)", secondary: [there],
                       help: "replace the `from` line with \"  from \(day)\", or a later day")
            } else if !broken.contains("\(choice.origin.file.path)\u{0}\(choice.origin.span.start)") {
                report(.itemBeforeDecision, "\(what) is in force always, before its decision `\(id)` of \(decided)", choice.origin,
                       label: "no `from`: in force on every day", secondary: [there],
                       help: "add the line \"  from \(day)\"")
            }
        }
    }
}
