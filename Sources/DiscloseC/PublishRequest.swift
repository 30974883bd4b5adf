import Disclose
import Foundation

/// The request of `disclose_publish`: the rules (`RuleSource`), the as-of day, and the data as
/// values, one object per row of the data folder's tables (docs/formats.md), with the field
/// names of the library's records:
///
///     {"folder": "/path/to/disclose", "asOf": "2025-06-30", "preview": false,
///      "factories": [{"id": "KH-1", "name": "…", "type": "garment", "country": "KH", "leftOn": "…", "attributes": {"sector": "…"}}],
///      "assessments": [{"id": "KH-1-A1", "factory": "KH-1", "date": "2024-03-12", "method": "on-site", "cycle": 1,
///                       "status": "completed", "finalisedOn": "2024-04-11", "cycleEndsOn": "…"},
///                      {"id": "KH-1-R1", "factory": "KH-1", "date": "2025-05-02", "status": "refused", "refusalReason": "force-majeure"}],
///      "answers": {"KH-1-A1": {"OSH-EMR-02": "yes"}},
///      "responses": [{"id": "R1", "factory": "KH-1", "assessment": "KH-1-A1", "issue": "KH-15", "date": "…", "text": "…", "attachments": []}]}
///
/// Only the shapes are checked here; what the values mean (unknown factories, ids given twice,
/// answers that do not fit) the publisher checks, and reports as diagnostics.
struct PublishRequest {
    var rules: RuleSource
    var asOf: Day
    var preview: Bool
    var input: PublicationInput

    init(_ request: RequestObject) throws(CallError) {
        try request.allowOnly(["answers", "asOf", "assessments", "factories", "files", "folder", "preview", "responses"])
        rules = try RuleSource(request)
        asOf = try request.day("asOf") ?? .today
        preview = try request.bool("preview") ?? false
        let factories = try request.objects("factories", example: #"{"id": "KH-1", "name": "Mekong River Garments", "type": "garment", "country": "KH"}"#)
            .map { object throws(CallError) in try Self.factory(object) }
        let assessments = try request.objects("assessments", example: #"{"id": "KH-1-A1", "factory": "KH-1", "date": "2024-03-12", "finalisedOn": "2024-04-11"}"#)
            .map { object throws(CallError) in try Self.assessment(object) }
        let responses = try request.objects("responses", example: #"{"id": "R1", "factory": "KH-1", "assessment": "KH-1-A1", "date": "2025-05-20", "text": "…"}"#)
            .map { object throws(CallError) in try Self.response(object) }
        var answers: [String: [String: String]] = [:]
        if request.has("answers") {
            let byAssessment = try RequestObject(request.fields["answers"], path: "answers", example: #"{"KH-1-A1": {"OSH-EMR-02": "yes"}}"#)
            for assessment in byAssessment.fields.keys.sorted() {
                answers[assessment] = try byAssessment.strings(assessment, example: #"{"OSH-EMR-02": "yes", "CHL-LAB-02": "19"}"#)
            }
        }
        input = PublicationInput(factories: factories, assessments: assessments, answers: answers, responses: responses)
    }

    private static func factory(_ object: RequestObject) throws(CallError) -> FactoryRecord {
        try object.allowOnly(["attributes", "country", "id", "leftOn", "name", "type"])
        return FactoryRecord(id: try object.required("id", example: #""KH-1""#), name: try object.required("name", example: #""Mekong River Garments""#),
                             type: try object.string("type") ?? "", country: try object.required("country", example: #""KH""#),
                             leftOn: try object.day("leftOn"), attributes: try object.strings("attributes", example: #"{"sector": "garment"}"#) ?? [:])
    }

    private static func assessment(_ object: RequestObject) throws(CallError) -> AssessmentRecord {
        try object.allowOnly(["cycle", "cycleEndsOn", "date", "factory", "finalisedOn", "id", "method", "refusalReason", "status"])
        let method: AssessmentMethod?
        if let text = try object.string("method") {
            guard let known = AssessmentMethod(rawValue: text) else {
                throw CallError(.invalidField, "`\(object.name("method"))` must be one of \(AssessmentMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            method = known
        } else {
            method = nil
        }
        let status: AssessmentRecord.Status
        switch try object.string("status") ?? "completed" {
        case "completed":
            status = .completed
        case "refused":
            let reasons = RefusalReason.allCases.map(\.rawValue).joined(separator: ", ")
            guard let reason = RefusalReason(rawValue: try object.required("refusalReason", example: "one of \(reasons)")) else {
                throw CallError(.invalidField, "`\(object.name("refusalReason"))` must be one of \(reasons)")
            }
            status = .refused(reason)
        default:
            throw CallError(.invalidField, "`\(object.name("status"))` must be \"completed\" or \"refused\"")
        }
        guard let date = try object.day("date") else {
            throw CallError(.invalidField, "`\(object.name("date"))` is missing: give the day of the visit, such as \"2024-03-12\"")
        }
        return AssessmentRecord(id: try object.required("id", example: #""KH-1-A1""#), factory: try object.required("factory", example: #""KH-1""#),
                                date: date, method: method, cycle: try object.int("cycle") ?? 1, status: status,
                                finalisedOn: try object.day("finalisedOn"), cycleEndsOn: try object.day("cycleEndsOn"))
    }

    private static func response(_ object: RequestObject) throws(CallError) -> ResponseRecord {
        try object.allowOnly(["assessment", "attachments", "date", "factory", "id", "issue", "text"])
        guard let date = try object.day("date") else {
            throw CallError(.invalidField, "`\(object.name("date"))` is missing: give the day of the response, such as \"2025-05-20\"")
        }
        var attachments: [String] = []
        if object.has("attachments") {
            guard let names = object.fields["attachments"] as? [Any], let texts = names as? [String], !names.contains(where: { $0 is NSNumber }) else {
                throw CallError(.invalidField, "`\(object.name("attachments"))` must be an array of file names, such as [\"letter.pdf\"]")
            }
            attachments = texts
        }
        return ResponseRecord(id: try object.required("id", example: #""R1""#), factory: try object.required("factory", example: #""KH-1""#),
                              assessment: try object.required("assessment", example: #""KH-1-A1""#), issue: try object.string("issue"), date: date,
                              text: try object.required("text", example: #""The exits are now unlocked.""#), attachments: attachments)
    }
}
