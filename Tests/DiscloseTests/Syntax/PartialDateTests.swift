@testable import Disclose
import Testing

/// Decision dates known only to the month or the year: how they are read, what they mean, and
/// that they are accepted on a decision's `on` and nowhere else.
@Suite struct PartialDateTests {
    struct Reading: CustomTestStringConvertible, Sendable {
        var written: String
        var precision: PartialDate.Precision?
        var earliest = ""
        var latest = ""
        var testDescription: String { written }
    }

    static let readings: [Reading] = [
        Reading(written: "2014", precision: .year, earliest: "2014-01-01", latest: "2014-12-31"),
        Reading(written: "2014-10", precision: .month, earliest: "2014-10-01", latest: "2014-10-31"),
        Reading(written: "2024-02", precision: .month, earliest: "2024-02-01", latest: "2024-02-29"),
        Reading(written: "2023-02", precision: .month, earliest: "2023-02-01", latest: "2023-02-28"),
        Reading(written: "2014-10-07", precision: .day, earliest: "2014-10-07", latest: "2014-10-07"),
        Reading(written: "0001", precision: .year, earliest: "0001-01-01", latest: "0001-12-31"),
        Reading(written: "0000", precision: nil),
        Reading(written: "2014-13", precision: nil),
        Reading(written: "2014-00", precision: nil),
        Reading(written: "2023-02-29", precision: nil),
        Reading(written: "201", precision: nil),
        Reading(written: "2014/10", precision: nil),
        Reading(written: "20a4", precision: nil),
    ]

    @Test(arguments: readings)
    func readsAsWrittenAndSpansItsPeriod(_ reading: Reading) throws {
        let date = PartialDate(iso: reading.written)
        guard let precision = reading.precision else {
            #expect(date == nil)
            return
        }
        let parsed = try #require(date)
        #expect(parsed.precision == precision)
        #expect(parsed.earliestDay.description == reading.earliest)
        #expect(parsed.latestDay.description == reading.latest)
        #expect(parsed.description == reading.written, "shown as written, never as a day not given")
        #expect((parsed.day != nil) == (precision == .day))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        /// The decision's date as shown, or nil when the file must not parse.
        var shown: String?
        var codes: [DiagnosticCode] = []
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "decision X\n  status adopted\n  on 2014\n", shown: "2014"),
        Case(source: "decision X\n  status adopted\n  on 2014-10\n", shown: "2014-10"),
        Case(source: "decision X\n  status adopted\n  on 2014-10-07\n", shown: "2014-10-07"),
        Case(source: "decision X\n  status adopted\n  on 2014-13\n", codes: [.invalidLiteral]),
        Case(source: "decision X\n  status adopted\n  on 0000\n", codes: [.invalidLiteral]),
        Case(source: "decision X\n  status adopted\n  on 20145\n", codes: [.unexpectedToken]),
        Case(source: "decision X\n  status adopted\n  on 2014.5\n", codes: [.unexpectedToken]),
        // Everything but a decision's `on` says on which day something happens.
        Case(source: "example \"e\"\n  on 2014\n  given A yes\n  expect nothing\n", codes: [.impreciseDate]),
        Case(source: "example \"e\"\n  on 2014-10\n  given A yes\n  expect nothing\n", codes: [.impreciseDate]),
        Case(source: "issue X\n  from 2014\n", codes: [.impreciseDate]),
        Case(source: "issue X\n  until 2014-10\n", codes: [.impreciseDate]),
        Case(source: "parameter p\n  value 2014-10\n", codes: [.impreciseDate]),
        Case(source: "example \"e\"\n  on 2021-03-01\n  given A 2014-10\n  expect nothing\n", shown: "2021-03-01", codes: [.impreciseDate]),
        // A year where a number is meant stays a number.
        Case(source: "parameter p\n  value 2014\n", shown: nil),
    ]

    @Test(arguments: cases)
    func acceptedOnlyOnADecision(_ item: Case) {
        let syntax = Parser.parse(SourceFile(path: "t.disclose", text: item.source))
        #expect(syntax.diagnostics.map(\.code) == item.codes)
        let shown = syntax.declarations.first?.clauses.compactMap { clause -> String? in
            if case .on(let date) = clause.body { return date.date.description }
            return nil
        }.first
        #expect(shown == item.shown)
    }

    @Test func formatterKeepsThePrecisionAndIsIdempotent() throws {
        let input = "decision A\n  status adopted\n  on 2014\n\ndecision B\n  status adopted\n  on   2014-10\n"
        let formatted = try #require(RuleFormatter.format(Parser.parse(SourceFile(path: "t.disclose", text: input))))
        #expect(formatted == "decision A\n  status adopted\n  on 2014\n\ndecision B\n  status adopted\n  on 2014-10\n")
        #expect(RuleFormatter.format(Parser.parse(SourceFile(path: "t.disclose", text: formatted))) == formatted)
    }

    @Test func theMessageSaysWhatIsMissing() throws {
        let syntax = Parser.parse(SourceFile(path: "t.disclose", text: "issue X\n  from 2014\n"))
        let diagnostic = try #require(syntax.diagnostics.first)
        #expect(diagnostic.message == "`2014` is only a year: a full date is needed here")
        #expect(diagnostic.help?.contains("YYYY-MM-DD") == true)
    }
}
