import Foundation
/// Everything a publication run decided: what the public may see, and the account of the rest.
public struct Publication: Sendable, Equatable {
    /// The day the publication is for.
    public var asOf: Day
    /// SHA-256 over the rule files used (their paths inside the rules root and their bytes,
    /// in path order): the same whatever the working folder.
    public var rulesDigest: String
    /// True for a preview for the PAC: drafts and countries not launched included; never for
    /// publication.
    public var isPreview = false
    /// What the public sees, per country.
    public var countries: [CountryPublication]
    /// What the public does not see, and why.
    public var report: InternalReport
}

/// The public finding set of one country.
public struct CountryPublication: Sendable, Equatable, Codable {
    /// The country's two-letter code.
    public var code: String
    /// The country's name in each language, by language code.
    public var titles: [String: String]
    /// The languages its portal pages are in, the first the main one.
    public var languages: [String]
    /// Whether the country's list is decided by its PAC or still a draft.
    public var status: CountryStatus
    /// Whether the portal highlights compliant factories in green (a policy setting).
    package var greenHighlight: Bool
    /// Listed factories, sorted by name then id.
    public var factories: [PublicFactory]
    /// For each public issue, how many listed factories are non-compliant on it.
    public var figures: [IssueFigure]
    /// The country's launch (in a public set, always launched by the as-of day).
    package var launch: Launch
    /// The country's own headings over its public issues, in order; empty when it has none
    /// (the portal then groups the issues by category).
    package var headings: [PublicHeading] = []
    /// When the country publishes, and as of which day this publication is.
    package var schedule = PublicationSchedule(calendar: .continuous, reportingPeriod: .factoryCycle, asOf: Day(ordinal: 0))
    /// The country's tiers in force on its publication day, each with the factories it names.
    package var tiers: [PublicTier] = []
}

/// A country's publication calendar applied to the day asked for.
package struct PublicationSchedule: Sendable, Hashable, Codable {
    package var calendar: PublicationCalendar
    package var reportingPeriod: ReportingPeriod
    /// The day the country's publication is as of: the last publication day on or before the
    /// day asked for (that day itself when publishing continuously).
    package var asOf: Day

    /// The first day reported on, for a calendar-year period (1 January of the publication
    /// day's year); nil when each factory's cycle is the period.
    package var periodStart: Day? {
        switch reportingPeriod {
        case .calendarYear: Day(year: asOf.parts.year, month: 1, day: 1)
        case .factoryCycle: nil
        }
    }

    init(calendar: PublicationCalendar, reportingPeriod: ReportingPeriod, asOf: Day) {
        self.calendar = calendar
        self.reportingPeriod = reportingPeriod
        self.asOf = asOf
    }

    init(policy: PublicationPolicy, requested: Day) {
        self.init(calendar: policy.calendar, reportingPeriod: policy.reportingPeriod, asOf: policy.calendar.publicationDay(onOrBefore: requested))
    }

    /// In words, for the summary: "quarterly, as of 2025-06-30 (reporting period 2025-01-01 to 2025-06-30)".
    package var description: String {
        let period = periodStart.map { "reporting period \($0) to \(asOf)" } ?? "reporting period: each factory's cycle"
        return "\(calendar.rawValue), as of \(asOf) (\(period))"
    }
}

/// A heading of the country's, with the public issues shown under it.
package struct PublicHeading: Sendable, Equatable, Codable {
    package var id: String
    package var titles: [String: String]
    /// Public issue ids, in the order the heading lists them.
    package var issues: [String]

    /// The headings shown on `day`: those in force by then, each with only the issues public
    /// that day; a heading left with no issue is not shown.
    static func shown(_ headings: [Heading], publicIssues: [String], on day: Day) -> [PublicHeading] {
        let isPublic = Set(publicIssues)
        return headings.compactMap { heading in
            if let from = heading.from, day < from { return nil }
            let issues = heading.issues.filter(isPublic.contains)
            return issues.isEmpty ? nil : PublicHeading(id: heading.id, titles: heading.titles, issues: issues)
        }
    }
}

/// A factory as the portal shows it.
public struct PublicFactory: Sendable, Equatable, Codable {
    /// How the portal marks a listed factory.
    public enum Status: String, Sendable, Codable {
        /// No non-compliance on any public issue: the portal's green.
        case compliant
        /// Non-compliant on at least one public issue: its findings are listed.
        case nonCompliant = "non-compliant"
        /// Refused assessment the policy's number of times without an excuse.
        case refused
    }

    /// The factory's id.
    public var id: String
    /// The factory's name.
    public var name: String
    /// What the factory makes.
    public var type: String
    package var country: String
    /// How the portal marks it.
    public var status: Status
    /// The assessment shown (the latest finalised one), if any is.
    public var assessment: PublicAssessment?
    /// Unexcused refusals counted since the assessment shown, for a factory listed as refusing;
    /// nil otherwise (a single refusal is not public).
    public var refusals: Int?
    /// The public issues raised by the assessment shown.
    public var findings: [PublicFinding]
    /// Responses published with the findings; never verified by Better Work.
    public var responses: [PublicResponse]
}

