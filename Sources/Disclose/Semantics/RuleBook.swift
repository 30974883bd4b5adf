import Foundation

/// The checked, immutable result of reading a set of rule files.
///
/// Nothing downstream of the checker sees a syntax tree: the evaluator accepts only a
/// rule book, and a rule book exists only if checking found no errors.
public struct RuleBook: Sendable {
    /// The country this rule book publishes for, if its root file is a country file.
    public let country: Country?
    /// The CAT catalogue: every question known, in declaration order; `Question.index` is the position here.
    package let questions: [Timeline<Question>]
    /// Question index by id.
    package let questionIndex: [String: Int]
    /// Clusters by id, in declaration order.
    package let clusters: [Cluster]
    /// Compliance points, in declaration order.
    package let points: [CompliancePoint]
    /// Public issues by id, in declaration order; withdrawn periods included.
    package let issues: [Timeline<IssueState>]
    /// Parameters by name.
    package let parameters: [String: Timeline<ParameterValue>]
    /// Publication policy settings.
    package let policy: [PolicySetting: Timeline<PolicyValue>]
    /// Zero-tolerance categories, in declaration order.
    package let zeroTolerance: [Timeline<ZeroToleranceCategory>]
    /// PAC decisions known to this rule book, by id.
    package let decisions: [String: Decision]
    /// Rules that hold a factory response for human moderation.
    package let moderation: [ModerationRule]
    /// Programme-wide constraints every country must meet.
    package let constraints: [Constraint]
    /// The choices the country file makes, with the decisions they cite.
    package let choices: [CountryChoice]
    /// Examples written in the rule files.
    package let examples: [Example]
    /// Every file read, in the order read.
    package let files: [SourceFile]
    /// The path of each of `files` relative to the rules root, whatever the working folder:
    /// what the rules digest names (`SourceFile.path` is relative to the working folder).
    package let rootRelativePaths: [String]
    /// The country's launch, and the standing of every item that could reach a public output.
    package internal(set) var standing: PublicStanding = .none
    /// The country's own headings over its public issues, in file order: for display only.
    package internal(set) var headings: [Heading] = []
    /// The country's tiers: public lists computed over its factories, in file order.
    package internal(set) var tiers: [Tier] = []
    /// The factory attributes conditions may test, in declaration order; `RuleCondition.attribute` indexes this.
    package internal(set) var attributes: [FactoryAttribute] = []
    /// Which factories the country's portal covers; nil: all of them.
    package internal(set) var scope: PortalScope? = nil

    /// The question with id `id` as in force on `day`.
    public func question(_ id: String, on day: Day) -> Question? {
        questionIndex[id].flatMap { questions[$0].value(on: day) }
    }

    /// The value of a parameter in force on `day`.
    public func parameter(_ name: String, on day: Day) -> ParameterValue? {
        parameters[name]?.value(on: day)
    }

    /// The public issues in force on `day`, in declaration order.
    public func publicIssues(on day: Day) -> [Issue] {
        issues.compactMap { timeline in
            if case .inForce(let issue)? = timeline.value(on: day) { return issue }
            return nil
        }
    }

    /// The questions `issue`'s condition reads, as in force on `day`, in the order it reads them:
    /// what a tool asks for to evaluate the issue, without the condition's syntax.
    public func questions(readBy issue: Issue, on day: Day) -> [Question] {
        var seen = Set<Int>()
        return issue.condition.questions.compactMap { index in
            seen.insert(index).inserted ? questions[index].value(on: day) : nil
        }
    }

    /// The publication policy in force on `day`.
    package func publicationPolicy(on day: Day) -> PublicationPolicy {
        var result = PublicationPolicy.portalDefault
        for (setting, timeline) in policy {
            guard let value = timeline.value(on: day) else { continue }
            result.set(setting, value)
        }
        return result
    }
}

/// The country a rule book publishes for.
public struct Country: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 code, such as `KH`.
    public var code: String
    /// Its name in each language.
    public var titles: [String: String]
    /// The languages the portal shows for it, in order; the first is the default.
    public var languages: [String]
    /// Whether the PAC has decided its list, or it is still a draft.
    public var status: CountryStatus
    /// The decision behind a decided list.
    package var decision: String?
    /// True for a programme that publishes no factory findings at all.
    package var publishesNothing: Bool
    /// Why, when it publishes nothing.
    package var reason: String?
    /// Where the `country` declaration is.
    package var origin: SourceRange
}

