/// An id, a language code, a unit or another bare word, where it was written.
package struct Name: Hashable, Sendable {
    /// The word as written.
    package var text: String
    /// Where.
    package var span: Span

    /// Creates a name.
    package init(_ text: String, _ span: Span) {
        self.text = text
        self.span = span
    }
}

/// A double-quoted text, decoded, where it was written.
package struct TextLiteral: Hashable, Sendable {
    /// The decoded text.
    package var text: String
    /// Where, quotes included.
    package var span: Span
}

/// A `YYYY-MM-DD` date where it was written.
package struct DateLiteral: Hashable, Sendable {
    /// The day.
    package var day: Day
    /// Where.
    package var span: Span
}

/// The date of an `on` clause where it was written: a day, or for a decision possibly only a
/// month (`2014-10`) or a year (`2014`).
package struct PartialDateLiteral: Hashable, Sendable {
    /// The date, with its precision.
    package var date: PartialDate
    /// Where.
    package var span: Span
}

/// A comment, kept so that the formatter can put it back.
package struct Comment: Hashable, Sendable {
    /// The text after `#` (or after `##` for documentation).
    package var text: String
    /// True for `##` comments, which document the declaration below them.
    package var isDocumentation: Bool
    /// Where.
    package var span: Span
    /// True when a blank line follows, which the formatter keeps.
    package var isFollowedByBlankLine: Bool
}

/// The kinds of item a country can change or withdraw.
package enum ItemKind: String, Hashable, Sendable, CaseIterable {
    case question, parameter, issue, policy
    case zeroTolerance = "zero-tolerance"
}

/// What a declaration declares; the keyword or keywords that start it.
package enum DeclarationKind: Hashable, Sendable {
    case include, country, cluster, point, question, parameter, issue, policy, zeroTolerance
    case titles, example, decision, moderation, constraint
    /// `heading ID`: a country's own heading over some of its public issues, for display only.
    case heading
    /// `tier ID`: a named public list computed over a country's factories (BFC's low compliance).
    case tier
    /// `attribute NAME`: a column of the factories table that conditions may test, with its values.
    case attribute
    /// `scope ID`: which of a country's factories its portal covers.
    case scope
    /// `omit category CATEGORY`: a mandatory category a country deliberately does not publish.
    case omitCategory
    /// `omit constraint ID`: a programme-wide constraint a country's PAC has decided not to meet.
    case omitConstraint
    case change(ItemKind)
    case withdraw(ItemKind)

    /// The keywords as written, for messages and the formatter.
    package var spelling: String {
        switch self {
        case .include: "include"
        case .country: "country"
        case .cluster: "cluster"
        case .point: "point"
        case .question: "question"
        case .parameter: "parameter"
        case .issue: "issue"
        case .policy: "policy"
        case .zeroTolerance: "zero-tolerance"
        case .titles: "titles"
        case .example: "example"
        case .decision: "decision"
        case .moderation: "moderation"
        case .constraint: "constraint"
        case .heading: "heading"
        case .tier: "tier"
        case .attribute: "attribute"
        case .scope: "scope"
        case .omitCategory: "omit category"
        case .omitConstraint: "omit constraint"
        case .change(let item): "change \(item.rawValue)"
        case .withdraw(let item): "withdraw \(item.rawValue)"
        }
    }
}

/// One declaration: a header line and its clauses.
package struct Declaration: Hashable, Sendable {
    /// What it declares.
    package var kind: DeclarationKind
    /// The keyword or keywords that start it.
    package var keywordSpan: Span
    /// The id it declares, or the quoted path of an `include` or name of an `example`.
    package var name: Name?
    /// The `in` part of a `point` or `question` header.
    package var parent: Name?
    /// The clauses, in the order written.
    package var clauses: [Clause]
    /// Comments on the lines above it.
    package var comments: [Comment]
    /// A comment at the end of the header line.
    package var trailingComment: Comment?
    /// From the keyword to the end of the last clause.
    package var span: Span
    /// False when a clause could not be read; the checker then does not call
    /// required clauses missing, since the broken one may be that clause.
    package var isComplete: Bool = true

    /// The text of its `##` documentation comments, one line each.
    package var documentation: [String] {
        comments.filter(\.isDocumentation).map { $0.text.trimmingLeadingSpace() }
    }
}

