/// The public view of a country's rules: the rule book as adopted decisions make it.
///
/// Built by layering again from only the adopted declarations (grammar.md §5, "Provenance"):
/// a country's own item, change, withdrawal or `titles` block is kept when its `decided by`
/// is an adopted decision of the country dated on or before the day it starts, and then
/// starts no earlier than that day; an issue inherited from the baseline is kept from the day
/// of the country's earliest adopted decision that lists it in `publishes`. What remains is
/// layered as the full book is, so a draft change or withdrawal leaves the adopted layer
/// beneath it in force. Rules that can only hold something back (moderation) or that stay
/// internal (zero tolerance) are kept whatever their standing: dropping them could only make
/// more public.
extension Checker {
    /// The public rule book of a checked country book, and the standing of every item that
    /// could reach a public output. Runs on a copy of the checker after a clean check: new
    /// problems of the reduced rules (an issue reading a draft parameter) are not reported,
    /// they make the issue a draft.
    func publicView(of full: RuleBook) -> (book: RuleBook, standing: PublicStanding) {
        guard let country, let entry = files.last(where: \.isEntry) else { return (full, .none) }
        var view = self
        view.sink = DiagnosticSink()
        var items: [StandingItem] = []
        let code = country.code

        // The launch: the country's own `decided by`.
        var launch: Launch
        if country.status == .draft {
            // A list its programme still calls a draft is not launched, whatever its decision says.
            launch = .notLaunched(standingOf(citing: country.decision, start: nil, country: code).draftReason ?? .noDecision)
        } else {
            switch standingOf(citing: country.decision, start: nil, country: code) {
            case .adopted(let decision, let day): launch = .launched(decision: decision, on: day)
            case .draft(let reason): launch = .notLaunched(reason)
            }
        }
        items.append(StandingItem(kind: "launch", id: code, standing: launch.standing, origin: country.origin))

        // The country's own items, one definition at a time.
        func keepOwn(_ definitions: inout [String: [Definition]], kind: String) {
            for id in definitions.keys.sorted() {
                definitions[id] = definitions[id]!.compactMap { definition in
                    guard definition.isEntry else { return definition }
                    let standing = standingOf(citing: decision(of: definition.declaration), start: definition.range.from, country: code)
                    items.append(StandingItem(kind: kind, id: id, standing: standing, origin: definition.at(definition.name.span)))
                    guard case .adopted(_, let day) = standing else { return nil }
                    return definition.starting(day)
                }
            }
        }
        keepOwn(&view.questionDefinitions, kind: "question")
        keepOwn(&view.parameterDefinitions, kind: "parameter")
        keepOwn(&view.policyDefinitions, kind: "policy")

        // Issues: the country's own by their decision, inherited ones by the decision that publishes them.
        for id in issueOrder {
            view.issueDefinitions[id] = (issueDefinitions[id] ?? []).compactMap { definition in
                let standing = definition.isEntry
                    ? standingOf(citing: decision(of: definition.declaration), start: definition.range.from, country: code)
                    : publishingStanding(of: id, country: code)
                items.append(StandingItem(kind: "issue", id: id, standing: standing, origin: definition.at(definition.name.span)))
                guard case .adopted(_, let day) = standing else { return nil }
                return definition.starting(day)
            }
        }

        // Changes, withdrawals and titles blocks of the country file.
        var adopted: [Int: Day] = [:]
        for declaration in entry.syntax.declarations {
            guard let name = declaration.name else { continue }
            let kind: String
            switch declaration.kind {
            case .change(let item): kind = "change \(item.rawValue)"
            case .withdraw(let item): kind = "withdraw \(item.rawValue)"
            case .titles: kind = "titles"
            default: continue
            }
            let start = dateRange(ofUnreported: declaration)
            let standing = standingOf(citing: decision(of: declaration), start: declaration.kind == .titles ? nil : start, country: code)
            let what = declaration.kind == .titles
                ? declaration.clauses.compactMap { clause -> String? in if case .entry(let id, _) = clause.body { "\(id.text) \(name.text)" } else { nil } }
                : [name.text]
            for id in what {
                items.append(StandingItem(kind: declaration.kind == .titles ? "title" : kind, id: id, standing: standing,
                                          origin: SourceRange(entry.syntax.file, declaration.keywordSpan.union(name.span))))
            }
            if case .adopted(_, let day) = standing { adopted[declaration.keywordSpan.start] = day }
        }
        view.adoptedChanges = adopted

        // Layer again from what is adopted.
        let questions = view.buildQuestions()
        let parameters = view.buildParameters()
        let policy = view.buildPolicy()
        var issues = view.buildIssues()
        var zeroTolerance = view.buildZeroTolerance()
        view.applyCountryChanges(issues: &issues, questions: questions, zeroTolerance: &zeroTolerance)
        var questionTimelines = questions
        view.applyQuestionChanges(&questionTimelines)
        var parameterTimelines = parameters
        var policyTimelines = policy
        view.applyValueChanges(parameters: &parameterTimelines, policy: &policyTimelines)

        // An issue that reads a question or parameter with no adopted definition is a draft too,
        // and so is one with no adopted English title.
        for id in issueOrder {
            guard var timeline = issues[id] else { continue }
            var dropped: DraftReason?
            let kept = timeline.periods.filter { period in
                guard case .inForce(let issue) = period.value else { return true }
                if let missing = view.draftInput(of: issue, questions: questionTimelines, parameters: parameterTimelines) {
                    dropped = .readsDraft(missing)
                    return false
                }
                if issue.titles["en"] == nil {
                    dropped = .noEnglishTitle
                    return false
                }
                return true
            }
            if let dropped {
                timeline.replacePeriods(kept)
                issues[id] = timeline
                let origin = issueDefinitions[id]?.first.map { $0.at($0.name.span) } ?? country.origin
                items.append(StandingItem(kind: "issue", id: id, standing: .draft(dropped), origin: origin))
            }
        }
        // Titles of the issues' own declarations and of `change issue` rest on those: each
        // country language an adopted issue lacks is a draft title (the portal shows English).
        for id in issueOrder {
            guard let timeline = issues[id], case .inForce(let issue)? = timeline.latest else { continue }
            for language in country.languages where language != "en" && issue.titles[language] == nil {
                if !items.contains(where: { $0.kind == "title" && $0.id == "\(id) \(language)" }) {
                    items.append(StandingItem(kind: "title", id: "\(id) \(language)", standing: .draft(.noDecision), origin: issue.origin))
                }
            }
        }

        var book = RuleBook(
            country: country, questions: questionOrder.compactMap { questionTimelines[$0] }, questionIndex: questionIndex,
            clusters: full.clusters, points: full.points, issues: issueOrder.compactMap { issues[$0] }, parameters: parameterTimelines,
            policy: policyTimelines, zeroTolerance: full.zeroTolerance, decisions: decisions, moderation: full.moderation,
            constraints: constraints, choices: choices, examples: [], files: full.files, rootRelativePaths: full.rootRelativePaths)
        // Headings are shown from their decision's day; a draft heading is left out, and the
        // portal then groups its issues by category.
        book.headings = full.headings.compactMap { heading in
            let standing = standingOf(citing: heading.decision, start: nil, country: code)
            items.append(StandingItem(kind: "heading", id: heading.id, standing: standing, origin: heading.origin))
            guard case .adopted(_, let day) = standing else { return nil }
            var kept = heading
            kept.from = day
            return kept
        }
        book.tiers = full.tiers.compactMap { tier in
            let standing = standingOf(citing: tier.decision, start: nil, country: code)
            items.append(StandingItem(kind: "tier", id: tier.id, standing: standing, origin: tier.origin))
            guard case .adopted(_, let day) = standing else { return nil }
            var kept = tier
            kept.from = day
            return kept
        }
        // Attributes describe the data. A scope rests on its decision like a heading: in force
        // publicly once its decision is adopted; a draft scope holds no factory back in the
        // public set (an inferred scope must not keep real findings from the portal), only in
        // the preview.
        book.attributes = full.attributes
        book.scope = full.scope.flatMap { scope in
            let standing = standingOf(citing: scope.decision, start: nil, country: code)
            items.append(StandingItem(kind: "scope", id: scope.id, standing: standing, origin: scope.origin))
            guard case .adopted = standing else { return nil }
            return scope
        }
        let result = PublicStanding(launch: launch, items: items)
        book.standing = result
        return (book, result)
    }

