/// How an assessment was carried out.
public enum AssessmentMethod: String, Sendable, CaseIterable, Codable {
    /// Assessed at the factory.
    case onSite = "on-site"
    /// Assessed remotely.
    case virtual
    /// Assessed partly at the factory and partly remotely.
    case hybrid
}

/// A factory, as the data describes it.
public struct FactoryRecord: Sendable, Equatable {
    /// The factory's id, unique across the data.
    public var id: String
    /// The factory's name, as the portal shows it.
    public var name: String
    /// What the factory makes (`garment`, `footwear`).
    public var type: String
    /// The two-letter code of the country whose rules apply to it.
    public var country: String
    /// The day the factory left the programme, if it did.
    public var leftOn: Day?
    /// Where the row is.
    package var line: Int
    /// Its attributes as given (`sector`, `province`, `export_licence`), by column name; an
    /// empty field or an absent column is left out.
    public var attributes: [String: String] = [:]
    /// Where each of `attributes` is written, for warnings about values the rules do not declare.
    package var attributeFields: [String: SourceRange] = [:]

    /// A factory given as values, for `Publisher.publish(_:)`.
    ///
    /// - Parameters:
    ///   - id: the factory's id, unique among the factories (`KH-0001`).
    ///   - name: its name as the portal shows it.
    ///   - type: its type as the data gives it (`garment`, `footwear`…).
    ///   - country: the two-letter code of its country programme (`KH`); read in capitals.
    ///   - leftOn: the day the factory left the programme, if it did.
    ///   - attributes: its attributes (`sector`, `province`, `export_licence`) by name; the
    ///     rules check the values they read against those they declare.
    ///   - line: the row of a table the factory comes from; 0 (the default) for a factory
    ///     that comes from no table.
    public init(id: String, name: String, type: String, country: String, leftOn: Day? = nil, attributes: [String: String] = [:], line: Int = 0) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.leftOn = leftOn
        self.attributes = attributes
        self.line = line
    }
}

/// An assessment, or a visit the factory refused.
public struct AssessmentRecord: Sendable, Equatable {
    /// Completed, or refused with a reason.
    public enum Status: Sendable, Hashable {
        /// The visit took place and its answers count.
        case completed
        /// The factory refused the visit, with the reason the policy weighs.
        case refused(RefusalReason)
    }

    /// The assessment's id, unique across the data.
    public var id: String
    /// The id of the factory assessed.
    public var factory: String
    /// The day of the visit: the rules in force that day judge it.
    public var date: Day
    /// How it was carried out, if known.
    public var method: AssessmentMethod?
    /// The factory's assessment cycle, from 1.
    public var cycle: Int
    /// Completed, or refused with a reason.
    public var status: Status
    /// The day its report was finalised; an assessment counts only once it is.
    public var finalisedOn: Day?
    /// The last day of its cycle, if the data says.
    public var cycleEndsOn: Day?
    /// Where the row is; 0 for an assessment that comes from no table.
    package var line: Int

    /// An assessment, or a refused visit, given as values, for `Publisher.publish(_:)`.
    ///
    /// - Parameters:
    ///   - id: the assessment's id, unique among the assessments.
    ///   - factory: the id of the factory assessed, one of the factories given.
    ///   - date: the day of the visit.
    ///   - method: how it was carried out (nil for a refused visit; a completed assessment
    ///     without one is shown as on-site).
    ///   - cycle: the service cycle it belongs to, a whole number from 1.
    ///   - status: `.completed`, or `.refused(reason)` for a visit the factory refused.
    ///   - finalisedOn: the day its report was finalised; an assessment counts only once it is.
    ///   - cycleEndsOn: the last day of its service cycle, if known.
    ///   - line: the row of a table it comes from; 0 (the default) when it comes from no table.
    public init(id: String, factory: String, date: Day, method: AssessmentMethod? = nil, cycle: Int = 1, status: Status = .completed,
                finalisedOn: Day? = nil, cycleEndsOn: Day? = nil, line: Int = 0) {
        self.id = id
        self.factory = factory
        self.date = date
        self.method = method
        self.cycle = cycle
        self.status = status
        self.finalisedOn = finalisedOn
        self.cycleEndsOn = cycleEndsOn
        self.line = line
    }
}

/// A factory's response to its findings.
public struct ResponseRecord: Sendable, Equatable {
    /// The response's id, unique across the data.
    public var id: String
    /// The id of the factory that responded.
    public var factory: String
    /// The id of the assessment it answers.
    public var assessment: String
    /// The public issue it answers; nil for the assessment as a whole.
    public var issue: String?
    /// The day it was given.
    public var date: Day
    /// The factory's words, held for moderation before any is published.
    public var text: String
    /// File names of what came with it.
    public var attachments: [String]
    /// Where the row is; 0 for a response that comes from no table.
    package var line: Int

    /// A factory's response given as values, for `Publisher.publish(_:)`.
    ///
    /// - Parameters:
    ///   - id: the response's id, unique among the responses.
    ///   - factory: the id of the factory responding.
    ///   - assessment: the id of one of that factory's assessments.
    ///   - issue: the public issue it answers; nil (the default) for the assessment as a whole.
    ///   - date: the day of the response.
    ///   - text: its text, screened by the country's moderation rules before it is shown.
    ///   - attachments: names of attached files.
    ///   - line: the row of a table it comes from; 0 (the default) when it comes from no table.
    public init(id: String, factory: String, assessment: String, issue: String? = nil, date: Day, text: String, attachments: [String] = [],
                line: Int = 0) {
        self.id = id
        self.factory = factory
        self.assessment = assessment
        self.issue = issue
        self.date = date
        self.text = text
        self.attachments = attachments
        self.line = line
    }
}

/// The columns of each table, as docs/formats.md describes them.
package enum DataTables {
    package static let factories = TableSchema(
        name: "factories", columns: ["factory_id", "name", "type", "country", "left_on", "sector", "province", "export_licence"],
        required: ["factory_id", "name", "type", "country"])
    package static let assessments = TableSchema(
        name: "assessments",
        columns: ["assessment_id", "factory_id", "assessed_on", "method", "cycle", "status", "refusal_reason", "finalised_on", "cycle_ends_on"],
        required: ["assessment_id", "factory_id", "assessed_on", "cycle", "status"])
    package static let answers = TableSchema(
        name: "answers", columns: ["assessment_id", "question_id", "answer"], required: ["assessment_id", "question_id", "answer"])
    package static let responses = TableSchema(
        name: "responses", columns: ["response_id", "factory_id", "assessment_id", "issue_id", "responded_on", "text", "attachments"],
        required: ["response_id", "factory_id", "assessment_id", "responded_on", "text"])
}