/// A heading under which a country shows some of its public issues (BFC's "Contracts"):
/// display only, the issues keep their categories.
package struct Heading: Sendable {
    package var id: String
    /// The heading in each of the country's languages.
    package var titles: [String: String]
    /// The public issues under it, in the order written.
    package var issues: [String]
    /// The decision it rests on.
    package var decision: String?
    /// In the public view: the day from which it is shown (its decision's day).
    package var from: Day?
    package var origin: SourceRange
}

/// A named public list computed over a country's factories, not one assessment at a time:
/// Better Factories Cambodia's low-compliance factories, and its union compliance.
package struct Tier: Sendable {
    /// Whose compliance the tier measures.
    package enum Subject: String, Sendable, CaseIterable, Codable {
        /// The factory's own: its findings.
        case factory
        /// The union's at the factory: never counted against the factory's own findings.
        case union
    }

    /// When a measured factory is named.
    package enum Threshold: Sendable, Hashable {
        /// Its rate is more than this many population standard deviations below the mean rate.
        case deviationsBelowMean(Int)
        /// Its rate is below this percentage.
        case rateBelow(percent: Int)

        /// In words: "more than 2 standard deviations below the mean", "below 100%".
        package var phrase: String {
            switch self {
            case .deviationsBelowMean(let count): "more than \(count) standard deviation\(count == 1 ? "" : "s") below the mean"
            case .rateBelow(let percent): "below \(percent)%"
            }
        }
    }

    package var id: String
    package var titles: [String: String]
    package var subject: Subject
    /// Finalised assessments a factory needs by the publication day to be measured.
    package var minimumAssessments: Int
    /// The requirements: catalogue question indices, in the order written.
    package var questions: [Int]
    package var threshold: Threshold
    /// The decision it rests on.
    package var decision: String?
    /// In the public view: the day from which it is published (its decision's day).
    package var from: Day?
    package var origin: SourceRange
}

/// A column of the factories table that conditions may test (`attribute sector`), with the
/// values it may have. Values are compared without regard to case or surrounding spaces.
package struct FactoryAttribute: Sendable {
    /// The optional columns of the factories table that can be declared as attributes.
    package static let columns = ["sector", "province", "export_licence"]

    /// The column's name, such as `sector`.
    package var name: String
    /// The values declared, as written.
    package var values: [String]
    package var titles: [String: String]
    package var origin: SourceRange

    /// The declared value a data value stands for (compared in lower case, trimmed), if any.
    package func declaredValue(_ text: String) -> String? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        return values.first { $0.lowercased() == key }
    }
}

/// Which factories a country's portal covers (`scope`): the others are evaluated and escalated
/// as usual, but withheld publicly as `out-of-scope`.
package struct PortalScope: Sendable {
    package var id: String
    /// A condition on factory attributes only.
    package var condition: RuleCondition
    /// The condition as written, for the internal report.
    package var conditionText: String
    package var decision: String?
    package var origin: SourceRange

    /// Whether a factory with these attribute values (by attribute index; nil: missing or not
    /// a declared value) is covered; nil when a value the condition reads is missing, so that
    /// coverage cannot be told.
    package func covers(_ values: [String?]) -> Bool? {
        func evaluate(_ condition: RuleCondition) -> Bool? {
            switch condition {
            case .attribute(let index, let value):
                guard let actual = values[index] else { return nil }
                return actual.lowercased() == value.lowercased()
            case .not(let inner): return evaluate(inner).map { !$0 }
            case .and(let parts):
                let results = parts.map(evaluate)
                if results.contains(false) { return false }
                return results.contains(nil) ? nil : true
            case .or(let parts):
                let results = parts.map(evaluate)
                if results.contains(true) { return true }
                return results.contains(nil) ? nil : false
            case .status, .quantified, .answer, .comparison: return nil
            }
        }
        return evaluate(condition)
    }
}

/// Whether a country's list rests on a PAC decision yet.
public enum CountryStatus: String, Sendable, CaseIterable, Equatable, Codable {
    /// Its rules rest on adopted PAC decisions.
    case decided
    /// Its rules are a draft: it publishes nothing yet.
    case draft
}

/// One of the CAT's eight clusters.
package struct Cluster: Sendable {
    package var id: String
    package var titles: [String: String]
    package var origin: SourceRange
}

/// A compliance point inside a cluster.
package struct CompliancePoint: Sendable {
    package var id: String
    package var cluster: String
    package var titles: [String: String]
    package var origin: SourceRange
}