/// One clause of a declaration.
package struct Clause: Hashable, Sendable {
    /// What it says.
    package var body: ClauseBody
    /// The keyword that starts it (the id, for an entry of `titles`).
    package var keywordSpan: Span
    /// From the keyword to the end of the clause.
    package var span: Span
    /// Comments on the lines above it.
    package var comments: [Comment] = []
    /// A comment at the end of its last line.
    package var trailingComment: Comment?
}

/// The things a clause can say.
package enum ClauseBody: Hashable, Sendable {
    case title(language: Name, text: TextLiteral)
    case text(language: Name, text: TextLiteral)
    case legal(TextLiteral)
    case answer(AnswerSyntax)
    case nonCompliant(ViolationSyntax)
    case notApplicableAllowed
    case category(Name)
    case raised(Condition)
    case questions([Name])
    case deadline(quantity: Double, unit: Name)
    case value(ValueSyntax)
    case reason(TextLiteral)
    case decidedBy(Name)
    case from(DateLiteral)
    case until(DateLiteral)
    case languages([Name])
    case status(Name, by: Name?)
    case publishesNothing
    case given([GivenAnswer])
    case expect([Name])
    case on(PartialDateLiteral)
    case source(TextLiteral)
    case covers([Name])
    case entry(Name, TextLiteral)
    case words(language: Name, [TextLiteral])
    /// In a moderation rule: words that come before a person's name, in one language.
    case nameCues(language: Name, [TextLiteral])
    case pattern(TextLiteral)
    /// In a decision: the issues it makes public.
    case publishes([Name])
    case withdraws([Name])
    case rewords([Name])
    case requires(RequirementSyntax)
    /// In a question: when an answer other than not-applicable is needed.
    case required(Condition)
    /// In a heading: the public issues shown under it, in order.
    case issues([Name])
    /// In a zero-tolerance category: one step of its escalation.
    case step(StepSyntax)
    /// In a tier: whose compliance it measures (`factory`, `union`).
    case concerns(Name)
    /// In a tier: how many finalised assessments a factory needs to be measured.
    case assessments(Double, span: Span)
    /// In a tier: when a factory is named.
    case threshold(ThresholdSyntax)
    /// In an attribute: the values a factory may have.
    case values([TextLiteral])
    /// In a scope: the factories the country's portal covers.
    case coversWhen(Condition)

    /// The clause's keyword as written, for messages (`title`, `raised when`, …).
    package var keyword: String { kind.keyword }

    /// Which clause this is, without what it says: what the checker compares.
    var kind: ClauseKind {
        switch self {
        case .title: .title
        case .text: .text
        case .legal: .legal
        case .answer: .answer
        case .nonCompliant: .nonCompliant
        case .notApplicableAllowed: .notApplicableAllowed
        case .category: .category
        case .raised: .raised
        case .questions: .questions
        case .deadline: .deadline
        case .value: .value
        case .reason: .reason
        case .decidedBy: .decidedBy
        case .from: .from
        case .until: .until
        case .languages: .languages
        case .status: .status
        case .publishesNothing: .publishesNothing
        case .given: .given
        case .expect: .expect
        case .on: .on
        case .source: .source
        case .covers: .covers
        case .entry: .entry
        case .words: .words
        case .nameCues: .nameCues
        case .pattern: .pattern
        case .publishes: .publishes
        case .withdraws: .withdraws
        case .rewords: .rewords
        case .requires: .requires
        case .required: .required
        case .issues: .issues
        case .step: .step
        case .concerns: .concerns
        case .assessments: .assessments
        case .threshold: .threshold
        case .values: .values
        case .coversWhen: .coversWhen
        }
    }
}

/// The kinds of clause, one for each case of `ClauseBody`.
enum ClauseKind: UInt8, CaseIterable, Sendable {
    case title, text, legal, answer, nonCompliant, notApplicableAllowed, category, raised,
        questions, deadline, value, reason, decidedBy, from, until, languages, status,
        publishesNothing, given, expect, on, source, covers, entry, words, pattern, publishes,
        withdraws, rewords, requires, required, nameCues, issues, step, concerns, assessments, threshold, values, coversWhen

