/// How an assessment was carried out.
public enum AssessmentMethod: String, Sendable, CaseIterable {
    case onSite = "on-site"
    case virtual
    case hybrid
}

/// A factory, as the data describes it.
public struct FactoryRecord: Sendable {
    public var id: String
    public var name: String
    public var type: String
    public var country: String
    /// The day the factory left the programme, if it did.
    public var leftOn: Day?
    /// Where the row is.
    public var line: Int
    /// Its attributes as given (`sector`, `province`, `export_licence`), by column name; an
    /// empty field or an absent column is left out.
    public var attributes: [String: String] = [:]
    /// Where each of `attributes` is written, for warnings about values the rules do not declare.
    public var attributeFields: [String: SourceRange] = [:]
}

/// An assessment, or a visit the factory refused.
public struct AssessmentRecord: Sendable {
    /// Completed, or refused with a reason.
    public enum Status: Sendable, Hashable {
        case completed
        case refused(RefusalReason)
    }

    public var id: String
    public var factory: String
    public var date: Day
    public var method: AssessmentMethod?
    public var cycle: Int
    public var status: Status
    public var finalisedOn: Day?
    public var cycleEndsOn: Day?
    public var line: Int
}

/// A factory's response to its findings.
public struct ResponseRecord: Sendable {
    public var id: String
    public var factory: String
    public var assessment: String
    /// The public issue it answers; nil for the assessment as a whole.
    public var issue: String?
    public var date: Day
    public var text: String
    public var attachments: [String]
    public var line: Int
}

/// The columns of each table, as docs/formats.md describes them.
public enum DataTables {
    public static let factories = TableSchema(
        name: "factories", columns: ["factory_id", "name", "type", "country", "left_on", "sector", "province", "export_licence"],
        required: ["factory_id", "name", "type", "country"])
    public static let assessments = TableSchema(
        name: "assessments",
        columns: ["assessment_id", "factory_id", "assessed_on", "method", "cycle", "status", "refusal_reason", "finalised_on", "cycle_ends_on"],
        required: ["assessment_id", "factory_id", "assessed_on", "cycle", "status"])
    public static let answers = TableSchema(
        name: "answers", columns: ["assessment_id", "question_id", "answer"], required: ["assessment_id", "question_id", "answer"])
    public static let responses = TableSchema(
        name: "responses", columns: ["response_id", "factory_id", "assessment_id", "issue_id", "responded_on", "text", "attachments"],
        required: ["response_id", "factory_id", "assessment_id", "responded_on", "text"])
}