/// The assessment a listed factory is shown with.
public struct PublicAssessment: Sendable, Equatable, Codable {
    /// The assessment's id.
    public var id: String
    /// The day of the visit.
    public var date: Day
    /// How it was carried out, if known.
    public var method: AssessmentMethod
    /// The factory's assessment cycle, from 1.
    public var cycle: Int
}

/// One public issue raised for a factory.
public struct PublicFinding: Sendable, Equatable, Codable {
    /// The public issue's id.
    public var issue: String
    /// The issue's public title in each language.
    public var titles: [String: String]
    /// The category the issue belongs to.
    public var category: IssueCategory
}

/// A published factory response.
public struct PublicResponse: Sendable, Equatable, Codable {
    /// The response's id.
    public var id: String
    /// The issue it answers; nil for a response to the whole assessment.
    public var issue: String?
    /// The day it was given.
    public var date: Day
    /// The factory's words, as moderation let them through.
    public var text: String
    /// File names of what came with it.
    public var attachments: [String]
}

/// The number of listed factories non-compliant on one public issue.
public struct IssueFigure: Sendable, Equatable, Codable {
    /// The public issue's id.
    public var issue: String
    /// The issue's public title in each language.
    public var titles: [String: String]
    /// The category the issue belongs to.
    public var category: IssueCategory
    /// Listed factories whose current assessment raised the issue.
    public var nonCompliantFactories: Int
    /// Listed factories shown with an assessment, the base of the figure.
    public var assessedFactories: Int
    /// In a preview, what about the issue is a draft (the issue, a change, a title), each
    /// with the decision it awaits; empty in a public set.
    package var drafts: [String] = []
}

/// The internal account: every assessment and response once, escalations, the moderation queue.
public struct InternalReport: Sendable, Equatable {
    /// Every input assessment, with what became of it and why.
    public var assessments: [AssessmentAccount]
    /// Zero-tolerance findings to escalate, whatever the portal shows.
    public var escalations: [Escalation]
    /// Every factory response, with what became of it.
    public var responses: [ResponseAccount]
    /// Problems in the data that did not stop the run (warnings).
    public var dataProblems: [Diagnostic]
    /// Every draft left out of the public set, with what it would have changed.
    package var drafts: [DraftAccount] = []
    /// Every factory measured, or not, against each tier of its country.
    package var tiers: [TierMeasure] = []
}

/// A draft left out of the public set: an item of a country's rules that rests on no adopted
/// decision, and what publishing it would have changed on the data.
package struct DraftAccount: Sendable, Equatable {
    package var country: String
    /// `issue`, `title`, `change issue`, `withdraw issue`, `parameter`, `launch`, …
    package var kind: String
    package var id: String
    /// The decision it awaits, or nil for none.
    package var awaits: String?
    /// Plain words: "awaits JO-PROP-2026-02 (proposed)", "no decision".
    package var reason: String
    /// Where it is written, as `path:line`.
    package var location: String
    /// Listed factories whose public entry it would change: shown with the issue, or without
    /// it, where the preview differs from the public set; for a launch, the factories the
    /// country would list; nil where the effect is not counted (a parameter, a policy value).
    package var factoriesAffected: Int?

    /// The drafts of the rule books used, with their effect: the factories whose public
    /// entry differs between the public set and the preview.
    static func accounts(_ books: [RuleBook], public shown: Publication, preview: Publication?) -> [DraftAccount] {
        func findings(_ publication: Publication?, _ code: String) -> [String: Set<String>] {
            guard let country = publication?.countries.first(where: { $0.code == code }) else { return [:] }
            return Dictionary(country.factories.map { ($0.id, Set($0.findings.map(\.issue))) }, uniquingKeysWith: { first, _ in first })
        }
        var result: [DraftAccount] = []
        for book in books.sorted(by: { ($0.country?.code ?? "") < ($1.country?.code ?? "") }) {
            guard let code = book.country?.code else { continue }
            let before = findings(shown, code)
            let after = findings(preview, code)
            let factories = Set(before.keys).union(after.keys)
            for item in book.standing.drafts {
                var affected: Int?
                if item.kind == "launch" {
                    affected = after.count
                } else if let issue = item.issue {
                    affected = factories.filter { id in
                        let listedBoth = before[id] != nil && after[id] != nil
                        let shownBefore = before[id]?.contains(issue) ?? false
                        let shownAfter = after[id]?.contains(issue) ?? false
                        return shownBefore != shownAfter || (item.kind == "title" && listedBoth && shownAfter)
                    }.count
                }
                let line = item.origin.file.location(of: item.origin.span.start).line
                // Named inside the rules root, as the digest names files: the report is the same
                // bytes whatever folder the rules were read from.
                let path = book.files.firstIndex(where: { $0.path == item.origin.file.path }).map { book.rootRelativePaths[$0] }
                    ?? URL(fileURLWithPath: item.origin.file.path).lastPathComponent
                result.append(DraftAccount(country: code, kind: item.kind, id: item.id, awaits: item.standing.draftReason?.awaits,
                                           reason: item.standing.draftReason?.description ?? "", location: "\(path):\(line)",
                                           factoriesAffected: affected))
            }
        }
        return result
    }
}