    /// The keyword as written (`title`, `raised when`, …).
    var keyword: String {
        switch self {
        case .title: "title"
        case .text: "text"
        case .legal: "legal"
        case .answer: "answer"
        case .nonCompliant: "non-compliant when"
        case .notApplicableAllowed: "not-applicable allowed"
        case .category: "category"
        case .raised: "raised when"
        case .questions: "questions"
        case .deadline: "deadline"
        case .value: "value"
        case .reason: "reason"
        case .decidedBy: "decided by"
        case .from: "from"
        case .until: "until"
        case .languages: "languages"
        case .status: "status"
        case .publishesNothing: "publishes nothing"
        case .given: "given"
        case .expect: "expect"
        case .on: "on"
        case .source: "source"
        case .covers: "covers"
        case .entry: "title entry"
        case .words: "words"
        case .nameCues: "name-cues"
        case .pattern: "pattern"
        case .publishes: "publishes"
        case .withdraws: "withdraws"
        case .rewords: "rewords"
        case .requires: "requires"
        case .required: "required when"
        case .issues: "issues"
        case .step: "step"
        case .concerns: "concerns"
        case .assessments: "assessments at least"
        case .threshold: "threshold"
        case .values: "values"
        case .coversWhen: "covers when"
        }
    }
}

/// A set of clause kinds, as the bits of one word: the clause table is looked up for every
/// clause of every declaration, where hashing keyword strings cost a tenth of checking.
struct ClauseKinds: Sendable, ExpressibleByArrayLiteral {
    private var bits: UInt64 = 0

    init(arrayLiteral kinds: ClauseKind...) { for kind in kinds { insert(kind) } }

    func contains(_ kind: ClauseKind) -> Bool { bits & 1 << kind.rawValue != 0 }
    mutating func insert(_ kind: ClauseKind) { bits |= 1 << kind.rawValue }
    func union(_ other: ClauseKinds) -> ClauseKinds { var result = self; result.bits |= other.bits; return result }
    mutating func formUnion(_ other: ClauseKinds) { bits |= other.bits }
    /// The keywords, in alphabetical order, for messages.
    var keywords: [String] { ClauseKind.allCases.filter(contains).map(\.keyword).sorted() }
}

/// One step of a zero-tolerance escalation: `step start-investigation by ministry within 48 hours of notification`.
package struct StepSyntax: Hashable, Sendable {
    /// The step's name.
    package var name: Name
    /// Who acts.
    package var actors: [Name]
    /// How soon, if the protocol says.
    package var limit: StepLimitSyntax?
}

/// When a tier names a factory: so many standard deviations below the mean rate, or a rate below a percentage.
package enum ThresholdSyntax: Hashable, Sendable {
    /// `threshold 2 deviations below mean`.
    case deviations(Double, unit: Name, reference: Name, span: Span)
    /// `threshold below 100 percent`.
    case rate(Double, unit: Name, span: Span)
}

/// How soon a step is due.
package enum StepLimitSyntax: Hashable, Sendable {
    /// `immediately`: when what it counts from happens.
    case immediately(Span)
    /// `within 48 hours of notification`: a time counted from the assessment, the
    /// notification or the previous step.
    case within(quantity: Double, unit: Name, anchor: Name, span: Span)
}

/// What a programme-wide `constraint` requires of every country.
package enum RequirementSyntax: Hashable, Sendable {
    /// A built-in check, by name (`categories-covered`).
    case check(Name)
    /// A policy setting compared with a number: `policy minimum-assessments at least 2`.
    case policy(Name, Comparison, Double, span: Span)
}

/// The kind of answer a question takes.
package enum AnswerSyntax: Hashable, Sendable {
    case yesNo
    case number(unit: Name)
    case date
    case choice([TextLiteral])
}

/// Which answers to a question are non-compliant.
package enum ViolationSyntax: Hashable, Sendable {
    case yes
    case no
    case comparison(Comparison, OperandSyntax)
    case choices([TextLiteral])
}

/// A comparison of a number or date answer with a value.
public enum Comparison: String, Hashable, Sendable, CaseIterable {
    /// Greater than the value.
    case above
    /// Less than the value.
    case below
    /// The value or more.
    case atLeast = "at least"
    /// The value or less.
    case atMost = "at most"
    /// A date before the value.
    case before
    /// A date after the value.
    case after

