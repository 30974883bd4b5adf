/// Applies the publication policy of each country, as of a day, to evaluated assessments.
///
/// The rules, as `docs/policy.md` states them for people:
/// - an assessment counts once it is completed, assessed on or before the as-of day, and its
///   report finalised on or before it; the current assessment is the latest that counts;
/// - a factory is listed with its current assessment once the policy's minimum number of
///   assessments count (two), so a first assessment is never published;
/// - findings are the public issues raised under the rules in force on the assessment day,
///   among those still public on the as-of day (a withdrawn issue is shown for no one);
/// - an assessment missing an answer to a question behind a public issue, or with an answer
///   that cannot be used, or answered "not applicable" where the question's `required when`
///   holds, is withheld as incomplete data: never shown as compliant;
/// - refusals after the current assessment count unless their reason is excused by the
///   policy; the policy's number of them (two) lists the factory as refusing;
/// - a factory that left stays listed until the end of its current assessment's cycle (from
///   the data, or the assessment day plus the policy's cycle length), then disappears;
/// - every non-compliance on a zero-tolerance question, in any assessment up to the as-of
///   day, first ones included, is escalated; escalations are internal only;
/// - a country publishes nothing before its launch: each of its assessments is withheld as
///   `country-not-launched` (a preview publishes it all the same, marked);
/// - a country that publishes on a calendar (quarterly, monthly) publishes as of its last
///   publication day on or before the as-of day: everything above is decided on that day
///   instead, except escalations, which never wait for a publication day;
/// - a country with a `scope` lists only the factories it covers: the others are evaluated
///   and escalated as usual, their current assessment withheld as `out-of-scope` (as
///   `incomplete-data` when the factories table lacks an attribute the scope reads); a scope
///   on a decision not yet adopted applies only in the preview.
struct PolicyRun {
    let asOf: Day
    let factories: [FactoryRecord]
    let countries: [String: Publisher.CountryRules]
    /// A preview: countries not launched are published too.
    let preview: Bool

    init(asOf: Day, factories: [FactoryRecord], countries: [String: Publisher.CountryRules], preview: Bool = false) {
        self.asOf = asOf
        self.factories = factories
        self.countries = countries
        self.preview = preview
    }

    /// True when the country's factories may be listed as of the day.
    private func publishes(_ book: RuleBook) -> Bool {
        preview || book.standing.launch.isLaunched(on: asOf)
    }

    /// Positions in the plan's issues of those an evaluated assessment raises.
    static func raised(_ sheet: Publisher.Sheet) -> [Int] {
        guard let plan = sheet.plan else { return [] }
        return plan.issues.indices.filter { plan.isRaised($0, statuses: sheet.statuses, raw: sheet.raw) }
    }