/// The kind of answer a question takes.
public enum AnswerKind: Sendable, Hashable, CustomStringConvertible {
    /// `yes` or `no`.
    case yesNo
    /// A number, in the unit named (`years`, `hours`).
    case number(unit: String)
    /// A date, `YYYY-MM-DD`.
    case date
    /// One of the options listed, written as they are.
    case choice([String])

    public var description: String {
        switch self {
        case .yesNo: "yes-no"
        case .number(let unit): "a number in \(unit)"
        case .date: "a date"
        case .choice(let options): "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

/// A number with its unit, a date, or a parameter to look up on the day of evaluation.
public enum Operand: Sendable, Hashable {
    /// A number, with its unit if it has one.
    case number(Double, unit: String?)
    /// A day.
    case date(Day)
    /// A parameter, by name, whose value on the assessment's day is compared with.
    case parameter(String)
}

/// Which answers to a question are non-compliant.
public enum Violation: Sendable, Hashable {
    /// Answering `yes` is non-compliant.
    case yes
    /// Answering `no` is non-compliant.
    case no
    /// An answer that compares so with the operand is non-compliant (`below 15 years`).
    case comparison(Comparison, Operand)
    /// Answering one of these options is non-compliant.
    case choices(Set<String>)
    /// No answer is a violation: an informational question, read by conditions (the sector, whether child labour was remediated).
    case informational
}

/// A CAT question as in force during one period.
public struct Question: Sendable, Equatable {
    /// The question's id in the catalogue (`CHL-LAB-02`).
    public var id: String
    /// Its position in `RuleBook.questions`: answers are looked up by this, not by id.
    package var index: Int
    package var point: String
    /// Its wording in each language.
    public var texts: [String: String]
    /// The legal reference behind it, if the rules give one.
    public var legal: String?
    /// What kind of answer it takes.
    public var answer: AnswerKind
    /// Which answers are non-compliant.
    public var violation: Violation
    /// Whether `not-applicable` is an answer it accepts.
    public var allowsNotApplicable: Bool
    package var documentation: [String]
    /// Where it is declared, and where a country changed it.
    package var origin: SourceRange
    package var changes: [Provenance]
    /// When an answer is required (`required when`): while this holds, a missing or
    /// not-applicable answer makes the assessment incomplete data for the issues that read it.
    package var requiredWhen: RuleCondition? = nil
    /// `requiredWhen` as written, for explanations.
    package var requiredWhenText: String? = nil
}

/// Where a country-level choice was made and the decision it rests on.
package struct Provenance: Sendable, Equatable {
    package var origin: SourceRange
    package var decision: String?
    package var reason: String?
}

/// The fixed set of categories a public issue belongs to.
public enum IssueCategory: String, Sendable, CaseIterable, Comparable, Equatable, Codable {
    /// Freedom of association and collective bargaining.
    case freedomOfAssociation = "freedom-of-association"
    /// Forced labour.
    case forcedLabour = "forced-labour"
    /// Child labour.
    case childLabour = "child-labour"
    /// Discrimination.
    case discrimination
    /// Wages and benefits.
    case wages
    /// Occupational safety and health; working time issues go here too.
    case safetyAndHealth = "safety-and-health"
    /// Workplace dialogue.
    case workplaceDialogue = "workplace-dialogue"
    /// An issue of the country's own, outside the mandatory categories.
    case countrySpecific = "country-specific"

    /// Categories every publishing country must cover (or explain).
    package var isMandatory: Bool { self != .countrySpecific }

    public static func < (lhs: IssueCategory, rhs: IssueCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A checked condition, with questions referred to by index.
package indirect enum RuleCondition: Sendable, Hashable {
    case status(question: Int, QuestionStatus)
    case quantified(Quantifier, questions: [Int], QuestionStatus)
    case answer(question: Int, AnswerTest)
    case comparison(question: Int, Comparison, Operand)
    /// A factory attribute (index into `RuleBook.attributes`) has a declared value.
    case attribute(Int, String)
    case not(RuleCondition)
    case and([RuleCondition])
    case or([RuleCondition])

    /// Every question the condition reads.
    package var questions: [Int] {
        switch self {
        case .status(let question, _), .answer(let question, _), .comparison(let question, _, _): [question]
        case .quantified(_, let questions, _): questions
        case .attribute: []
        case .not(let inner): inner.questions
        case .and(let parts), .or(let parts): parts.flatMap(\.questions)
        }
    }

    /// Every factory attribute the condition reads, by index into `RuleBook.attributes`.
    package var attributes: [Int] {
        switch self {
        case .attribute(let index, _): [index]
        case .status, .quantified, .answer, .comparison: []
        case .not(let inner): inner.attributes
        case .and(let parts), .or(let parts): parts.flatMap(\.attributes)
        }
    }
}

/// A test of a question's raw answer.
package enum AnswerTest: Sendable, Hashable {
    case yes, no
    case choice(String)
}

/// A public issue as in force during one period.
public struct Issue: Sendable, Equatable {
    /// The issue's id (`KH-01`).
    public var id: String
    /// Public title in each language.
    public var titles: [String: String]
    /// The category it belongs to.
    public var category: IssueCategory
    package var condition: RuleCondition
    /// The condition as written, for explanations.
    package var conditionText: String
    package var documentation: [String]
    /// Where it is declared.
    package var origin: SourceRange
    /// The decision it rests on, for a country's own issue.
    package var decision: String?
    /// Country changes applied to it, in order.
    package var changes: [Provenance]
}

/// Whether an issue is in force or withdrawn during a period.
package enum IssueState: Sendable {
    case inForce(Issue)
    /// Withdrawn by the country: the issue as it was, and the choice that withdrew it.
    case withdrawn(Issue, Provenance)

    /// The issue's id.
    package var id: String {
        switch self {
        case .inForce(let issue): issue.id
        case .withdrawn(let issue, _): issue.id
        }
    }
}

/// A parameter's value.
public enum ParameterValue: Sendable, Hashable {
    /// A number, with its unit if it has one.
    case quantity(Double, unit: String?)
    /// A day.
    case date(Day)
    /// `yes` or `no`.
    case flag(Bool)
    /// A text.
    case text(String)
    /// A list of words.
    case words([String])
    /// Different values by a factory attribute (`value 300 hours for sector "garment"`): by
    /// declared value, and for every other value (`otherwise`, nil when every value is listed).
    indirect case byAttribute(attribute: String, values: [String: ParameterValue], otherwise: ParameterValue?)

    /// A value of the kind it holds: itself, or for values by attribute one of them.
    package var representative: ParameterValue {
        if case .byAttribute(_, let values, let otherwise) = self {
            return otherwise ?? values.keys.sorted().first.flatMap { values[$0] } ?? self
        }
        return self
    }
}

/// The publication policy settings the language knows.
package enum PolicySetting: String, Sendable, CaseIterable {
    case minimumAssessments = "minimum-assessments"
    case refusalsToList = "refusals-to-list"
    case excusedRefusalReasons = "excused-refusal-reasons"
    case exitRetention = "exit-retention"
    case cycleLength = "cycle-length"
    case greenHighlight = "green-highlight"
    case publicationCalendar = "publication-calendar"
    case reportingPeriod = "reporting-period"

    /// What a value must look like, for messages.
    package var expected: String {
        switch self {
        case .minimumAssessments, .refusalsToList: "a whole number such as `2`"
        case .excusedRefusalReasons: "reasons from: " + RefusalReason.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        case .exitRetention: "`until-cycle-end` or `none`"
        case .cycleLength: "a length such as `12 months`"
        case .greenHighlight: "`yes` or `no`"
        case .publicationCalendar: "`continuous`, `quarterly` or `monthly`"
        case .reportingPeriod: "`calendar-year` or `factory-cycle`"
        }
    }
}

/// Why a factory refused an assessment, as the policy distinguishes them.
public enum RefusalReason: String, Sendable, CaseIterable, Equatable {
    /// No reason given.
    case none
    /// Force majeure: the visit could not take place for reasons beyond the factory's control.
    case forceMajeure = "force-majeure"
    /// Several other (non-Better-Work) audits at the factory on the same day.
    case otherAuditsSameDay = "other-audits-same-day"
}

/// A checked policy value.
package enum PolicyValue: Sendable, Hashable {
    case count(Int)
    case reasons(Set<RefusalReason>)
    case retention(ExitRetention)
    case months(Int)
    case flag(Bool)
    case calendar(PublicationCalendar)
    case period(ReportingPeriod)
}

/// When a country publishes: whenever the data is published (the portal), or on fixed days.
package enum PublicationCalendar: String, Sendable, CaseIterable, Equatable, Codable {
    /// On the day asked for.
    case continuous
    /// On the last day of March, June, September and December.
    case quarterly
    /// On the last day of each month.
    case monthly

    /// The last publication day on or before `day`: the day itself when publishing
    /// continuously, otherwise the last quarter's or month's end that is not after it.
    package func publicationDay(onOrBefore day: Day) -> Day {
        let (year, month, _) = day.parts
        switch self {
        case .continuous:
            return day
        case .monthly:
            let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            return end == day ? day : Day(year: year, month: month, day: 1)!.adding(days: -1)
        case .quarterly:
            let quarterEndMonth = (month + 2) / 3 * 3
            let end = Day(year: year, month: quarterEndMonth, day: Day.daysIn(month: quarterEndMonth, year: year))!
            return end == day ? day : Day(year: year, month: quarterEndMonth - 2, day: 1)!.adding(days: -1)
        }
    }
}

/// The period a country's publication reports on.
package enum ReportingPeriod: String, Sendable, CaseIterable, Equatable, Codable {
    /// 1 January to 31 December, as Better Factories Cambodia's Public Reporting Database reports.
    case calendarYear = "calendar-year"
    /// Each factory's own service cycle (the portal's default).
    case factoryCycle = "factory-cycle"
}

/// How long a factory that left the programme stays listed.
package enum ExitRetention: String, Sendable, CaseIterable {
    case untilCycleEnd = "until-cycle-end"
    case none
}

/// The publication policy in force on a day.
package struct PublicationPolicy: Sendable, Hashable {
    package var minimumAssessments: Int
    package var refusalsToList: Int
    package var excusedRefusalReasons: Set<RefusalReason>
    package var exitRetention: ExitRetention
    package var cycleLengthMonths: Int
    package var greenHighlight: Bool
    /// When the country publishes (portal: continuously).
    package var calendar: PublicationCalendar = .continuous
    /// What its publication reports over (portal: each factory's cycle).
    package var reportingPeriod: ReportingPeriod = .factoryCycle

    /// The portal's published policy, used for a setting no rule file declares.
    package static let portalDefault = PublicationPolicy(
        minimumAssessments: 2, refusalsToList: 2, excusedRefusalReasons: [.forceMajeure, .otherAuditsSameDay],
        exitRetention: .untilCycleEnd, cycleLengthMonths: 12, greenHighlight: true)

    mutating func set(_ setting: PolicySetting, _ value: PolicyValue) {
        switch (setting, value) {
        case (.minimumAssessments, .count(let count)): minimumAssessments = count
        case (.refusalsToList, .count(let count)): refusalsToList = count
        case (.excusedRefusalReasons, .reasons(let reasons)): excusedRefusalReasons = reasons
        case (.exitRetention, .retention(let retention)): exitRetention = retention
        case (.cycleLength, .months(let months)): cycleLengthMonths = months
        case (.greenHighlight, .flag(let flag)): greenHighlight = flag
        case (.publicationCalendar, .calendar(let calendar)): self.calendar = calendar
        case (.reportingPeriod, .period(let period)): reportingPeriod = period
        default: break
        }
    }
}

/// A category of the zero-tolerance protocol, as in force during one period.
package struct ZeroToleranceCategory: Sendable {
    package var id: String
    package var titles: [String: String]
    /// Questions whose non-compliance triggers an escalation.
    package var questions: [Int]
    /// Hours within which the case must reach the Ministry of Labour; nil (no `deadline`)
    /// means immediately, with no number of hours set, as the generic protocol asks.
    package var deadlineHours: Int?
    package var origin: SourceRange
    package var changes: [Provenance]
    /// The protocol's steps, in order (empty for a category written with `deadline` or
    /// neither): who acts, and how soon.
    package var steps: [EscalationStep] = []
}

/// One step of a zero-tolerance escalation: who acts, and by when.
package struct EscalationStep: Sendable, Hashable {
    /// What the time of a step counts from.
    package enum Anchor: String, Sendable, CaseIterable {
        /// The day of the assessment that found the case.
        case assessment
        /// The category's first step: Better Work notifying the Ministry.
        case notification
        /// The step just before.
        case previousStep = "previous-step"
    }

    /// How soon the step is due.
    package enum Limit: Sendable, Hashable {
        /// When what it counts from happens (the assessment day, for a first step).
        case immediately
        /// A number of hours after what it counts from.
        case within(hours: Int, of: Anchor)
    }

    /// Who may act in a step.
    package enum Actor: String, Sendable, CaseIterable {
        case betterWork = "better-work"
        case ministry
        case factory
    }

    package var id: String
    package var actors: [Actor]
    /// Nil when the protocol gives the step no time.
    package var limit: Limit?
    /// Hours from the start of the assessment day by which the step is due; nil when the step,
    /// or one it counts from, has no time limit.
    package var dueHours: Int?

    /// The limit in words: "immediately", "within 48 hours of notification", "no time limit set".
    package var phrase: String {
        switch limit {
        case .immediately?: "immediately"
        case .within(let hours, let anchor)?: "within \(hours) hours of \(anchor.rawValue)"
        case nil: "no time limit set"
        }
    }

    /// The last day the step is due, for a case found on `day`: hours rounded up to whole days.
    package func dueBy(assessedOn day: Day) -> Day? {
        dueHours.map { day.adding(days: ($0 + 23) / 24) }
    }
}

/// A rule that holds factory responses for human moderation: words per language, and patterns.
package struct ModerationRule: Sendable {
    package var id: String
    /// Why a response is held, in each language: shown to the moderator.
    package var titles: [String: String]
    /// Words and phrases, lowercase, by language.
    package var words: [String: [String]]
    /// Words that come before a person's name (titles, kinship terms, "contact"), by language.
    package var nameCues: [String: [String]]
    /// Regular expressions (ICU syntax), matched anywhere in the text.
    package var patterns: [String]
    package var origin: SourceRange
}

/// A PAC decision from a country's register.
package struct Decision: Sendable {
    package var id: String
    package var titles: [String: String]
    package var status: DecisionStatus
    package var supersededBy: String?
    /// When it was taken (or proposed), as precisely as its source gives it.
    package var date: PartialDate?
    package var source: String?
    package var covers: [String]
    /// Issues it makes public, withdraws, or whose titles it rewords.
    package var publishes: [String]
    package var withdraws: [String]
    package var rewords: [String]
    package var origin: SourceRange
    /// Where each id is written in each clause, so that a message about one points at it.
    package var itemOrigins: [DecisionClause: [String: SourceRange]] = [:]

    /// The clauses of a decision that list ids.
    package enum DecisionClause: Sendable, Hashable {
        case covers, publishes, withdraws, rewords
    }

    /// Every item it decides, of any kind.
    package var decidedItems: Set<String> { Set(covers + publishes + withdraws + rewords) }

    /// Where `item` is written in `clause`, or the decision's name.
    package func origin(of item: String, in clause: DecisionClause) -> SourceRange {
        itemOrigins[clause]?[item] ?? origin
    }
}

/// A programme-wide constraint, declared once in rules/ and checked for every country.
package struct Constraint: Sendable {
    package var id: String
    package var titles: [String: String]
    package var requirements: [Requirement]
    package var origin: SourceRange
}

/// What a constraint requires.
package enum Requirement: Sendable, Hashable {
    /// The checks the validator knows.
    package enum Check: String, Sendable, CaseIterable {
        /// Every mandatory category is covered, or omitted by a decision.
        case categoriesCovered = "categories-covered"
    }

    case check(Check)
    case policy(PolicySetting, Comparison, Double)
}

/// A choice a country file makes: what it declares or changes, and the decision it cites.
package struct CountryChoice: Sendable {
    /// The declaration kind (`issue`, `withdraw issue`, `titles`, …).
    package var kind: DeclarationKind
    /// The item's id, and for `titles` the issue ids of its entries after the language code.
    package var items: [String]
    package var decision: String?
    /// Where `decided by` names the decision.
    package var decisionCitation: SourceRange?
    /// The first day the choice is in force, when dated.
    package var from: Day?
    /// The last day, when dated.
    package var until: Day?
    /// The reason given, if any.
    package var reason: String?
    /// What it sets, clause by clause (`value 16 years`, `title km`, `raised when`).
    package var changes: [String]
    /// True for a choice that sets public titles (a `titles` block, a `change issue` with titles).
    package var renamesTitles: Bool
    package var origin: SourceRange
}

/// Where a PAC decision stands.
package enum DecisionStatus: String, Sendable, CaseIterable, Equatable, Codable {
    case adopted, proposed, rejected, superseded
}

/// An example written in a rule file: given these answers on this day, these issues are raised.
package struct Example: Sendable {
    package var name: String
    package var day: Day
    /// Answers by question index.
    package var answers: [Int: Answer]
    /// The issue ids expected, sorted.
    package var expected: [String]
    package var origin: SourceRange
    /// The factory's attributes given (`given factory sector "garment"`), by name.
    package var factory: [String: String] = [:]
}

/// A raw answer to a CAT question.
package enum Answer: Sendable, Hashable {
    case yes, no, notApplicable
    case number(Double)
    case date(Day)
    case choice(String)
}
