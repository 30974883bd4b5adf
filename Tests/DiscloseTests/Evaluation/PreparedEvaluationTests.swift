@testable import Disclose
import Foundation
import Testing

/// The prepared evaluator (issue 18, part 2) decides each assessment as `publish` does, and
/// says why.
@Suite struct PreparedEvaluationTests {
    static let asOf = Day(iso: "2025-06-30")!
    static let sample = Golden.packageRoot.appendingPathComponent("examples/sample").path

    /// A completed assessment of a data folder, as read from its tables.
    struct Assessment {
        var id: String
        var date: Day
        var country: String
        var answers: [String: String] = [:]
        var factory: [String: String] = [:]
    }

    /// Every completed assessment of the data folder, with its answers and its factory's attributes.
    static func assessments(in folder: String) throws -> [Assessment] {
        func rows(_ name: String, _ schema: TableSchema, _ body: (TableRow) -> Void) throws {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)))
            let reader = TableReader(bytes: bytes, displayPath: name, schema: schema, isJSONLines: false)
            reader.forEachRow(body)
            #expect(reader.diagnostics.isEmpty, "\(name): \(reader.diagnostics.map(\.message))")
        }
        var factories: [String: (country: String, attributes: [String: String])] = [:]
        try rows("factories.csv", DataTables.factories) { row in
            var attributes: [String: String] = [:]
            for (offset, column) in DataTables.factories.columns.enumerated().dropFirst(5) where !row.isEmpty(offset) { attributes[column] = row.text(offset) }
            factories[row.text(0)] = (row.text(3), attributes)
        }
        var list: [Assessment] = []
        var index: [String: Int] = [:]
        try rows("assessments.csv", DataTables.assessments) { row in
            guard row.text(5) == "completed", let factory = factories[row.text(1)] else { return }
            index[row.text(0)] = list.count
            list.append(Assessment(id: row.text(0), date: Day(iso: row.text(2))!, country: factory.country, factory: factory.attributes))
        }
        try rows("answers.csv", DataTables.answers) { row in
            guard let position = index[row.text(0)] else { return }
            list[position].answers[row.text(1)] = row.text(2)
        }
        return list
    }

    /// The public rules of a country as `publish` uses them, prepared as of the day.
    static func evaluator(_ country: String, asOf: Day = asOf) -> PreparedEvaluator? {
        let path = Golden.packageRoot.appendingPathComponent("countries/\(country).disclose").path
        guard FileManager.default.fileExists(atPath: path), let book = Checker.check(entry: path).publicRuleBook else { return nil }
        return PreparedEvaluator(book: book, asOf: asOf)
    }

    /// For every completed assessment of `folder`: the issues raised and incompleteness that
    /// the prepared evaluator finds are those `publish` decides. Returns how many were compared.
    @discardableResult
    static func compareWithPublish(_ folder: String, clean: Bool = true) throws -> (compared: Int, incomplete: Int) {
        let result = Publisher(project: Golden.packageRoot.path, asOf: asOf).publish(data: folder)
        let publication = try #require(result.publication, "\(result.diagnostics.map(\.message))")
        let accounts = Dictionary(uniqueKeysWithValues: publication.report.assessments.map { ($0.assessment, $0) })
        var evaluators: [String: PreparedEvaluator] = [:]
        var compared = 0
        var incomplete = 0
        for assessment in try assessments(in: folder) {
            guard let evaluator = evaluators[assessment.country] ?? evaluator(assessment.country) else { continue }
            evaluators[assessment.country] = evaluator
            let account = try #require(accounts[assessment.id])
            let outcome = evaluator.evaluate(answers: assessment.answers, on: assessment.date, factory: assessment.factory)
            compared += 1
            // Every issue raised under the rules of the day, public now or not, as the internal report lists them.
            #expect((outcome.raised.map(\.issue) + outcome.noLongerPublic).sorted() == account.raisedIssues.sorted(), "\(assessment.id)")
            #expect(outcome.unknownQuestions.isEmpty, "\(assessment.id)")
            if clean { #expect(outcome.unusable.isEmpty, "\(assessment.id)") }
            switch (account.disposition, account.reason) {
            case (.shown, _):
                // The findings the portal shows are exactly the issues reported as raised.
                let listed = publication.countries.flatMap(\.factories).first { $0.assessment?.id == assessment.id }
                #expect(listed?.findings.map(\.issue) == outcome.raised.map(\.issue), "\(assessment.id)")
                #expect(!outcome.withheldAsIncomplete, "\(assessment.id) is shown, so complete")
            case (.withheld, .incompleteData?):
                incomplete += 1
                #expect(outcome.withheldAsIncomplete, "\(assessment.id) is withheld as incomplete data")
                for answer in outcome.incomplete { #expect(account.detail.contains(answer.question), "\(assessment.id): \(account.detail)") }
            default:
                break
            }
        }
        return (compared, incomplete)
    }

    @Test func everyAssessmentOfTheSampleIsDecidedAsPublishDecidesIt() throws {
        let (compared, _) = try Self.compareWithPublish(Self.sample)
        #expect(compared > 400)
    }

    /// Publish keeps, for the factories it explains, each assessment's answers as judged: for
    /// every one (not only the current ones the accounts decide), incompleteness and the issues
    /// raised agree.
    @Test func incompletenessAgreesWithPublishForEveryAssessment() throws {
        var publisher = Publisher(project: Golden.packageRoot.path, asOf: Self.asOf)
        let all = try Self.assessments(in: Self.sample)
        publisher.explaining = Set(try String(contentsOfFile: Self.sample + "/factories.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
        let result = publisher.publish(data: Self.sample)
        let byId = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        var evaluators: [String: PreparedEvaluator] = [:]
        #expect(result.evaluations.count > 400)
        for evaluation in result.evaluations {
            let assessment = try #require(byId[evaluation.assessment.id])
            guard let evaluator = evaluators[assessment.country] ?? Self.evaluator(assessment.country) else { continue }
            evaluators[assessment.country] = evaluator
            let outcome = evaluator.evaluate(answers: assessment.answers, on: assessment.date, factory: assessment.factory)
            let plan = evaluation.plan
            let missing = plan.criticalSlots.filter { slot in
                [.missing, .unusable].contains(evaluation.statuses[slot]) || evaluation.requiredButNotApplicable.contains(slot)
            }.map { plan.questions[$0].id }
            #expect(outcome.incomplete.map(\.question) == missing, "\(assessment.id)")
            #expect((outcome.raised.map(\.issue) + outcome.noLongerPublic).sorted() == evaluation.raised.map { plan.issues[$0].id }.sorted(), "\(assessment.id)")
        }
    }

    /// The sample has no incomplete assessment: in a copy, one shown assessment loses a
    /// critical answer and another gets an answer that does not fit; publish withholds both
    /// as incomplete data, and the evaluator says so, naming the same questions.
    @Test func incompleteDataIsWithheldAsPublishWithholdsIt() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("prepared-incomplete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        for name in ["factories.csv", "assessments.csv", "responses.csv"] {
            try FileManager.default.copyItem(atPath: Self.sample + "/" + name, toPath: copy.appendingPathComponent(name).path)
        }
        let published = try #require(Publisher(project: Golden.packageRoot.path, asOf: Self.asOf).publish(data: Self.sample).publication)
        let shown = published.report.assessments.filter { $0.disposition == .shown && $0.country == "KH" }.prefix(2).map(\.assessment)
        try #require(shown.count == 2)
        let all = try Self.assessments(in: Self.sample)
        let evaluator = try #require(Self.evaluator("KH"))
        // A critical question of each: one behind a public issue on its day.
        func critical(_ id: String) throws -> String {
            let assessment = try #require(all.first { $0.id == id })
            let plan = evaluator.prepared(on: assessment.date).plan
            return try #require(plan.criticalSlots.map { plan.questions[$0].id }.first { assessment.answers[$0] != nil && !$0.hasPrefix("factory ") })
        }
        let dropped = (shown[0], try critical(shown[0]))
        let spoiled = (shown[1], try critical(shown[1]))
        var lines: [String] = []
        for line in try String(contentsOfFile: Self.sample + "/answers.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 3, fields[0] == dropped.0, fields[1] == dropped.1 { continue }
            if fields.count == 3, fields[0] == spoiled.0, fields[1] == spoiled.1 {
                lines.append("\(fields[0]),\(fields[1]),perhaps")
                continue
            }
            lines.append(String(line))
        }
        try lines.joined(separator: "\n").write(to: copy.appendingPathComponent("answers.csv"), atomically: true, encoding: .utf8)

        // Publish reports the unusable answer as a warning and withholds both.
        let (_, incomplete) = try Self.compareWithPublish(copy.path, clean: false)
        #expect(incomplete == 2)
        let mutated = try Self.assessments(in: copy.path)
        let first = evaluator.evaluate(answers: try #require(mutated.first { $0.id == dropped.0 }).answers, on: try #require(mutated.first { $0.id == dropped.0 }).date,
                                       factory: try #require(mutated.first { $0.id == dropped.0 }).factory)
        #expect(first.incomplete.contains(IncompleteAnswer(question: dropped.1, problem: .missing)))
        let second = try #require(mutated.first { $0.id == spoiled.0 })
        let outcome = evaluator.evaluate(answers: second.answers, on: second.date, factory: second.factory)
        #expect(outcome.withheldAsIncomplete)
        #expect(outcome.incomplete.contains(IncompleteAnswer(question: spoiled.1, problem: .unusable)))
        #expect(outcome.unusable == [UnusableAnswer(question: spoiled.1, answer: "perhaps")])
    }

    // MARK: Unit cases

    /// Every question behind a public issue of `book` on `day` answered compliantly.
    static func compliantAnswers(_ book: RuleBook, on day: Day) -> [String: String] {
        book.compliantAnswers(on: day)
    }

    static func book(_ country: String) throws -> RuleBook {
        try #require(Checker.check(entry: Golden.packageRoot.appendingPathComponent("countries/\(country).disclose").path).ruleBook)
    }

    @Test func reasonsNameTheDecidingAnswerAndParameter() throws {
        let book = try Self.book("KH")
        let day = Day(iso: "2024-05-14")!
        var answers = Self.compliantAnswers(book, on: day)
        #expect(PreparedEvaluator(book: book, asOf: Self.asOf).evaluate(answers: answers, on: day).raised.isEmpty)
        answers["CHL-LAB-02"] = "13"
        answers["CHL-LAB-05"] = "no"
        let outcome = PreparedEvaluator(book: book, asOf: Self.asOf).evaluate(answers: answers, on: day)
        let issue = try #require(outcome.raised.first { $0.issue == "KH-01" })
        #expect(issue.because == "non-compliant on CHL-LAB-02, CHL-LAB-05")
        #expect(issue.answers.contains(AnswerReason(question: "CHL-LAB-02", answer: "13", status: "non-compliant")))
        #expect(issue.answers.contains(AnswerReason(question: "CHL-LAB-01", answer: "no", status: "compliant")))
        #expect(issue.answers.contains(AnswerReason(question: "CHL-LAB-05", answer: "no", status: "non-compliant")))
        #expect(issue.parameters.map(\.name) == ["minimum-working-age"])
        #expect(issue.parameters.first?.value.hasSuffix("years") == true)
        #expect(issue.rule.hasSuffix("countries/KH.disclose:118"))
        #expect(!outcome.withheldAsIncomplete && outcome.unknownQuestions.isEmpty)
        // The same outcome, whatever the order the answers come in, and as JSON and back.
        let again = PreparedEvaluator(book: book, asOf: Self.asOf).evaluate(answers: Dictionary(uniqueKeysWithValues: answers.reversed()), on: day)
        #expect(again == outcome)
        let decoded = try JSONDecoder().decode(EvaluationOutcome.self, from: JSONEncoder().encode(outcome))
        #expect(decoded == outcome)
        // RuleBook.evaluate agrees.
        #expect(book.evaluate(answers: answers, on: day).raised.map(\.id) == outcome.raised.map(\.issue))
    }

    /// Vietnam withdrew UNION-CHOICE from 2013-12-31: an assessment of 2012 raises it under
    /// the rules of its day, but as of 2025 the portal shows it for no one.
    @Test func anIssueWithdrawnByTheAsOfDayIsNotReported() throws {
        let book = try Self.book("VN")
        let day = Day(iso: "2012-06-01")!
        var answers = Self.compliantAnswers(book, on: day)
        answers["FOA-ASC-01"] = answers["FOA-ASC-01"] == "yes" ? "no" : "yes"
        let then = PreparedEvaluator(book: book, asOf: day).evaluate(answers: answers, on: day)
        #expect(then.raised.map(\.issue).contains("UNION-CHOICE"))
        let now = PreparedEvaluator(book: book, asOf: Self.asOf).evaluate(answers: answers, on: day)
        #expect(!now.raised.map(\.issue).contains("UNION-CHOICE"))
        #expect(now.noLongerPublic == ["UNION-CHOICE"])
        #expect(now.asOf == "2025-06-30" && now.day == "2012-06-01")
    }

    @Test func anUnknownQuestionIsListed() throws {
        let book = try Self.book("KH")
        let day = Day(iso: "2024-05-14")!
        var answers = Self.compliantAnswers(book, on: day)
        answers["CHL-LAB-1"] = "no"
        answers["ZZZ-999"] = "yes"
        let outcome = PreparedEvaluator(book: book, asOf: Self.asOf).evaluate(answers: answers, on: day)
        #expect(outcome.unknownQuestions == ["CHL-LAB-1", "ZZZ-999"])
        #expect(!outcome.withheldAsIncomplete)
    }

    /// A question only a draft defines is left out of the public view's catalogue, but it is
    /// not unknown: its answer is passed over, as publish passes it over; the rules with the
    /// drafts (a preview) read it.
    @Test func anAnswerToADraftQuestionIsPassedOverNotUnknown() throws {
        let project = Golden.packageRoot.appendingPathComponent("Tests/DiscloseTests/Golden/publish/drafts-every-way/project").path
        var files: [String: String] = [:]
        for folder in ["rules", "countries"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(project)/\(folder)") {
                files["/p/\(folder)/\(name)"] = try String(contentsOfFile: "\(project)/\(folder)/\(name)", encoding: .utf8)
            }
        }
        files["/p/countries/XA.disclose"]! += DraftGoldenTests.draftQuestion
        let result = Checker.check(entry: "/p/countries/XA.disclose", access: MemoryFileAccess(files), displayBase: "/p")
        let shown = try #require(result.publicRuleBook)
        let full = try #require(result.ruleBook)
        let day = Day(iso: "2024-05-14")!
        let answers = ["XA-Q-OWN": "yes", "NO-SUCH-Q": "yes"]
        let outcome = PreparedEvaluator(book: shown).evaluate(answers: answers, on: day)
        #expect(outcome.unknownQuestions == ["NO-SUCH-Q"])
        #expect(!outcome.raised.contains { $0.issue == "XA-OWN-Q" })
        let preview = PreparedEvaluator(book: full).evaluate(answers: answers, on: day)
        #expect(preview.unknownQuestions == ["NO-SUCH-Q"])
        #expect(preview.raised.contains { $0.issue == "XA-OWN-Q" })
    }

    @Test func anUnusableAnswerMakesItIncomplete() throws {
        let book = try Self.book("KH")
        let day = Day(iso: "2024-05-14")!
        var answers = Self.compliantAnswers(book, on: day)
        answers["OSH-EMR-02"] = "sometimes"
        let evaluator = PreparedEvaluator(book: book, day: day, asOf: Self.asOf)
        let outcome = evaluator.evaluate(answers: answers, on: day)
        #expect(outcome.withheldAsIncomplete)
        #expect(outcome.incomplete == [IncompleteAnswer(question: "OSH-EMR-02", problem: .unusable)])
        #expect(outcome.unusable == [UnusableAnswer(question: "OSH-EMR-02", answer: "sometimes")])
        // A missing answer too, named as missing.
        answers["OSH-EMR-02"] = nil
        #expect(evaluator.evaluate(answers: answers, on: day).incomplete == [IncompleteAnswer(question: "OSH-EMR-02", problem: .missing)])
    }

    /// One evaluator serves assessments of different rule periods: each is judged by the
    /// rules of its own day, as a fresh rule book evaluation does.
    @Test func oneEvaluatorServesEveryDay() throws {
        let book = try Self.book("KH")
        let evaluator = PreparedEvaluator(book: book)
        for iso in ["2012-03-01", "2016-07-15", "2024-05-14", "2025-06-30"] {
            let day = Day(iso: iso)!
            var answers = Self.compliantAnswers(book, on: day)
            answers["CHL-LAB-01"] = "yes"
            answers["CHL-LAB-05"] = "no"
            answers["OSH-EMR-02"] = "no"
            #expect(evaluator.evaluate(answers: answers, on: day).raised.map(\.issue) == book.evaluate(answers: answers, on: day).raised.map(\.id), "\(iso)")
        }
    }
}
