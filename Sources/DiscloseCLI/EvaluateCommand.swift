import Disclose
import Foundation

/// `disclose evaluate COUNTRY`: assessments as JSON Lines on standard input, one evaluation
/// outcome as JSON per line on standard output, as each line comes (a `PreparedEvaluator`).
func runEvaluate(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose evaluate COUNTRY [--as-of DATE] [--preview] [--rules DIR]

    Evaluates assessments one at a time under a country's rules, streaming: reads JSON Lines on
    standard input, one assessment a line,
      {"id": "KH-0001-03", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no", ...}, "factory": {"sector": "garment"}}
    ("id" and "factory" optional), and writes for each line, as it comes, one JSON object on
    standard output: the evaluation outcome (issues raised and why, zero tolerance, answers
    missing or unusable, whether the portal would withhold it as incomplete data), with the
    line's "id". Findings are the public issues raised under the rules of the assessment day,
    among those still public on the as-of day (default: today). A line that is not such an
    object, or that names a question the catalogue does not know, gives {"line": N, "error": ...}
    on its line instead. Uses the public view of the rules (adopted decisions only);
    --preview uses the drafts too. Exit status 1 when some line had an error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let asOf = try arguments.asOf(usage: usage)
    let preview = arguments.flag("--preview")
    let project = try projectFolder(&arguments, usage: usage)
    let names = try arguments.positional(usage: usage)
    guard names.count == 1 else { throw UsageError("name one country, such as `KH`", usage: usage) }
    let path = try countryFile(names[0], project: project, usage: usage)
    let result = Checker.check(entry: path)
    guard let book = preview ? result.ruleBook : result.publicRuleBook else {
        emit(result.diagnostics, format: "text")
        printError("cannot evaluate for `\(names[0])`: its rule files have errors")
        return 1
    }
    let evaluator = PreparedEvaluator(book: book, asOf: asOf)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var number = 0
    var failed = false
    while let line = readLine(strippingNewline: true) {
        number += 1
        if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
        let output: Data
        switch EvaluationRequest.parse(line) {
        case .failure(let problem):
            failed = true
            output = try encoder.encode(EvaluationError(line: number, id: problem.id, error: problem.message, unknownQuestions: nil))
        case .success(let request):
            let outcome = evaluator.evaluate(answers: request.answers, on: request.date, factory: request.factory)
            if outcome.unknownQuestions.isEmpty {
                output = try encoder.encode(EvaluatedLine(id: request.id, outcome: outcome))
            } else {
                failed = true
                let names = outcome.unknownQuestions.map { "`\($0)`" }.joined(separator: ", ")
                output = try encoder.encode(EvaluationError(line: number, id: request.id,
                                                            error: "unknown question\(outcome.unknownQuestions.count == 1 ? "" : "s") \(names)",
                                                            unknownQuestions: outcome.unknownQuestions))
            }
        }
        FileHandle.standardOutput.write(output + Data("\n".utf8))
    }
    return failed ? 1 : 0
}

/// One line of input, read.
struct EvaluationRequest {
    var id: String?
    var date: Day
    var answers: [String: String]
    var factory: [String: String]

    struct Problem: Error {
        var id: String?
        var message: String
    }

    /// The assessment a line holds, or what is wrong with it.
    static func parse(_ line: String) -> Result<EvaluationRequest, Problem> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
            return .failure(Problem(message: "not valid JSON"))
        }
        guard let fields = object as? [String: Any] else { return .failure(Problem(message: "not a JSON object")) }
        let id = fields["id"] as? String
        if fields["id"] != nil, id == nil { return .failure(Problem(message: "\"id\" must be a string")) }
        guard let text = fields["date"] as? String, let date = Day(iso: text) else {
            return .failure(Problem(id: id, message: "\"date\" must be a day written YYYY-MM-DD"))
        }
        guard let answers = strings(fields["answers"]) else {
            return .failure(Problem(id: id, message: "\"answers\" must be an object of question ids to answers written as strings"))
        }
        guard let factory = fields["factory"] == nil ? [:] : strings(fields["factory"]) else {
            return .failure(Problem(id: id, message: "\"factory\" must be an object of attribute names to strings"))
        }
        if let unknown = fields.keys.sorted().first(where: { !["id", "date", "answers", "factory"].contains($0) }) {
            return .failure(Problem(id: id, message: "unknown field \"\(unknown)\" (the fields are id, date, answers, factory)"))
        }
        return .success(EvaluationRequest(id: id, date: date, answers: answers, factory: factory))
    }

    /// A JSON object whose values are all strings, as a dictionary.
    private static func strings(_ value: Any?) -> [String: String]? {
        guard let object = value as? [String: Any] else { return nil }
        var result: [String: String] = [:]
        for (key, value) in object {
            // JSONSerialization reads numbers as NSNumber, which may bridge to String: refuse them.
            guard let text = value as? NSString, !(value is NSNumber) else { return nil }
            result[key] = text as String
        }
        return result
    }
}

/// An outcome with the id of the line it answers.
struct EvaluatedLine: Encodable {
    var id: String?
    var outcome: EvaluationOutcome

    private enum Key: String, CodingKey { case id }

    func encode(to encoder: Encoder) throws {
        try outcome.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(id, forKey: .id)
    }
}

/// What is wrong with a line, in place of its outcome.
struct EvaluationError: Encodable {
    var line: Int
    var id: String?
    var error: String
    var unknownQuestions: [String]?
}
