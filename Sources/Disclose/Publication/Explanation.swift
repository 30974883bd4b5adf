import Foundation

/// Why a factory shows, or does not show, on the portal, and why each issue is raised or not.
///
/// Written so that programme staff can answer a factory's "why are we listed for this?"
/// from it alone: the assessment used and why, the rule (file and line), its condition, the
/// answers that made it true, and the decision behind it.
package struct Explanation: Sendable {
    /// One public issue and the verdict on it.
    package struct IssueVerdict: Sendable {
        package var issue: String
        package var title: String
        package var raised: Bool
        /// False for an issue the assessment raises that is not public on the publication day
        /// (withdrawn since the assessment): the portal does not show it.
        package var shown: Bool = true
        /// Plain words: why raised or not.
        package var because: String
        package var rule: String?
        package var condition: String?
        package var answers: [(question: String, answer: String, status: String)]
        package var decision: String?
        package var reason: String?
    }

    package var factory: FactoryRecord
    package var listed: PublicFactory?
    /// Why the factory is not listed, in plain words; nil when it is listed.
    package var notListedBecause: String?
    package var accounts: [AssessmentAccount]
    package var explained: AssessmentRecord?
    package var verdicts: [IssueVerdict]
    package var asOf: Day
    /// The factory against each tier of its country: measured or not, its rate, named or not.
    package var tiers: [TierMeasure] = []
    /// The tiers as computed for the country, for their mean, deviation and cut-off.
    package var tierFigures: [PublicTier] = []

    /// Builds the explanation; nil if the factory is not in the data. `factories` are the
    /// factory records the data gives (`PublishResult.explainedFactories`): a factory with no
    /// assessment, or only refused visits, is known from them alone.
    package init?(factory id: String, issue: String?, publication: Publication, evaluations: [AssessmentEvaluation], project: String,
                 factories: [FactoryRecord] = []) {
        let own = evaluations.filter { $0.factory.id == id }
        let accounts = publication.report.assessments.filter { $0.factory == id }
        guard let factory = factories.first(where: { $0.id == id }) ?? own.first?.factory
            ?? Explanation.factoryRecord(id, accounts: accounts, publication: publication)
        else { return nil }
        self.factory = factory
        self.accounts = accounts
        asOf = publication.asOf
        listed = publication.countries.first { $0.code == factory.country }?.factories.first { $0.id == id }
        tiers = publication.report.tiers.filter { $0.factory == id }
        tierFigures = publication.countries.first { $0.code == factory.country }?.tiers ?? []
        // The rules as this publication used them: the public view, or everything for a preview.
        let checked = Checker.check(entry: (project as NSString).appendingPathComponent("countries/\(factory.country).disclose"))
        let book = publication.isPreview ? checked.ruleBook : checked.publicRuleBook
        let publicationDay = book.map { $0.publicationPolicy(on: publication.asOf).calendar.publicationDay(onOrBefore: publication.asOf) } ?? publication.asOf
        if listed == nil {
            notListedBecause = Explanation.notListed(factory, accounts: accounts, book: book, publicationDay: publicationDay, isPreview: publication.isPreview)
        }
        let shownId = accounts.first { $0.disposition == .shown }?.assessment
        let chosen = own.first { $0.assessment.id == shownId }
            ?? own.filter { $0.assessment.date <= publication.asOf }.max { ($0.assessment.date, $0.assessment.id) < ($1.assessment.date, $1.assessment.id) }
        explained = chosen?.assessment
        verdicts = []
        guard let chosen else { return }
        let plan = chosen.plan
        let publicNow = Set(book?.publicIssues(on: publicationDay).map(\.id) ?? [])
        for (position, rule) in plan.issues.enumerated() where issue == nil || rule.id == issue {
            var verdict = Explanation.verdict(rule, raised: chosen.raised.contains(position), evaluation: chosen)
            // The assessment is judged under the rules of its day; the portal shows only the
            // issues still public on the publication day.
            if book != nil, !publicNow.contains(rule.id) {
                verdict.shown = false
                verdict.because += "; " + Explanation.notPublic(rule.id, book: book, on: publicationDay)
            }
            verdicts.append(verdict)
        }
        if let issue, verdicts.isEmpty {
            verdicts.append(Explanation.absent(issue, book: book, day: chosen.assessment.date))
        }
    }

    /// Why an issue the assessment day's rules have is not public on `day`.
    private static func notPublic(_ id: String, book: RuleBook?, on day: Day) -> String {
        guard let timeline = book?.issues.first(where: { $0.periods.first?.value.id == id }),
              let period = timeline.periods.first(where: { $0.contains(day) })
        else { return "not public on \(day), so the portal does not show it" }
        if case .withdrawn(_, let provenance) = period.value {
            let since = period.from.map { " from \($0)" } ?? ""
            let decision = provenance.decision.map { " by \($0)" } ?? ""
            return "withdrawn\(since)\(decision), so the portal does not show it on \(day)"
        }
        return "not public on \(day), so the portal does not show it"
    }

    /// Why a factory in the data is not listed, from what happened to its assessments, in the
    /// order the policy decides (docs/policy.md): launch, then the current assessment, then
    /// refusals.
    private static func notListed(_ factory: FactoryRecord, accounts: [AssessmentAccount], book: RuleBook?, publicationDay day: Day, isPreview: Bool) -> String {
        let policy = book?.publicationPolicy(on: day)
        let minimum = policy.map { " (a factory is listed from its \(ordinal($0.minimumAssessments)) finalised assessment)" } ?? ""
        if let book, !isPreview, !book.standing.launch.isLaunched(on: day) {
            let launch = book.standing.launch
            let detail: String = switch launch {
            case .launched(let decision, let on): "it launches by \(decision) on \(on), after \(day)"
            case .notLaunched(let reason): "its launch \(reason.description)"
            }
            return "\(factory.country) publishes nothing before its launch, and is not launched on \(day): \(detail)"
        }
        if let nothing = accounts.first(where: { $0.reason == .countryPublishesNothing }) {
            return "\(factory.country) publishes no findings: \(nothing.detail)"
        }
        if let withheld = accounts.last(where: { [.factoryLeft, .firstAssessment, .incompleteData].contains($0.reason) }) {
            return "its current assessment, \(withheld.assessment) of \(withheld.date), is withheld (\(withheld.reason!.rawValue)): \(withheld.detail)"
        }
        if let left = factory.leftOn, left <= day {
            return "it left the programme on \(left), with no assessment shown before"
        }
        if accounts.isEmpty {
            return "the data holds no assessment and no refused visit of this factory\(minimum)"
        }
        var parts: [String] = []
        let pending = accounts.filter { $0.reason == .afterAsOf || $0.reason == .notFinalised }
        parts.append("no completed assessment with its report finalised by \(day)" + (pending.isEmpty ? "" : " (\(pending.map(\.assessment).joined(separator: ", ")) not yet)"))
        let counted = accounts.filter { $0.reason == .refusalCounted }.count
        let excused = accounts.filter { $0.reason == .refusalExcused }.count
        if counted + excused > 0 {
            var refusals = "\(counted) refused visit\(counted == 1 ? "" : "s") counted"
            if excused > 0 { refusals += " and \(excused) excused" }
            if let policy { refusals += "; a factory is listed as refusing from \(policy.refusalsToList) counted (policy `refusals-to-list`)" }
            parts.append(refusals)
        }
        return parts.joined(separator: "; ")
    }

    /// "2nd", "3rd": for the policy's minimum number of assessments.
    private static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }

    private static func factoryRecord(_ id: String, accounts: [AssessmentAccount], publication: Publication) -> FactoryRecord? {
        guard let listed = publication.countries.flatMap(\.factories).first(where: { $0.id == id }) else { return nil }
        return FactoryRecord(id: id, name: listed.name, type: listed.type, country: listed.country, leftOn: nil, line: 0)
    }

    private static func verdict(_ issue: Issue, raised: Bool, evaluation: AssessmentEvaluation) -> IssueVerdict {
        let plan = evaluation.plan
        let answers = answerLines(readSlots(issue, plan: plan), plan: plan, statuses: evaluation.statuses,
                                  requiredButNotApplicable: evaluation.requiredButNotApplicable) { evaluation.answers[$0]?.text }
        let (line, _) = issue.origin.file.location(of: issue.origin.span.start)
        let change = issue.changes.last
        return IssueVerdict(issue: issue.id, title: issue.titles["en"] ?? issue.titles.values.sorted().first ?? issue.id, raised: raised,
                            because: because(raised: raised, answers: answers, plan: plan),
                            rule: "\(issue.origin.file.path):\(line)", condition: issue.conditionText, answers: answers,
                            decision: change?.decision ?? issue.decision, reason: change?.reason)
    }

    /// The slots of `plan` an issue's condition reads, each once, in the order it reads them.
    static func readSlots(_ issue: Issue, plan: EvaluationPlan) -> [Int] {
        var seen: Set<Int> = []
        return issue.condition.questions.compactMap { index in
            guard seen.insert(index).inserted else { return nil }
            return plan.slot(ofQuestion: index)
        }
    }

    /// The answers in `slots` as an explanation shows them: question, answer (`answer(slot)`,
    /// or `—` when there is none) and what it means. `PreparedEvaluator` reports the reasons
    /// of a raised issue with the same words.
    static func answerLines(_ slots: [Int], plan: EvaluationPlan, statuses: [AnswerStatus], requiredButNotApplicable: [Int],
                            answer: (Int) -> String?) -> [(question: String, answer: String, status: String)] {
        slots.map { slot in
            let status: String = switch statuses[slot] {
            case .missing: "not answered"
            case .compliant: "compliant"
            case .nonCompliant: "non-compliant"
            case .notApplicable: requiredButNotApplicable.contains(slot) ? "not applicable, but an answer is required" : "not applicable"
            case .unusable: "unusable answer"
            }
            return (plan.questions[slot].id, answer(slot) ?? "—", status)
        }
    }

    /// Plain words: why an issue is raised or not, from the answers its condition reads.
    static func because(raised: Bool, answers: [(question: String, answer: String, status: String)], plan: EvaluationPlan) -> String {
        let nonCompliant = answers.filter { $0.status == "non-compliant" }.map(\.question)
        if raised {
            return nonCompliant.isEmpty ? "its condition holds for the answers below" : "non-compliant on " + nonCompliant.joined(separator: ", ")
        } else if answers.contains(where: { $0.status == "not answered" || $0.status == "unusable answer" }) {
            return "not raised, but some answers are missing or unusable, so the assessment is incomplete"
        } else if let required = answers.first(where: { $0.status == "not applicable, but an answer is required" }) {
            let question = plan.questions.first { $0.id == required.question }
            return "not raised, but \(required.question) is answered not applicable where an answer is required"
                + (question?.requiredWhenText.map { " (\($0))" } ?? "") + ", so the assessment is incomplete"
        } else if answers.allSatisfy({ $0.status == "not applicable" }) {
            return "not raised: the questions do not apply to this factory"
        } else {
            return "not raised: the answers below do not meet its condition"
        }
    }

    private static func absent(_ id: String, book: RuleBook?, day: Day) -> IssueVerdict {
        guard let book, let timeline = book.issues.first(where: { $0.periods.first?.value.id == id }) else {
            return IssueVerdict(issue: id, title: id, raised: false, because: "there is no public issue `\(id)` in this country's rules",
                                rule: nil, condition: nil, answers: [], decision: nil, reason: nil)
        }
        if case .withdrawn(_, let provenance)? = timeline.value(on: day) {
            let (line, _) = provenance.origin.file.location(of: provenance.origin.span.start)
            return IssueVerdict(issue: id, title: id, raised: false,
                                because: "withdrawn by the country on that date: \(provenance.reason ?? "no reason given")",
                                rule: "\(provenance.origin.file.path):\(line)", condition: nil, answers: [], decision: provenance.decision, reason: provenance.reason)
        }
        return IssueVerdict(issue: id, title: id, raised: false, because: "not in force on \(day), the day of the assessment",
                            rule: nil, condition: nil, answers: [], decision: nil, reason: nil)
    }

    /// The explanation for people.
    package func text() -> String {
        var lines = ["\(factory.name) (\(factory.id), \(factory.country)) as of \(asOf)"]
        if let listed {
            let status = listed.status == .nonCompliant ? "non-compliant on \(listed.findings.count) public issue\(listed.findings.count == 1 ? "" : "s")" : listed.status.rawValue
            lines.append("listed on the portal: \(status)")
            let hidden = verdicts.filter { $0.raised && !$0.shown }.map(\.issue)
            if !hidden.isEmpty {
                lines.append("  (its assessment also raises \(hidden.joined(separator: ", ")), no longer public on \(asOf): not counted, not shown)")
            }
        } else {
            lines.append("not listed on the portal: \(notListedBecause ?? "")")
        }
        lines += ["", "assessments:"]
        if accounts.isEmpty { lines.append("  none in the data") }
        for account in accounts {
            let reason = account.reason.map { " (\($0.rawValue))" } ?? ""
            let detail = account.detail.isEmpty ? "" : ": \(account.detail)"
            lines.append("  \(account.date)  \(account.assessment)  \(account.disposition.rawValue)\(reason)\(detail)")
        }
        lines += tierLines()
        guard let explained else { return lines.joined(separator: "\n") }
        lines += ["", "public issues for the assessment of \(explained.date) (\(explained.id)), under the rules in force that day:"]
        if verdicts.isEmpty { lines.append("  none: no issue is public in \(factory.country) under those rules (`--preview` explains the drafts)") }
        for verdict in verdicts {
            let mark = verdict.raised ? (verdict.shown ? "RAISED" : "RAISED, NOT SHOWN") : "not raised"
            lines.append("  \(mark)  \(verdict.issue)  \(verdict.title)")
            lines.append("      \(verdict.because)")
            if let rule = verdict.rule { lines.append("      rule: \(rule)") }
            if let condition = verdict.condition { lines.append("      raised when \(condition)") }
            for answer in verdict.answers { lines.append("      \(answer.question) = \(answer.answer)  (\(answer.status))") }
            if let decision = verdict.decision { lines.append("      decided by \(decision)" + (verdict.reason.map { ": \($0)" } ?? "")) }
        }
        return lines.joined(separator: "\n")
    }

    /// How the factory fares in each tier: the computation, step by step.
    private func tierLines() -> [String] {
        var lines: [String] = []
        for measure in tiers {
            guard let figures = tierFigures.first(where: { $0.id == measure.tier }) else { continue }
            lines += ["", "tier \(measure.tier) (\(figures.titles["en"] ?? measure.tier); concerns the \(figures.subject.rawValue)):"]
            lines.append("  \(measure.assessments) finalised assessment\(measure.assessments == 1 ? "" : "s") by the publication day; the tier counts factories with \(figures.minimumAssessments) or more")
            if let assessment = measure.assessment {
                let applicable = measure.compliant + measure.nonCompliant.count
                lines.append("  requirements in \(assessment): \(figures.requirements.count); compliant \(measure.compliant), non-compliant \(measure.nonCompliant.count), not applicable \(measure.notApplicable), unanswered \(measure.missing.count)")
                if !measure.nonCompliant.isEmpty { lines.append("  non-compliant: " + measure.nonCompliant.joined(separator: ", ")) }
                if let rate = measure.rate {
                    lines.append("  rate: \(measure.compliant) of \(applicable) applicable = \(TierRun.percentText(rate)) (rounded half up to hundredths of a percent)")
                }
            }
            if let mean = figures.mean, let deviation = figures.standardDeviation, let cutoff = figures.cutoff {
                let line = "  over \(figures.measuredFactories) measured factories: mean \(Explanation.percent(mean)), population standard deviation \(Explanation.percent(deviation)); named when \(figures.threshold)"
                // A rate threshold says its cut-off already; a distance from the mean does not.
                lines.append(figures.threshold.hasPrefix("below") ? line : line + " (below \(Explanation.percent(cutoff)))")
            }
            lines.append("  \(measure.because)")
        }
        return lines
    }

    private static func percent(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return (hundredths < 0 ? "-" : "") + TierRun.percentText(abs(hundredths))
    }

    /// The explanation as data.
    package func json() -> JSONValue {
        .object([
            ("factory", .string(factory.id)),
            ("name", .string(factory.name)),
            ("country", .string(factory.country)),
            ("asOf", .string(asOf.description)),
            ("listed", .bool(listed != nil)),
            ("status", .optional(listed?.status.rawValue)),
            ("notListedBecause", .optional(notListedBecause)),
            ("assessments", .array(accounts.map { account in
                .object([
                    ("assessment", .string(account.assessment)), ("date", .string(account.date.description)),
                    ("disposition", .string(account.disposition.rawValue)), ("reason", .optional(account.reason?.rawValue)),
                    ("detail", .string(account.detail)),
                ])
            })),
            ("explainedAssessment", .optional(explained?.id)),
            ("tiers", .array(tiers.map { measure in
                .object([
                    ("tier", .string(measure.tier)), ("assessments", .int(measure.assessments)), ("assessment", .optional(measure.assessment)),
                    ("compliant", .int(measure.compliant)), ("nonCompliant", .array(measure.nonCompliant.map(JSONValue.string))),
                    ("notApplicable", .int(measure.notApplicable)), ("unanswered", .array(measure.missing.map(JSONValue.string))),
                    ("rateHundredthsOfPercent", measure.rate.map(JSONValue.int) ?? .null), ("named", .bool(measure.named)),
                    ("because", .string(measure.because)),
                ])
            })),
            ("issues", .array(verdicts.map { verdict in
                .object([
                    ("issue", .string(verdict.issue)), ("title", .string(verdict.title)), ("raised", .bool(verdict.raised)), ("shown", .bool(verdict.raised && verdict.shown)),
                    ("because", .string(verdict.because)), ("rule", .optional(verdict.rule)), ("condition", .optional(verdict.condition)),
                    ("answers", .array(verdict.answers.map { .object([("question", .string($0.question)), ("answer", .string($0.answer)), ("status", .string($0.status))]) })),
                    ("decision", .optional(verdict.decision)), ("reason", .optional(verdict.reason)),
                ])
            })),
        ])
    }
}

