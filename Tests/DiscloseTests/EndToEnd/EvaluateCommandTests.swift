import Disclose
import Foundation
import Testing

/// `disclose evaluate COUNTRY` with the real binary: JSON Lines in, one outcome (or one
/// error) per line out, in order; a bad line never stops the others.
@Suite struct EvaluateCommandTests {
    @Test func eachLineGetsItsOutcomeOrItsError() throws {
        let book = try #require(Checker.check(entry: Golden.packageRoot.appendingPathComponent("countries/KH.disclose").path).publicRuleBook)
        let day = Day(iso: "2024-05-14")!
        var answers = PreparedEvaluationTests.compliantAnswers(book, on: day)
        answers["OSH-EMR-02"] = "no"
        let answersJSON = String(decoding: try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys]), as: UTF8.self)
        let input = [
            #"{"id": "KH-A", "date": "2024-05-14", "answers": \#(answersJSON), "factory": {"sector": "garment"}}"#,
            "{not json",
            "",
            #"{"id": "KH-B", "date": "2024-05-14", "answers": {"CHL-LAB-1": "no"}}"#,
            #"{"id": "KH-C", "date": "14/05/2024", "answers": {}}"#,
            #"{"id": "KH-D", "date": "2024-05-14", "answers": {"OSH-EMR-02": "sometimes"}}"#,
        ].joined(separator: "\n") + "\n"
        let run = try CommandLineTests.run(["evaluate", "KH", "--as-of", "2025-06-30"], input: input)
        #expect(run.status == 1, "a line had an error: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 5, "\(run.stdout)")

        // The first: the same outcome the library gives, with the line's id.
        let expected = PreparedEvaluator(book: book, asOf: Day(iso: "2025-06-30")!).evaluate(answers: answers, on: day, factory: ["sector": "garment"])
        let outcome = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(lines[0].utf8))
        #expect(outcome == expected)
        #expect(outcome.raised.map(\.issue).contains("KH-15"))
        #expect(outcome.raised.first { $0.issue == "KH-15" }?.because == "non-compliant on OSH-EMR-02")
        #expect(lines[0].contains(#""id":"KH-A""#))

        // Then an error object for each bad line, in order, naming the line.
        #expect(lines[1] == #"{"error":"not valid JSON","line":2}"#)
        #expect(lines[2] == #"{"error":"unknown question `CHL-LAB-1`","id":"KH-B","line":4,"unknownQuestions":["CHL-LAB-1"]}"#)
        #expect(lines[3].contains(#""error":"\"date\" must be a day written YYYY-MM-DD""#) && lines[3].contains(#""line":5"#))
        // An unusable answer is no error of the line: the outcome says the assessment is incomplete.
        let incomplete = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(lines[4].utf8))
        #expect(incomplete.withheldAsIncomplete)
        #expect(incomplete.unusable.map { "\($0.question)=\($0.answer)" } == ["OSH-EMR-02=sometimes"])
    }

    @Test func cleanInputExitsZeroAndUnknownCountryIsAUsageError() throws {
        let run = try CommandLineTests.run(["evaluate", "KH", "--as-of", "2025-06-30"], input: #"{"date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"# + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{") && run.stdout.hasSuffix("}\n"))
        let unknown = try CommandLineTests.run(["evaluate", "XX"], input: "")
        #expect(unknown.status == 64)
    }
}
