/// The data of a publication given as values, for `Publisher.publish(_:)`: what a data folder's
/// tables hold (docs/formats.md), for a tool that has it in memory rather than in files.
///
/// Nothing is checked when the value is made: the publisher checks it as it checks a data
/// folder, and reports each problem as a diagnostic of its result.
public struct PublicationInput: Sendable, Equatable {
    /// The factories, each id once.
    public var factories: [FactoryRecord]
    /// The assessments and refused visits, each id once, each of one of the factories.
    public var assessments: [AssessmentRecord]
    /// The answers of each completed assessment, by assessment id: for each question id, the
    /// answer as the answers table writes it (`yes`, `no`, `not-applicable`, a number such
    /// as `12.5`, a date such as `2024-05-01`, or one of the question's choices).
    public var answers: [String: [String: String]]
    /// The factories' responses to their findings.
    public var responses: [ResponseRecord]

    /// Creates the input of a publication.
    public init(factories: [FactoryRecord], assessments: [AssessmentRecord], answers: [String: [String: String]],
                responses: [ResponseRecord] = []) {
        self.factories = factories
        self.assessments = assessments
        self.answers = answers
        self.responses = responses
    }
}

/// Where a publication run's records come from: the publisher asks for them in this order,
/// reporting into one sink, and from then on runs the same code whatever the source.
protocol RecordSource {
    /// The factories that can be used; the problems of the others reported.
    mutating func readFactories(_ problems: inout DiagnosticSink) -> [FactoryRecord]
    /// The assessments of known factories that can be used.
    mutating func readAssessments(factories: Set<String>, _ problems: inout DiagnosticSink) -> [AssessmentRecord]
    /// Records every answer into the sheets; true when `AnswerScanner` read them.
    mutating func fillAnswers(_ sheets: inout [Publisher.Sheet], by publisher: Publisher, _ problems: inout DiagnosticSink) -> Bool
    /// The responses to known assessments of their own factory (`assessments`: factory of each assessment id).
    mutating func readResponses(factories: Set<String>, assessments: [String: String], _ problems: inout DiagnosticSink) -> [ResponseRecord]
}

/// Records from the tables of a data folder, answers streamed from their file.
struct FolderSource: RecordSource {
    var data: DataFolder

    mutating func readFactories(_ problems: inout DiagnosticSink) -> [FactoryRecord] {
        data.readFactories()
    }

    mutating func readAssessments(factories: Set<String>, _ problems: inout DiagnosticSink) -> [AssessmentRecord] {
        let records = data.readAssessments(factories: factories)
        problems.report(contentsOf: data.diagnostics)
        data.diagnostics = []
        return records
    }

    mutating func fillAnswers(_ sheets: inout [Publisher.Sheet], by publisher: Publisher, _ problems: inout DiagnosticSink) -> Bool {
        publisher.readAnswers(&data, &sheets, problems: &problems)
    }

    mutating func readResponses(factories: Set<String>, assessments: [String: String], _ problems: inout DiagnosticSink) -> [ResponseRecord] {
        let records = data.readResponses(factories: factories, assessments: assessments)
        // The answers table's own problems (missing, unreadable) come with the responses'.
        problems.report(contentsOf: data.diagnostics)
        data.diagnostics = []
        return records
    }
}

/// Records given as values: checked as the data folder's rows are, with the same codes; a
/// problem has no file to point at, so each message names the record by its id, or by its
/// position in the input when it has no id.
struct ValuesSource: RecordSource {
    let input: PublicationInput
    /// Ids of records reported and left out: what refers to them is not reported again.
    private var rejectedFactories: Set<String> = []
    private var rejectedAssessments: Set<String> = []

    init(input: PublicationInput) {
        self.input = input
    }

    /// Where a record is: its table line when it came from one, else its place in the input.
    private static func place(_ kind: String, _ offset: Int, line: Int) -> String {
        line > 0 ? "\(kind)s table, line \(line)" : "\(kind) \(offset + 1) of the input"
    }

    /// The id, trimmed, if present and not given before (reported otherwise).
    private static func uniqueId(_ raw: String, _ kind: String, _ offset: Int, line: Int, seen: inout [String: String],
                                 _ problems: inout DiagnosticSink) -> String? {
        let id = raw.trimmedSpaces
        let here = place(kind, offset, line: line)
        guard !id.isEmpty else {
            problems.report(Diagnostic(.invalidValue, "the id of \(here) is empty", at: nil, help: "every \(kind) needs an id"))
            return nil
        }
        if let first = seen[id] {
            problems.report(Diagnostic(.duplicateRecord, "\(kind) `\(id)` is given twice (\(here))", at: nil,
                                       help: "it is first given as \(first); keep one \(kind) per id"))
            return nil
        }
        seen[id] = here
        return id
    }