    /// The decision a declaration cites.
    func decision(of declaration: Declaration) -> String? {
        guard case .decidedBy(let id)? = clause(.decidedBy, of: declaration)?.body else { return nil }
        return id.text
    }

    /// The standing of an item citing `id` (nil: none) that starts on `start` (nil: undated).
    func standingOf(citing id: String?, start: Day?, country code: String) -> Standing {
        guard let id, let decision = decisions[id] else { return .draft(.noDecision) }
        if let owner = Validator.registerCountry(of: decision), owner != code { return .draft(.anotherCountry(id, owner: owner)) }
        switch decision.status {
        case .proposed: return .draft(.proposed(id))
        case .rejected, .superseded: return .draft(.notInForce(id, decision.status))
        case .adopted: break
        }
        guard let day = decision.effectiveDay else { return .draft(.noDecision) }
        // An undated item starts with its decision; a dated one may not start before it.
        guard let start else { return .adopted(decision: id, from: day) }
        if start < day { return .draft(.decidedAfterStart(id, decided: day, start: start)) }
        return .adopted(decision: id, from: start)
    }

    /// The standing of an inherited issue in the country: the earliest adopted decision of
    /// the country that publishes it, or the best reason it is not public.
    func publishingStanding(of issue: String, country code: String) -> Standing {
        let publishing = decisions.values.filter { $0.publishes.contains(issue) }.sorted { $0.id < $1.id }
        var best: Standing = .draft(.noDecision)
        for decision in publishing {
            let found = standingOf(citing: decision.id, start: nil, country: code)
            switch (found, best) {
            case (.adopted(_, let day), .adopted(_, let bestDay)) where day < bestDay: best = found
            case (.adopted, .draft): best = found
            case (.draft(.proposed), .draft(.noDecision)), (.draft(.notInForce), .draft(.noDecision)): best = found
            default: break
            }
        }
        return best
    }