    mutating func apply(sheets: [Publisher.Sheet], responses: [ResponseRecord], dataProblems: [Diagnostic], rulesDigest: String) -> Publication {
        var accounts: [AssessmentAccount] = []
        var escalations: [Escalation] = []
        var responseAccounts: [ResponseAccount] = []
        var listedByCountry: [String: [PublicFactory]] = [:]
        let responsesByFactory = Dictionary(grouping: responses, by: \.factory)
        let sheetsByFactory = Dictionary(grouping: sheets.indices, by: { sheets[$0].factory })
        let publicationDays = countries.mapValues { $0.book.publicationPolicy(on: asOf).calendar.publicationDay(onOrBefore: asOf) }

        // What each country publishes as of the day: the same for all its factories.
        var inForce: [String: (policy: PublicationPolicy, publicNow: Set<String>)] = [:]
        for (factoryIndex, factory) in factories.enumerated() {
            guard let country = countries[factory.country] else { continue }
            let book = country.book
            // The country's publication day; escalations below still use the as-of day itself.
            let asOf = publicationDays[factory.country] ?? self.asOf
            if inForce[factory.country] == nil {
                inForce[factory.country] = (book.publicationPolicy(on: asOf), Set(book.publicIssues(on: asOf).map(\.id)))
            }
            let (policy, publicNow) = inForce[factory.country]!
            let own = (sheetsByFactory[factoryIndex] ?? []).map { sheets[$0] }.sorted { ($0.record.date, $0.record.id) < ($1.record.date, $1.record.id) }
            let raisedBySheet = own.map(PolicyRun.raised)

            for (position, sheet) in own.enumerated() where sheet.record.date <= self.asOf {
                escalations += escalationsOf(sheet, factory: factory, raised: raisedBySheet[position])
            }

            let counting = own.indices.filter { index in
                let record = own[index].record
                guard record.status == .completed, record.date <= asOf, let finalised = record.finalisedOn else { return false }
                return finalised <= asOf
            }
            let current = counting.max { (own[$0].record.date, own[$0].record.finalisedOn!, own[$0].record.id) < (own[$1].record.date, own[$1].record.finalisedOn!, own[$1].record.id) }
            let currentDate = current.map { own[$0].record.date }

            var refusalsCounted = 0
            var dispositions: [(AssessmentAccount.Disposition, AssessmentAccount.Reason?, String)] = []
            for (index, sheet) in own.enumerated() {
                let record = sheet.record
                if !publishes(book) {
                    let launch = book.standing.launch
                    let detail = launch.isLaunched(on: Day(ordinal: Int(Int32.max))) ? "\(launch.description), after the as-of day \(asOf)" : launch.description
                    dispositions.append((.withheld, .countryNotLaunched, "the country has not launched public reporting: \(detail)"))
                    continue
                }
                if book.country?.publishesNothing == true {
                    dispositions.append((.withheld, .countryPublishesNothing, book.country?.reason ?? "the country publishes no findings"))
                    continue
                }
                if record.date > asOf {
                    let what = record.status == .completed ? "assessed" : "visit refused"
                    dispositions.append((.withheld, .afterAsOf, "\(what) on \(record.date), after the as-of day \(asOf)"))
                    continue
                }
                switch record.status {
                case .refused(let reason):
                    if let currentDate, record.date <= currentDate {
                        dispositions.append((.refusal, .refusalBeforeCurrent, "refused on \(record.date), before the current assessment of \(currentDate)"))
                    } else if policy.excusedRefusalReasons.contains(reason) {
                        dispositions.append((.refusal, .refusalExcused, "refused on \(record.date), excused: \(reason.rawValue)"))
                    } else {
                        refusalsCounted += 1
                        dispositions.append((.refusal, .refusalCounted, "refused on \(record.date) (\(reason.rawValue)): counts towards the refusal status"))
                    }
                case .completed:
                    if !counting.contains(index) {
                        dispositions.append((.withheld, .notFinalised, record.finalisedOn.map { "report finalised on \($0), after the as-of day" } ?? "report not finalised"))
                    } else if index != current {
                        dispositions.append((.superseded, nil, "superseded by the assessment of \(currentDate!)"))
                    } else {
                        dispositions.append((.shown, nil, ""))
                    }
                }
            }

            // Retention after leaving the programme.
            var retained = true
            var leftDetail = ""
            if let left = factory.leftOn, left <= asOf {
                if policy.exitRetention == .none {
                    retained = false
                    leftDetail = "left the programme on \(left); the policy keeps no factory after it leaves"
                } else if let current {
                    let record = own[current].record
                    // A cycle of 12 months from 2024-02-29 ends on 2025-02-28: the day before, plus the months.
                    let cycleEnd = record.cycleEndsOn ?? record.date.adding(days: -1).adding(months: policy.cycleLengthMonths)
                    retained = asOf <= cycleEnd
                    leftDetail = "left the programme on \(left); its cycle ended on \(cycleEnd)\(record.cycleEndsOn == nil ? " (assessment day plus \(policy.cycleLengthMonths) months)" : "")"
                } else {
                    retained = false
                    leftDetail = "left the programme on \(left)"
                }
            }

            // The country's scope: nil when it covers the factory, otherwise why not.
            var outOfScope: (AssessmentAccount.Reason, String)?
            if let scope = book.scope {
                let values = book.attributes.map { attribute in factory.attributes[attribute.name].flatMap(attribute.declaredValue) }
                switch scope.covers(values) {
                case true?: break
                case false?: outOfScope = (.outOfScope, "the country's portal covers only factories for which \(scope.conditionText) (scope \(scope.id))")
                case nil:
                    let needed = Set(scope.condition.attributes).sorted().filter { values[$0] == nil }.map { book.attributes[$0].name }
                    outOfScope = (.incompleteData, "the scope \(scope.id) reads factory \(needed.joined(separator: ", ")), which the factories table does not give (or gives a value the rules do not declare)")
                }
            }

            var shown: Int?
            if let current, dispositions[current].0 == .shown {
                let sheet = own[current]
                let missing = sheet.plan.map { plan in plan.incompleteSlots(statuses: sheet.statuses, raw: sheet.raw) } ?? []
                if let (reason, detail) = outOfScope {
                    dispositions[current] = (.withheld, reason, detail)
                } else if !retained {
                    dispositions[current] = (.withheld, .factoryLeft, leftDetail)
                } else if counting.count < policy.minimumAssessments {
                    dispositions[current] = (.withheld, .firstAssessment,
                                             "\(counting.count) finalised assessment\(counting.count == 1 ? "" : "s"); factories are listed from \(policy.minimumAssessments)")
                } else if !missing.isEmpty, let plan = sheet.plan {
                    let attributeSlots = Set(plan.attributeSlots.map(\.slot))
                    // An answer compared with a value by attribute cannot be judged without the
                    // attribute: the attribute is named, not the answer.
                    let dependent = Set(plan.judgedByAttribute.filter { missing.contains($0.attributeSlot) }.map(\.slot))
                    let questions = missing.filter { !attributeSlots.contains($0) && !dependent.contains($0) }
                    let attributes = missing.filter { attributeSlots.contains($0) }
                    var parts: [String] = []
                    if !questions.isEmpty {
                        let ids = questions.map { plan.questions[$0].id }
                        let unusable = questions.filter { sheet.statuses[$0] == .unusable }.map { plan.questions[$0].id }
                        let required = questions.filter { sheet.statuses[$0] == .notApplicable }.map { plan.questions[$0].id }
                        var detail = "no usable answer to \(ids.count) critical question\(ids.count == 1 ? "" : "s"): " + ids.joined(separator: ", ")
                        if !unusable.isEmpty { detail += " (unusable: \(unusable.joined(separator: ", ")))" }
                        if !required.isEmpty { detail += " (not applicable where an answer is required: \(required.joined(separator: ", ")))" }
                        parts.append(detail)
                    }
                    if !attributes.isEmpty {
                        // A public issue reads the attribute: without it the issue can be neither raised nor ruled out.
                        let names = attributes.map { plan.questions[$0].id }
                        parts.append("the factories table does not give a declared value for \(names.joined(separator: ", ")), which a public issue reads")
                    }
                    dispositions[current] = (.withheld, .incompleteData, parts.joined(separator: "; "))
                } else {
                    shown = current
                }
            }

            for (index, sheet) in own.enumerated() {
                let (disposition, reason, detail) = dispositions[index]
                let ids = sheet.plan.map { plan in raisedBySheet[index].map { plan.issues[$0].id } } ?? []
                accounts.append(AssessmentAccount(assessment: sheet.record.id, factory: factory.id, country: factory.country, date: sheet.record.date,
                                                  disposition: disposition, reason: reason, detail: detail, raisedIssues: ids))
            }

            let isRefusing = refusalsCounted >= policy.refusalsToList && retained && book.country?.publishesNothing != true && publishes(book)
                && outOfScope == nil
            let listed = shown != nil || isRefusing
            var findings: [PublicFinding] = []
            var assessment: PublicAssessment?
            if let shown, let plan = own[shown].plan {
                let record = own[shown].record
                assessment = PublicAssessment(id: record.id, date: record.date, method: record.method ?? .onSite, cycle: record.cycle)
                findings = raisedBySheet[shown].map { plan.issues[$0] }.filter { publicNow.contains($0.id) }
                    .map { PublicFinding(issue: $0.id, titles: $0.titles, category: $0.category) }
            }

            var published: [PublicResponse] = []
            for response in (responsesByFactory[factory.id] ?? []).sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
                var disposition = ResponseAccount.Disposition.notShown
                var reasons: [String] = []
                if response.date > asOf {
                    reasons = ["responded on \(response.date), after the as-of day"]
                } else if !listed || assessment?.id != response.assessment {
                    reasons = ["responds to assessment \(response.assessment), which is not shown"]
                } else if let issue = response.issue, !findings.contains(where: { $0.issue == issue }) {
                    reasons = ["responds to issue \(issue), which is not among the findings shown"]
                } else {
                    reasons = country.moderator.reasons(for: ([response.text] + response.attachments).joined(separator: "\n"))
                    if reasons.isEmpty {
                        disposition = .published
                        published.append(PublicResponse(id: response.id, issue: response.issue, date: response.date, text: response.text,
                                                        attachments: response.attachments))
                    } else {
                        disposition = .held
                    }
                }
                responseAccounts.append(ResponseAccount(response: response.id, factory: factory.id, assessment: response.assessment,
                                                        disposition: disposition, reasons: reasons, text: response.text))
            }

            guard listed else { continue }
            let status: PublicFactory.Status = isRefusing ? .refused : (findings.isEmpty ? .compliant : .nonCompliant)
            listedByCountry[factory.country, default: []].append(
                PublicFactory(id: factory.id, name: factory.name, type: factory.type, country: factory.country, status: status,
                              assessment: assessment, refusals: isRefusing ? refusalsCounted : nil, findings: findings, responses: published))
        }