/// A few lines for the terminal after a publication run.
package enum PublicationSummary {
    /// What was published and what was withheld, in counts.
    package static func text(_ publication: Publication, out: String?) -> String {
        let report = publication.report
        var lines: [String] = publication.isPreview ? [PublicationExport.previewNotice + ": a preview, drafts and countries not launched included"] : []
        for country in publication.countries {
            let green = country.factories.filter { $0.status == .compliant }.count
            let refused = country.factories.filter { $0.status == .refused }.count
            let listed = country.factories.count
            // A country on a calendar is published as of its last publication day: say which.
            let schedule = country.schedule.calendar == .continuous ? "" : "; published \(country.schedule.description)"
            lines.append("\(country.code): \(listed) \(listed == 1 ? "factory" : "factories") listed (\(green) compliant, \(listed - green - refused) non-compliant, \(refused) refusing)\(schedule)")
        }
        let withheld = Dictionary(grouping: report.assessments.filter { $0.disposition == .withheld }, by: { $0.reason?.rawValue ?? "" })
        let parts = withheld.keys.sorted().map { "\(withheld[$0]!.count) \($0)" }
        lines.append("\(report.assessments.count) assessments: \(report.assessments.filter { $0.disposition == .shown }.count) shown, "
            + "\(report.assessments.filter { $0.disposition == .superseded }.count) superseded, \(report.assessments.filter { $0.disposition == .refusal }.count) refusals, "
            + "withheld: \(parts.isEmpty ? "none" : parts.joined(separator: ", "))")
        lines.append("\(report.escalations.count) zero-tolerance escalations; \(report.responses.filter { $0.disposition == .held }.count) responses held for moderation")
        if !publication.isPreview {
            let drafts = report.drafts.count
            lines.append("\(drafts) draft\(drafts == 1 ? "" : "s") left out (listed in the internal report; `--preview` shows them)")
        }
        if let out {
            let folder = out.hasSuffix("/") ? out : out + "/"
            // A preview holds drafts: it goes to the PAC for review, never to the web server.
            let publicPart = publication.isPreview
                ? "\(folder)\(PublicationFolder.publicFolder)/ is a preview for the PAC: never deploy it; "
                : "\(folder)\(PublicationFolder.publicFolder)/ is the folder to deploy; "
            lines.append("written to \(folder) as of \(publication.asOf): " + publicPart
                + "\(folder)\(PublicationFolder.internalReport) is the internal report: never deploy it")
        }
        return lines.joined(separator: "\n")
    }
}