    /// True for the comparisons that apply to dates.
    package var isForDates: Bool { self == .before || self == .after }
}

/// What a comparison compares with: a value written out, or a parameter.
package enum OperandSyntax: Hashable, Sendable {
    case literal(ValueSyntax)
    case parameter(Name)

    /// Where it was written.
    package var span: Span {
        switch self {
        case .literal(let value): value.span
        case .parameter(let name): name.span
        }
    }
}

/// A value written in a rule file.
package enum Literal: Hashable, Sendable {
    case yes, no, notApplicable
    case quantity(Double, unit: String?)
    case date(Day)
    case text(String)
    case words([String])
}

/// A value and where it was written.
package struct ValueSyntax: Hashable, Sendable {
    /// The value.
    package var literal: Literal
    /// Where.
    package var span: Span
    /// In a parameter: the factories it is the value for (`for sector "garment", "textile"`); nil for every factory.
    package var selector: AttributeSelector? = nil
}

/// Some factories by one attribute: `sector "garment", "textile"`.
package struct AttributeSelector: Hashable, Sendable {
    /// The attribute.
    package var attribute: Name
    /// Its values chosen (`yes` and `no` are the values "yes" and "no").
    package var values: [TextLiteral]
}

/// One answer in the `given` clause of an example.
package struct GivenAnswer: Hashable, Sendable {
    /// The question answered, or the factory attribute given.
    package var question: Name
    /// The answer.
    package var value: ValueSyntax
    /// True for `factory sector "garment"`: the factory's attribute, not an answer.
    package var isFactoryAttribute = false
}

/// The statuses a question can be tested for.
package enum QuestionStatus: String, Hashable, Sendable {
    case compliant
    case nonCompliant = "non-compliant"
    case notApplicable = "not-applicable"
}

/// What `QUESTION is …` tests.
package enum QuestionTest: Hashable, Sendable {
    case status(QuestionStatus)
    case yes, no
    case choice(TextLiteral)
    case comparison(Comparison, OperandSyntax)
}

/// `any` or `all`.
package enum Quantifier: String, Hashable, Sendable {
    case any, all
}

/// The condition under which an issue is raised.
package indirect enum Condition: Hashable, Sendable {
    /// `any of A, B is non-compliant`, `all of A, B are compliant`.
    case quantified(Quantifier, [Name], QuestionStatus, span: Span)
    /// `A is non-compliant`, `A is above 60 hours`.
    case question(Name, QuestionTest, span: Span)
    /// `factory sector is "garment"`: a factory attribute has a value (`yes` and `no` are the values "yes" and "no").
    case attribute(Name, TextLiteral, span: Span)
    case not(Condition, span: Span)
    case and([Condition])
    case or([Condition])

    /// The factory attributes it tests, in the order written.
    var attributeNames: [Name] {
        switch self {
        case .quantified, .question: []
        case .attribute(let name, _, _): [name]
        case .not(let inner, _): inner.attributeNames
        case .and(let parts), .or(let parts): parts.flatMap(\.attributeNames)
        }
    }

    /// Every question id it reads, in the order written.
    var names: [Name] {
        switch self {
        case .quantified(_, let names, _, _): names
        case .question(let name, _, _): [name]
        case .attribute: []
        case .not(let inner, _): inner.names
        case .and(let parts), .or(let parts): parts.flatMap(\.names)
        }
    }

    /// Where it was written.
    package var span: Span {
        switch self {
        case .quantified(_, _, _, let span), .question(_, _, let span), .attribute(_, _, let span), .not(_, let span): span
        case .and(let parts), .or(let parts): parts[0].span.union(parts[parts.count - 1].span)
        }
    }
}

/// A parsed rule file.
package struct SyntaxFile: Sendable {
    /// The source it came from.
    package var file: SourceFile
    /// The declarations, in order.
    package var declarations: [Declaration]
    /// Comments after the last declaration.
    package var trailingComments: [Comment]
    /// Problems found by the lexer and the parser.
    package var diagnostics: [Diagnostic]
}

extension String {
    func trimmingLeadingSpace() -> String {
        String(drop { $0 == " " })
    }
}
