import Foundation

/// Checks a country's rules against its PAC decision register and the programme-wide constraints.
///
/// Proves that the rules say what the PAC decided: nothing more (every choice rests on a
/// decision that covers it), nothing less (every adopted decision is carried out), nothing
/// earlier (no rule in force before its decision: the checker's E508, for every rule book).
package struct Validator {
    /// The line of a decision that names what `choice` decides, as grammar.md (section 4,
    /// decision) and the guide say: `publishes` for a new issue, `withdraws` for a withdrawal
    /// for good, `rewords` for new titles of an issue, `covers` for anything else (a
    /// suspension, a parameter, a language).
    static func registerLine(for choice: CountryChoice) -> String {
        switch choice.kind {
        case .issue: return "`publishes` line"
        case .withdraw(.issue): return choice.until == nil ? "`withdraws` line" : "`covers` line (a withdrawal until \(choice.until!) is a suspension, not a withdrawal for good)"
        case .change(.issue) where choice.renamesTitles: return "`rewords` line"
        default: return "`covers` line"
        }
    }

    /// One country's validation: its problems and a summary of its public list.
    package struct Report: Sendable {
        package var country: String
        package var diagnostics: [Diagnostic]
        /// Public issues in force from the latest rule change on, by category.
        package var issuesByCategory: [(category: IssueCategory, issues: [String])]
        /// The day from which that list is in force (the last day on which an issue starts, is
        /// withdrawn or comes back); nil when no issue is dated, so the list holds always.
        package var issuesFrom: Day?
        /// Programme constraints the country's PAC decided not to meet, with the reason.
        package var waivers: [(constraint: String, reason: String?, decision: String?)]
        /// The decisions the country's choices rest on, with their status.
        package var decisions: [(id: String, status: DecisionStatus, date: PartialDate?)]
        package var status: CountryStatus?
        /// True for a country that publishes no findings.
        package var publishesNothing = false
        /// What the public view rests on, on a day: set when validating for a day.
        package var provenance: ProvenanceCount?

        /// How many of a country's items that could reach a public output rest on adopted
        /// decisions on a day, and how many are drafts.
        package struct ProvenanceCount: Sendable {
            package var day: Day
            package var launch: Launch
            /// Adopted and in force publicly on the day.
            package var adopted: Int
            /// Adopted, in force publicly only from a later day.
            package var adoptedLater: Int
            /// Drafts: left out of every public output.
            package var drafts: Int

            init(_ standing: PublicStanding, on day: Day) {
                self.day = day
                launch = standing.launch
                var counts = (adopted: 0, later: 0, drafts: 0)
                for item in standing.items {
                    switch item.standing {
                    case .adopted(_, let from): if from <= day { counts.adopted += 1 } else { counts.later += 1 }
                    case .draft: counts.drafts += 1
                    }
                }
                (adopted, adoptedLater, drafts) = counts
            }

            /// "on 2025-06-30: launched by …; 31 public items rest on adopted decisions, 4 are drafts".
            package var summary: String {
                let launchWords = launch.isLaunched(on: day) || launch.description.hasPrefix("not launched")
                    ? launch.description : "not launched by then (\(launch.description))"
                var line = "public view on \(day): \(launchWords); "
                line += "\(adopted) public item\(adopted == 1 ? "" : "s") rest\(adopted == 1 ? "s" : "") on adopted decisions, \(drafts) \(drafts == 1 ? "is a draft" : "are drafts")"
                if adoptedLater > 0 { line += ", \(adoptedLater) adopted from a later day" }
                return line
            }
        }

        /// The summary for people: issues by category, waivers, and the decisions behind them.
        package func summary() -> String {
            let issues = issuesByCategory.reduce(0) { $0 + $1.issues.count }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            var line = "\(country) (\(status?.rawValue ?? "")): "
            line += publishesNothing ? "publishes nothing" : "\(issues) public issue\(issues == 1 ? "" : "s")\(issuesFrom.map { " from \($0) on" } ?? "")"
            line += errors + warnings == 0 ? ", valid" : ", \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            var lines = [line]
            for (category, ids) in issuesByCategory { lines.append("    \(category.rawValue): \(ids.count)  (\(ids.joined(separator: ", ")))") }
            for waiver in waivers {
                lines.append("    waives constraint \(waiver.constraint) (decided by \(waiver.decision ?? "no decision")): \(waiver.reason ?? "")")
            }
            if !decisions.isEmpty {
                lines.append("    rests on: " + decisions.map { "\($0.id) (\($0.status.rawValue)\($0.date.map { ", \($0)" } ?? ""))" }.joined(separator: "; "))
            }
            if let provenance { lines.append("    " + provenance.summary) }
            return lines.joined(separator: "\n")
        }

        /// The summary as data.
        package func json() -> JSONValue {
            let errors = diagnostics.filter { $0.severity == .error }.count
            var standing: [(String, JSONValue)] = []
            if let provenance {
                standing = [("provenance", .object([
                    ("day", .string(provenance.day.description)), ("launched", .bool(provenance.launch.isLaunched(on: provenance.day))),
                    ("launch", .string(provenance.launch.description)), ("adopted", .int(provenance.adopted)),
                    ("adoptedLater", .int(provenance.adoptedLater)), ("drafts", .int(provenance.drafts)),
                ]))]
            }
            return .object([
                ("country", .string(country)),
                ("status", .optional(status?.rawValue)),
                ("publishesNothing", .bool(publishesNothing)),
                ("issuesFrom", .optional(issuesFrom?.description)),
                ("issuesByCategory", .object(issuesByCategory.map { ($0.category.rawValue, .array($0.issues.map(JSONValue.string))) })),
                ("waivers", .array(waivers.map { .object([("constraint", .string($0.constraint)), ("reason", .optional($0.reason)), ("decision", .optional($0.decision))]) })),
                ("decisions", .array(decisions.map { .object([("id", .string($0.id)), ("status", .string($0.status.rawValue)), ("date", .optional($0.date?.description))]) })),
                ("errors", .int(errors)), ("warnings", .int(diagnostics.count - errors)),
            ] + standing)
        }
    }

    /// Validates a checked country rule book; given a day, counts what its public view rests on that day.
    package static func validate(_ book: RuleBook, on day: Day? = nil) -> Report {
        var report = run(book)
        report.publishesNothing = book.country?.publishesNothing == true
        if let day, book.country != nil { report.provenance = Report.ProvenanceCount(book.standing, on: day) }
        return report
    }

    private static func run(_ book: RuleBook) -> Report {
        var sink = DiagnosticSink()
        guard let country = book.country else {
            return Report(country: "", diagnostics: [], issuesByCategory: [], waivers: [], decisions: [], status: nil)
        }
        let code = country.code
        func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange?, label: String? = nil,
                    secondary: [DiagnosticLabel] = [], help: String? = nil) {
            sink.report(Diagnostic(code, message, at: range, label: label, secondary: secondary, help: help))
        }
        if country.status == .draft {
            report(.draftList, "the list of `\(code)` is a draft, not yet decided by its PAC", country.origin, label: "status draft",
                   help: "once the PAC adopts it, record the decision in the register and write `status decided` with `decided by ID`")
        }

        let latestIssues = book.issues.compactMap { timeline -> Issue? in
            if case .inForce(let issue)? = timeline.latest { return issue }
            return nil
        }
        // Issues withdrawn in the latest rules, with the decision that withdrew them.
        let withdrawnBy = Dictionary(book.issues.compactMap { timeline -> (String, String?)? in
            if case .withdrawn(let issue, let provenance)? = timeline.latest { return (issue.id, provenance.decision) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        let withdrawnIssues = Set(withdrawnBy.keys)
        var cited: Set<String> = []

        // Nothing more, nothing earlier: every choice rests on a decision in force that covers it.
        for choice in book.choices {
            guard let id = choice.decision, let decision = book.decisions[id] else { continue }
            cited.insert(id)
            let at = choice.decisionCitation ?? choice.origin
            let there = DiagnosticLabel(decision.origin, "decision `\(id)` (\(decision.status.rawValue))")
            switch decision.status {
            case .rejected, .superseded:
                report(.decisionNotInForce, "`\(id)` was \(decision.status.rawValue)\(decision.supersededBy.map { " by `\($0)`" } ?? "")", at,
                       label: "cited here", secondary: [there],
                       help: decision.supersededBy.map { "cite `\($0)` instead, if it decides the same" } ?? "remove the choice, or cite a decision in force")
            case .proposed:
                report(.decisionProposed, "`\(id)` is only proposed: this choice is a draft", at, label: "cited here", secondary: [there],
                       help: "record the PAC's adoption in the register (`status adopted`, `on DATE`)")
            case .adopted:
                break
            }
            let owner = registerCountry(of: decision)
            if let owner, owner != code {
                report(.decisionOfAnotherCountry, "`\(id)` is a decision of `\(owner)`, not of `\(code)`", at, label: "cited here", secondary: [there],
                       help: "record the decision in countries/\(code)-decisions.disclose")
            }
            let decided = decision.decidedItems
            var needed: [String]
            switch choice.kind {
            case .country: needed = []
            case .titles: needed = decided.contains(choice.items[0]) ? [] : Array(choice.items.dropFirst())
            default: needed = [choice.items[0]]
            }
            let uncovered = needed.filter { !decided.contains($0) }
            if !uncovered.isEmpty {
                let shown = uncovered.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (uncovered.count > 5 ? " and \(uncovered.count - 5) more" : "")
                let them = uncovered.count == 1 ? "it" : "them"
                report(.decisionDoesNotCover, "`\(id)` does not cover \(shown)", at, label: "cited for \(choice.kind.spelling) `\(choice.items[0])`",
                       secondary: [there], help: "add \(them) to the decision's \(Self.registerLine(for: choice)), or cite the decision that decided \(them)")
            }
            // No choice starts before its decision: `disclose check` refuses it (E508), so a
            // rule book that reaches validation has none.
        }

        // Nothing less: every adopted decision of this country is carried out.
        for id in book.decisions.keys.sorted() {
            let decision = book.decisions[id]!
            guard decision.status == .adopted, registerCountry(of: decision) ?? code == code else { continue }
            let publicIds = Set(latestIssues.map(\.id))
            for issue in decision.publishes where !publicIds.contains(issue) {
                // Published, then withdrawn by a later adopted decision: both are carried out.
                if let later = withdrawnBy[issue].flatMap({ $0 }).flatMap({ book.decisions[$0] }), later.status == .adopted,
                   let laterDay = later.effectiveDay, let day = decision.effectiveDay, laterDay > day {
                    continue
                }
                report(.decisionNotReflected, "decision `\(id)` makes `\(issue)` public, but it is not public", decision.origin(of: issue, in: .publishes),
                       label: "not public", help: withdrawnIssues.contains(issue) ? "the country withdraws it: remove the withdrawal, or correct the register" : "add the issue to the country's rules")
            }
            for issue in decision.withdraws where publicIds.contains(issue) {
                // A withdrawal with `until` that cites this decision exists: the issue is public
                // again after it. `withdraws` means for good; a suspension is what `covers` is for.
                if let suspension = book.choices.last(where: { $0.kind == .withdraw(.issue) && $0.items.first == issue && $0.decision == id && $0.until != nil }),
                   let until = suspension.until {
                    report(.decisionNotReflected, "decision `\(id)` withdraws `\(issue)` for good, but the withdrawal ends on \(until)",
                           decision.origin(of: issue, in: .withdraws), label: "`withdraws` means for good",
                           secondary: [DiagnosticLabel(suspension.origin, "public again after \(until)")],
                           help: "to suspend the issue for a while, move `\(issue)` from the decision's `withdraws` line to its `covers` line; to withdraw it for good, remove `until` from the withdrawal")
                    continue
                }
                report(.decisionNotReflected, "decision `\(id)` withdraws `\(issue)`, but it is still public", decision.origin(of: issue, in: .withdraws),
                       label: "still public", help: "add `withdraw issue \(issue)` with `reason` and `decided by \(id)` to the country file")
            }
            for issue in decision.rewords where !book.choices.contains(where: { $0.renamesTitles && $0.decision == id && $0.items.contains(issue) })
                && !book.choices.contains(where: { $0.kind == .issue && $0.items[0] == issue && $0.decision == id }) {
                report(.decisionNotReflected, "decision `\(id)` rewords `\(issue)`, but no title change cites it", decision.origin(of: issue, in: .rewords),
                       label: "no title change cites it", help: "change the issue's title with `decided by \(id)`, in a `change issue` or a `titles` block")
            }
            let known = knownIds(book)
            for item in decision.covers where !known.contains(item) {
                report(.decisionNotReflected, "decision `\(id)` covers `\(item)`, which is not in the rules of `\(code)`", decision.origin(of: item, in: .covers),
                       label: "not in the rules", help: Suggestion.closest(to: item, among: known).map { "did you mean `\($0)`?" } ?? "correct the id, or add the item to the rules")
            }
        }

        // Programme-wide constraints.
        let waived = Dictionary(book.choices.filter { $0.kind == .omitConstraint }.map { ($0.items[0], $0) }, uniquingKeysWith: { first, _ in first })
        for constraint in book.constraints where waived[constraint.id] == nil {
            let title = constraint.titles["en"] ?? constraint.id
            for requirement in constraint.requirements {
                switch requirement {
                case .policy(let setting, let comparison, let amount):
                    let policy = book.publicationPolicy(on: Day(ordinal: Int(Int32.max)))
                    let value = Double(setting == .minimumAssessments ? policy.minimumAssessments : policy.refusalsToList)
                    if !EvaluationPlan.compare(value, comparison, amount) {
                        report(.constraintViolated, "`\(code)` breaks constraint `\(constraint.id)`: \(title)", country.origin,
                               label: "policy `\(setting.rawValue)` is \(ConditionPrinter.number(value))",
                               secondary: [DiagnosticLabel(constraint.origin, "requires \(setting.rawValue) \(comparison.rawValue) \(ConditionPrinter.number(amount))")],
                               help: "set the policy back within the constraint, or change the constraint in rules/ for every country")
                    }
                case .check(.categoriesCovered):
                    guard !country.publishesNothing else { continue }
                    let covered = Set(latestIssues.map(\.category))
                    let omitted = Set(book.choices.filter { $0.kind == .omitCategory }.compactMap { IssueCategory(rawValue: $0.items[0]) })
                    let withdrawnCategories = Set(book.issues.compactMap { timeline -> IssueCategory? in
                        if case .withdrawn(let issue, _)? = timeline.latest { return issue.category }
                        return nil
                    })
                    let missing = IssueCategory.allCases.filter { $0.isMandatory && !covered.contains($0) && !omitted.contains($0) && !withdrawnCategories.contains($0) }
                    if !missing.isEmpty {
                        report(.constraintViolated, "`\(code)` breaks constraint `\(constraint.id)`: \(title)", country.origin,
                               label: "no public issue in " + missing.map(\.rawValue).joined(separator: ", "),
                               secondary: [DiagnosticLabel(constraint.origin, "the constraint")],
                               help: "add an issue in each, or record the PAC's decision with `omit category`")
                    }
                }
            }
        }

        let byCategory = IssueCategory.allCases.compactMap { category -> (IssueCategory, [String])? in
            let ids = latestIssues.filter { $0.category == category }.map(\.id)
            return ids.isEmpty ? nil : (category, ids)
        }
        let decisions = cited.sorted().map { ($0, book.decisions[$0]!.status, book.decisions[$0]!.date) }
        var report = Report(country: code, diagnostics: Diagnostic.sortedForOutput(sink.diagnostics), issuesByCategory: byCategory,
                            waivers: waived.keys.sorted().map { ($0, waived[$0]!.reason, waived[$0]!.decision) },
                            decisions: decisions, status: country.status)
        // The list counted is the latest one: say from which day, so that a list that changes
        // on a future day is not read as today's.
        report.issuesFrom = book.issues.flatMap(\.boundaries).max()
        return report
    }

    /// The country whose register declares a decision: from the file name `CC-decisions.disclose`.
    static func registerCountry(of decision: Decision) -> String? {
        let name = (decision.origin.file.path as NSString).lastPathComponent
        guard name.hasSuffix("-decisions.disclose") else { return nil }
        let code = String(name.dropLast("-decisions.disclose".count))
        return code.count == 2 && code.allSatisfy({ $0.isUppercase }) ? code : nil
    }

    /// Every id a decision may cover in a country's rules.
    static func knownIds(_ book: RuleBook) -> [String] {
        var ids: Set<String> = []
        for timeline in book.issues { if let first = timeline.periods.first { ids.insert(first.value.id) } }
        for timeline in book.questions { if let first = timeline.periods.first { ids.insert(first.value.id) } }
        ids.formUnion(book.parameters.keys)
        ids.formUnion(book.policy.keys.map(\.rawValue))
        for timeline in book.zeroTolerance { if let first = timeline.periods.first { ids.insert(first.value.id) } }
        ids.formUnion(IssueCategory.allCases.map(\.rawValue))
        ids.formUnion(book.country?.languages ?? [])
        if let code = book.country?.code { ids.insert(code) }
        ids.formUnion(book.constraints.map(\.id))
        for rule in book.moderation { ids.insert(rule.id) }
        ids.formUnion(book.headings.map(\.id))
        ids.formUnion(book.tiers.map(\.id))
        return ids.sorted()
    }
}