    mutating func readFactories(_ problems: inout DiagnosticSink) -> [FactoryRecord] {
        var records: [FactoryRecord] = []
        var seen: [String: String] = [:]
        for (offset, given) in input.factories.enumerated() {
            guard let id = Self.uniqueId(given.id, "factory", offset, line: given.line, seen: &seen, &problems) else { continue }
            var record = given
            record.id = id
            record.country = given.country.trimmedSpaces.uppercased()
            if record.country.count != 2 || !record.country.allSatisfy({ $0.isASCII && $0.isLetter }) {
                problems.report(Diagnostic(.invalidValue, "`\(given.country)` is not a two-letter country code (factory `\(id)`)", at: nil,
                                           help: "use the ISO 3166-1 code, such as `KH` or `VN`"))
                rejectedFactories.insert(id)
                continue
            }
            record.name = given.name.trimmedSpaces
            if record.name.isEmpty {
                problems.report(Diagnostic(.invalidValue, "factory `\(id)` has no name", at: nil, help: "give the name as it should appear on the portal"))
                rejectedFactories.insert(id)
                continue
            }
            record.type = given.type.trimmedSpaces.lowercased()
            // As in the factories table: an empty attribute is an absent one.
            record.attributes = given.attributes.mapValues(\.trimmedSpaces).filter { !$0.value.isEmpty }
            records.append(record)
        }
        return records
    }

    mutating func readAssessments(factories: Set<String>, _ problems: inout DiagnosticSink) -> [AssessmentRecord] {
        var records: [AssessmentRecord] = []
        var seen: [String: String] = [:]
        for (offset, given) in input.assessments.enumerated() {
            guard let id = Self.uniqueId(given.id, "assessment", offset, line: given.line, seen: &seen, &problems) else { continue }
            var record = given
            record.id = id
            record.factory = given.factory.trimmedSpaces
            guard isAcceptable(record, factories: factories, &problems) else {
                rejectedAssessments.insert(id)
                continue
            }
            records.append(record)
        }
        checkExits(records, &problems)
        return records
    }

    /// Checks one assessment as the assessments table's rows are checked.
    private func isAcceptable(_ record: AssessmentRecord, factories: Set<String>, _ problems: inout DiagnosticSink) -> Bool {
        let id = record.id
        if rejectedFactories.contains(record.factory) { return false }
        guard factories.contains(record.factory) else {
            let hint = Suggestion.closest(to: record.factory, among: factories).map { "did you mean `\($0)`?" } ?? "add the factory to the factories given"
            problems.report(Diagnostic(.unknownRecord, "assessment `\(id)` is of unknown factory `\(record.factory)`", at: nil, help: hint))
            return false
        }
        if record.cycle < 1 {
            problems.report(Diagnostic(.invalidValue, "`\(record.cycle)` is not a cycle number (assessment `\(id)`)", at: nil,
                                       help: "the cycle is a whole number from 1"))
            return false
        }
        if let finalised = record.finalisedOn, finalised < record.date {
            problems.report(Diagnostic(.invalidValue, "report of assessment `\(id)` finalised on \(finalised), before the assessment on \(record.date)",
                                       at: nil, help: "check the two dates"))
            return false
        }
        if let cycleEnd = record.cycleEndsOn, cycleEnd < record.date {
            problems.report(Diagnostic(.invalidValue, "cycle of assessment `\(id)` ends on \(cycleEnd), before the assessment on \(record.date)", at: nil,
                                       help: "the cycle's end is the last day of the service cycle the assessment belongs to; check the two dates"))
            return false
        }
        return true
    }

    /// A factory cannot leave the programme before its first visit (as `DataFolder` checks it).
    private func checkExits(_ records: [AssessmentRecord], _ problems: inout DiagnosticSink) {
        var firstVisit: [String: Day] = [:]
        for record in records { firstVisit[record.factory] = min(firstVisit[record.factory] ?? record.date, record.date) }
        for factory in input.factories {
            let id = factory.id.trimmedSpaces
            guard let left = factory.leftOn, let first = firstVisit[id], left < first else { continue }
            problems.report(Diagnostic(.invalidValue, "factory `\(id)` left the programme on \(left), before its first visit on \(first)", at: nil,
                                       help: "check the day it left and the factory's assessments; leave it empty while the factory is in the programme"))
        }
    }

