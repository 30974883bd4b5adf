import Foundation

/// One assessment to evaluate, given as JSON: a line of `disclose evaluate`'s input, or the
/// string a C caller gives `disclose_evaluate`. One parser and one encoder serve both, so that
/// the command and the shared library accept the same input and answer in the same shape.
///
///     {"id": "KH-0001-03", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}, "factory": {"sector": "garment"}}
///
/// `id` and `factory` are optional. Parsing never fails: a request that is not such an object
/// becomes a `Problem` that says what is wrong and how to write it instead.
package struct EvaluationRequest: Sendable {
    /// The caller's id for the assessment, echoed in the reply.
    package var id: String?
    /// The assessment day: the rules in force that day judge the answers.
    package var date: Day
    /// Raw answers by question id, as data writes them.
    package var answers: [String: String]
    /// The factory's attributes by name.
    package var factory: [String: String]

    /// Why a request cannot be evaluated; part of the C library's contract, so the raw values
    /// do not change.
    package enum ErrorCode: String, Sendable {
        case invalidUTF8 = "invalid-utf8"
        case invalidJSON = "invalid-json"
        case notAnObject = "not-an-object"
        case invalidField = "invalid-field"
        case unknownField = "unknown-field"
        case unknownQuestion = "unknown-question"
    }

    /// What is wrong with a request, in place of its outcome.
    package struct Problem: Error, Sendable {
        package var code: ErrorCode
        /// The request's id, when it could be read.
        package var id: String?
        /// What is wrong and what to do about it.
        package var message: String
        /// For `unknownQuestion`: the ids the catalogue does not know, sorted.
        package var unknownQuestions: [String]? = nil
    }

    /// The fields a request may have.
    static let fields: Set<String> = ["id", "date", "answers", "factory"]

    /// The assessment `json` holds, or what is wrong with it.
    package static func parse(_ json: Data) -> Result<EvaluationRequest, Problem> {
        let example = #"{"date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"#
        // Checked first: JSONSerialization would call bytes that are not UTF-8 invalid JSON,
        // which sends the writer looking for a syntax error that is not there.
        guard String(data: json, encoding: .utf8) != nil else {
            return .failure(Problem(code: .invalidUTF8, message: "not UTF-8: write the assessment's text as UTF-8 (in a spreadsheet or editor: save as UTF-8)"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) else {
            return .failure(Problem(code: .invalidJSON, message: "not valid JSON: write one assessment as a JSON object, such as \(example)"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(Problem(code: .notAnObject, message: "not a JSON object: write one assessment as an object, such as \(example)"))
        }
        let id = fields["id"] as? String
        if fields["id"] != nil, id == nil || fields["id"] is NSNumber {
            return .failure(Problem(code: .invalidField, message: "\"id\" must be a string, such as \"KH-0001-03\""))
        }
        if let unknown = fields.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            let hint = Suggestion.closest(to: unknown, among: Self.fields.sorted()).map { "did you mean \"\($0)\"? " } ?? ""
            return .failure(Problem(code: .unknownField, id: id,
                                    message: "unknown field \"\(unknown)\": \(hint)the fields are id, date, answers and factory"))
        }
        guard let text = fields["date"] as? String, !(fields["date"] is NSNumber), let date = Day(iso: text) else {
            return .failure(Problem(code: .invalidField, id: id, message: "\"date\" must be the assessment day written YYYY-MM-DD, such as \"2024-05-14\""))
        }
        guard let answers = strings(fields["answers"]) else {
            return .failure(Problem(code: .invalidField, id: id,
                                    message: "\"answers\" must be an object of question ids to answers written as strings, such as {\"OSH-EMR-02\": \"no\", \"CHL-LAB-02\": \"16\"}"))
        }
        guard let factory = fields["factory"] == nil ? [:] : strings(fields["factory"]) else {
            return .failure(Problem(code: .invalidField, id: id,
                                    message: "\"factory\" must be an object of attribute names to strings, such as {\"sector\": \"garment\"}"))
        }
        return .success(EvaluationRequest(id: id, date: date, answers: answers, factory: factory))
    }

    /// A JSON object whose values are all strings, as a dictionary.
    private static func strings(_ value: Any?) -> [String: String]? {
        guard let object = value as? [String: Any] else { return nil }
        var result: [String: String] = [:]
        for (key, value) in object {
            // JSONSerialization reads numbers and booleans as NSNumber, which may bridge to String: refuse them.
            guard let text = value as? NSString, !(value is NSNumber) else { return nil }
            result[key] = text as String
        }
        return result
    }
}

/// The answer to one request as one line of JSON (no newline): the evaluation outcome with the
/// request's id, or an error object. Keys are sorted, so the same request always gives the
/// same bytes.
///
///     {"asOf":"2025-06-30","day":"2024-05-14","id":"KH-A","raised":[…],…}
///     {"error":{"code":"unknown-question","message":"…"},"id":"KH-B","line":4,"unknownQuestions":["CHL-LAB-1"]}
package struct EvaluationReply: Sendable {
    /// The line's bytes, UTF-8, without a newline.
    package var json: Data
    /// True when the line is an error object rather than an outcome.
    package var isError: Bool

    /// Parses `request` and evaluates it with `evaluator`; `line`, the request's line number in
    /// a stream, is given in an error object so that the caller can find the bad line.
    package static func answering(_ request: Data, with evaluator: PreparedEvaluator, line: Int? = nil) -> EvaluationReply {
        switch EvaluationRequest.parse(request) {
        case .failure(let problem):
            return error(problem, line: line)
        case .success(let request):
            let outcome = evaluator.evaluate(answers: request.answers, on: request.date, factory: request.factory)
            guard outcome.unknownQuestions.isEmpty else {
                return error(unknownQuestions(outcome.unknownQuestions, id: request.id, book: evaluator.book), line: line)
            }
            return encoded(Evaluated(id: request.id, outcome: outcome), isError: false)
        }
    }

    /// An error object for `problem`.
    package static func error(_ problem: EvaluationRequest.Problem, line: Int? = nil) -> EvaluationReply {
        encoded(ErrorLine(error: .init(code: problem.code.rawValue, message: problem.message), id: problem.id, line: line,
                          unknownQuestions: problem.unknownQuestions), isError: true)
    }

    /// The problem of answers to questions the catalogue does not know, with a "did you mean"
    /// for each that is one small edit from a known id.
    static func unknownQuestions(_ unknown: [String], id: String?, book: RuleBook) -> EvaluationRequest.Problem {
        let known = book.questions.map { $0.periods.first?.value.id ?? "" }
        let names = unknown.map { name in
            "`\(name)`" + (Suggestion.closest(to: name, among: known).map { " (did you mean `\($0)`?)" } ?? "")
        }
        let message = "unknown question\(unknown.count == 1 ? "" : "s") \(names.joined(separator: ", ")): "
            + "correct the id, or leave the answer out; question ids are those of rules/catalogue.disclose"
        return EvaluationRequest.Problem(code: .unknownQuestion, id: id, message: message, unknownQuestions: unknown)
    }

    private static func encoded(_ value: some Encodable, isError: Bool) -> EvaluationReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The values are strings, days and booleans: encoding cannot fail, but a reply must
        // never be half a line, so a failure is still an error object.
        guard let json = try? encoder.encode(value) else {
            return EvaluationReply(json: Data(#"{"error":{"code":"internal","message":"the outcome could not be written as JSON; please report this"}}"#.utf8),
                                   isError: true)
        }
        return EvaluationReply(json: json, isError: isError)
    }

    /// An outcome with the id of the request it answers.
    private struct Evaluated: Encodable {
        var id: String?
        var outcome: EvaluationOutcome

        private enum Key: String, CodingKey { case id }

        func encode(to encoder: Encoder) throws {
            try outcome.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(id, forKey: .id)
        }
    }

    /// What is wrong with a request, in place of its outcome.
    private struct ErrorLine: Encodable {
        struct Body: Encodable {
            var code: String
            var message: String
        }
        var error: Body
        var id: String?
        var line: Int?
        var unknownQuestions: [String]?
    }
}