        var publications: [CountryPublication] = []
        var tierMeasures: [TierMeasure] = []
        for code in countries.keys.sorted() {
            let book = countries[code]!.book
            guard let country = book.country, publishes(book) else { continue }
            let asOf = publicationDays[code] ?? self.asOf
            let listed = (listedByCountry[code] ?? []).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            let issues = book.publicIssues(on: asOf).map { ($0.id, $0.titles, $0.category) }
            let assessed = listed.filter { $0.assessment != nil }
            let figures = issues.map { id, titles, category in
                IssueFigure(issue: id, titles: titles, category: category,
                            nonCompliantFactories: assessed.filter { $0.findings.contains { $0.issue == id } }.count, assessedFactories: assessed.count,
                            drafts: preview ? book.standing.drafts.filter { $0.concerns(issue: id) }.map(\.note) : [])
            }
            var publication = CountryPublication(code: code, titles: country.titles, languages: country.languages, status: country.status,
                                                 greenHighlight: book.publicationPolicy(on: asOf).greenHighlight, factories: listed, figures: figures,
                                                 launch: book.standing.launch)
            publication.headings = PublicHeading.shown(book.headings, publicIssues: issues.map(\.0), on: asOf)
            publication.schedule = PublicationSchedule(policy: book.publicationPolicy(on: self.asOf), requested: self.asOf)
            let tiers = book.tiers.filter { tier in tier.from.map { $0 <= asOf } ?? true }
            if !tiers.isEmpty {
                let listedIds = Set(listed.map(\.id))
                let inputs = factories.indices.filter { factories[$0].country == code }.map { index in
                    TierRun.Input(factory: factories[index], sheets: (sheetsByFactory[index] ?? []).map { sheets[$0] },
                                  listed: listedIds.contains(factories[index].id))
                }
                for tier in tiers {
                    let (published, measures) = TierRun.compute(tier, book: book, on: asOf, factories: inputs)
                    publication.tiers.append(published)
                    tierMeasures += measures
                }
            }
            publications.append(publication)
        }
        accounts.sort { ($0.country, $0.factory, $0.date, $0.assessment) < ($1.country, $1.factory, $1.date, $1.assessment) }
        escalations.sort { ($0.country, $0.assessedOn, $0.factory, $0.assessment, $0.category) < ($1.country, $1.assessedOn, $1.factory, $1.assessment, $1.category) }
        responseAccounts.sort { ($0.factory, $0.response) < ($1.factory, $1.response) }
        var report = InternalReport(assessments: accounts, escalations: escalations, responses: responseAccounts, dataProblems: dataProblems)
        report.tiers = tierMeasures
        return Publication(asOf: asOf, rulesDigest: rulesDigest, isPreview: preview, countries: publications, report: report)
    }

    private func escalationsOf(_ sheet: Publisher.Sheet, factory: FactoryRecord, raised: [Int]) -> [Escalation] {
        guard let plan = sheet.plan else { return [] }
        return plan.zeroTolerance.compactMap { category in
            let hits = category.questions.compactMap { plan.slot(ofQuestion: $0) }.filter { sheet.statuses[$0] == .nonCompliant }
            guard !hits.isEmpty else { return nil }
            let hours = category.deadlineHours
            var escalation = Escalation(country: factory.country, factory: factory.id, factoryName: factory.name, assessment: sheet.record.id,
                                        assessedOn: sheet.record.date, category: category.id, categoryTitle: category.titles["en"] ?? category.id,
                                        questions: hits.map { plan.questions[$0].id }, deadlineHours: hours,
                                        dueBy: hours.map { sheet.record.date.adding(days: ($0 + 23) / 24) })
            escalation.steps = category.steps.map { step in
                EscalationStepDue(step: step.id, actors: step.actors.map(\.rawValue), limit: step.phrase, dueHours: step.dueHours,
                                  dueBy: step.dueBy(assessedOn: sheet.record.date))
            }
            return escalation
        }
    }
}