/// What happened to one input assessment.
public struct AssessmentAccount: Sendable, Equatable {
    /// The outcome.
    public enum Disposition: String, Sendable, Codable {
        /// The current assessment of a listed factory, shown on the portal.
        case shown
        /// Withheld from the portal, for `reason`.
        case withheld
        /// A finalised assessment older than the one shown or withheld.
        case superseded
        /// A refused visit.
        case refusal
    }

    /// Why an assessment is not shown.
    public enum Reason: String, Sendable, Codable {
        /// Fewer assessments count than the policy's minimum (2 by default): a first assessment is never published.
        case firstAssessment = "first-assessment"
        /// Its report was not finalised by the as-of day.
        case notFinalised = "not-finalised"
        /// It took place after the as-of day.
        case afterAsOf = "after-as-of-date"
        /// A critical question has no usable answer: withheld, never shown compliant.
        case incompleteData = "incomplete-data"
        /// The factory left the programme and its last cycle has ended.
        case factoryLeft = "factory-left-cycle-ended"
        /// The country's rules say it publishes nothing.
        case countryPublishesNothing = "country-publishes-nothing"
        /// The country has not launched public reporting (no adopted launch decision by the as-of day).
        case countryNotLaunched = "country-not-launched"
        /// The factory is outside the factories the country's portal covers (its `scope`).
        case outOfScope = "out-of-scope"
        /// A refused visit that counts towards listing the factory as refusing.
        case refusalCounted = "refusal-counted"
        /// A refused visit with a reason the policy excuses.
        case refusalExcused = "refusal-excused"
        /// A refused visit before the assessment now current: it no longer counts.
        case refusalBeforeCurrent = "refusal-before-current-assessment"
    }

    /// The assessment's id.
    public var assessment: String
    /// The factory's id.
    public var factory: String
    /// The factory's country code.
    public var country: String
    /// The day of the visit.
    public var date: Day
    /// What became of it.
    public var disposition: Disposition
    /// Why it is not shown; nil when it is.
    public var reason: Reason?
    /// Plain words for people: the reason in detail (missing questions, the cycle end, …).
    public var detail: String
    /// The public issues the assessment raises (for completed assessments), shown or not.
    public var raisedIssues: [String]
}

/// A zero-tolerance case for the Ministry of Labour. Never public.
public struct Escalation: Sendable, Equatable {
    /// The factory's country code.
    public var country: String
    /// The factory's id.
    public var factory: String
    /// The factory's name.
    public var factoryName: String
    /// The id of the assessment that found it.
    public var assessment: String
    /// The day of that assessment.
    public var assessedOn: Day
    /// The zero-tolerance category's id (`ZT-CHILD-LABOUR`).
    public var category: String
    /// The category's English title.
    public var categoryTitle: String
    /// The questions answered non-compliant that hit the category.
    public var questions: [String]
    /// Hours allowed by the protocol, if the rules give them; nil means "immediately": the
    /// generic protocol asks for immediate reporting and sets no number of hours.
    public var deadlineHours: Int?
    /// The last day to report, counting from the assessment day; nil when the report is due
    /// immediately.
    public var dueBy: Day?
    /// The protocol's steps for this case, in order, each with its last day.
    package var steps: [EscalationStepDue] = []
}

/// One step of an escalation, as the internal report gives it.
package struct EscalationStepDue: Sendable, Equatable {
    package var step: String
    /// Who acts: `better-work`, `ministry`, `factory`.
    package var actors: [String]
    /// The protocol's time in words: "within 48 hours of notification".
    package var limit: String
    /// Hours from the start of the assessment day; nil when no time is set.
    package var dueHours: Int?
    /// The last day; nil when no time is set.
    package var dueBy: Day?
}

/// What happened to one factory response.
public struct ResponseAccount: Sendable, Equatable {
    /// What became of a response.
    public enum Disposition: String, Sendable, Codable {
        /// Shown on the portal beside its finding.
        case published
        /// Held for human moderation; never published automatically.
        case held
        /// Not shown: it does not belong to a finding on the portal.
        case notShown = "not-shown"
    }

    /// The response's id.
    public var response: String
    /// The factory's id.
    public var factory: String
    /// The id of the assessment it answers.
    public var assessment: String
    /// What became of it.
    public var disposition: Disposition
    /// Why: the moderation rules that flagged it, or why it is not shown.
    public var reasons: [String]
    /// The response text, for moderators (internal report only).
    public var text: String
}