    /// The first question or parameter an issue reads that has no definition in the public view.
    private func draftInput(of issue: Issue, questions: [String: Timeline<Question>], parameters: [String: Timeline<ParameterValue>]) -> String? {
        var names: [String] = []
        func operandNeeds(_ operand: Operand) { if case .parameter(let name) = operand { names.append(name) } }
        func walk(_ condition: RuleCondition) {
            switch condition {
            case .comparison(_, _, let operand): operandNeeds(operand)
            case .not(let inner): walk(inner)
            case .and(let parts), .or(let parts): parts.forEach(walk)
            case .status, .quantified, .answer, .attribute: break
            }
        }
        walk(issue.condition)
        for index in Set(issue.condition.questions).sorted() {
            let id = questionOrder[index]
            guard let timeline = questions[id], !timeline.periods.isEmpty else { return "question \(id)" }
            for period in timeline.periods { if case .comparison(_, let operand) = period.value.violation { operandNeeds(operand) } }
        }
        for name in names where parameters[name]?.periods.isEmpty ?? true { return "parameter \(name)" }
        return nil
    }

    /// The `from` and `until` of a declaration, without reporting (the full check did).
    func dateRange(ofUnreported declaration: Declaration) -> Day? {
        for clause in declaration.clauses { if case .from(let date) = clause.body { return date.day } }
        return nil
    }
}

extension Checker.Definition {
    /// The definition starting no earlier than `day` (an undated one starts then), or nil when
    /// it ends before.
    func starting(_ day: Day) -> Checker.Definition? {
        if let until = range.until, until < day { return nil }
        var copy = self
        if copy.range.from.map({ $0 < day }) ?? true { copy.range.from = day }
        return copy
    }
}

extension Standing {
    /// The reason, for a draft.
    var draftReason: DraftReason? {
        if case .draft(let reason) = self { return reason }
        return nil
    }
}

extension Launch {
    /// The launch as the standing of an item.
    var standing: Standing {
        switch self {
        case .launched(let decision, let day): .adopted(decision: decision, from: day)
        case .notLaunched(let reason): .draft(reason)
        }
    }
}

extension Timeline {
    /// Replaces the periods with some of them (the public view drops drafts).
    mutating func replacePeriods(_ kept: [Period]) {
        self = Timeline(kept)
    }
}