    mutating func fillAnswers(_ sheets: inout [Publisher.Sheet], by publisher: Publisher, _ problems: inout DiagnosticSink) -> Bool {
        var store = AnswerStore(layout: Publisher.answerLayout(sheets))
        let sheetOf = Dictionary(sheets.enumerated().map { ($0.element.record.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // Each unknown question is reported once, with how many assessments name it.
        var unknownQuestions: [String: (message: Int, count: Int)] = [:]
        var reported: [Diagnostic] = []
        for (assessment, answers) in input.answers.sorted(by: { $0.key < $1.key }) where !answers.isEmpty {
            let id = assessment.trimmedSpaces
            guard let index = sheetOf[id] else {
                // An assessment left out for an error is already reported.
                if rejectedAssessments.contains(id) { continue }
                let hint = Suggestion.closest(to: id, among: sheetOf.keys).map { "did you mean `\($0)`? " } ?? ""
                reported.append(Diagnostic(.unknownRecord, "\(answers.count) answer\(answers.count == 1 ? "" : "s") to unknown assessment `\(id)`", at: nil,
                                           help: "\(hint)every answer belongs to an assessment of the assessments given"))
                continue
            }
            guard case .completed = sheets[index].record.status else {
                reported.append(Diagnostic(.unknownRecord, "answers to assessment `\(id)`, which was refused", at: nil,
                                           help: "a refused visit has no answers; check the assessment id or its status"))
                continue
            }
            guard let country = sheets[index].country, let plan = sheets[index].plan else { continue }
            for (questionId, text) in answers.sorted(by: { $0.key < $1.key }) {
                guard let question = country.questionTable.value(for: questionId) else {
                    // A question only a draft defines: known, and not asked by any public rule.
                    if country.draftOnlyQuestionIds.contains(questionId) { continue }
                    if let known = unknownQuestions[questionId] {
                        unknownQuestions[questionId]!.count = known.count + 1
                    } else {
                        unknownQuestions[questionId] = (reported.count, 1)
                        let hint = Suggestion.closest(to: questionId, among: country.questionIds).map { "did you mean `\($0)`?" }
                        reported.append(Diagnostic(.unknownRecord, "unknown question `\(questionId)` for country `\(country.code)` (assessment `\(id)`)", at: nil,
                                                   help: hint ?? "questions are those of rules/catalogue.disclose and the country's file"))
                    }
                    continue
                }
                var bytes = Array(text.utf8)
                let outcome = bytes.withUnsafeMutableBufferPointer { store.record(UnsafeBufferPointer($0), question: question, sheet: index, plan: plan) }
                if outcome == .unreadable { sheets[index].unusable.append((plan.slot(ofQuestion: question)!, text)) }
                if let problem = Publisher.answerProblem(outcome, text: text, question: question, questionId: questionId, plan: plan) {
                    reported.append(Diagnostic(problem.code, problem.message + " (assessment `\(id)`)", at: nil, help: problem.help))
                }
                // For an explanation, the answers as given (the store keeps only what rules need).
                if outcome == .stored || outcome == .unusable, sheets[index].kept != nil, let slot = plan.slot(ofQuestion: question) {
                    sheets[index].kept![slot] = bytes.withUnsafeMutableBufferPointer { Answer.read(UnsafeBufferPointer($0), as: plan.answerKinds[slot]) }
                }
            }
        }
        for (id, unknown) in unknownQuestions where unknown.count > 1 {
            reported[unknown.message].notes.append("\(unknown.count) assessments have an answer to `\(id)`; this is the first")
        }
        problems.report(contentsOf: reported)
        Publisher.fill(&sheets, from: store)
        return false
    }

    mutating func readResponses(factories: Set<String>, assessments: [String: String], _ problems: inout DiagnosticSink) -> [ResponseRecord] {
        var records: [ResponseRecord] = []
        var seen: [String: String] = [:]
        for (offset, given) in input.responses.enumerated() {
            guard let id = Self.uniqueId(given.id, "response", offset, line: given.line, seen: &seen, &problems) else { continue }
            var record = given
            record.id = id
            record.factory = given.factory.trimmedSpaces
            record.assessment = given.assessment.trimmedSpaces
            if rejectedFactories.contains(record.factory) || rejectedAssessments.contains(record.assessment) { continue }
            guard factories.contains(record.factory) else {
                problems.report(Diagnostic(.unknownRecord, "response `\(id)` is from unknown factory `\(record.factory)`", at: nil, help: "check the factory id"))
                continue
            }
            guard assessments[record.assessment] == record.factory else {
                problems.report(Diagnostic(.unknownRecord, "response `\(id)` answers assessment `\(record.assessment)`, which is not an assessment of `\(record.factory)`",
                                           at: nil, help: "check the assessment id"))
                continue
            }
            let issue = given.issue?.trimmedSpaces ?? ""
            record.issue = issue.isEmpty ? nil : issue
            record.attachments = given.attachments.map(\.trimmedSpaces).filter { !$0.isEmpty }
            records.append(record)
        }
        return records
    }
}
