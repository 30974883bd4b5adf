import Disclose
import Foundation
import Testing

/// Factory attributes through the library's own entry point (`RuleBook.evaluate`): tests of an
/// attribute, values by attribute, and a missing attribute as incomplete data, never compliant.
@Suite struct FactoryAttributeTests {
    static let rules = """
        attribute sector
          values "garment", "textile", "footwear"

        parameter annual-overtime-cap
          value 200 hours
          value 300 hours for sector "garment", "textile"

        cluster WTI
          title en "Working Time"

        point WTI-OVT in WTI
          title en "Overtime"

        question WTI-OVT-04 in WTI-OVT
          text en "What is the highest number of overtime hours any worker worked in the last twelve months?"
          answer number in hours
          non-compliant when above annual-overtime-cap

        question WTI-OVT-05 in WTI-OVT
          text en "Has the employer obtained the overtime permits that the law requires?"
          answer yes-no
          non-compliant when no

        issue ANNUAL-OVERTIME
          title en "Overtime above the annual cap"
          category wages
          raised when WTI-OVT-04 is non-compliant

        issue GARMENT-PERMITS
          title en "Overtime without a permit in a garment factory"
          category wages
          raised when factory sector is "garment" and WTI-OVT-05 is non-compliant
        """

    static func book(_ text: String = rules) throws -> RuleBook {
        let result = Checker.check(entry: "/p/rules/all.disclose", root: "/p", access: MemoryFileAccess(["/p/rules/all.disclose": text]), displayBase: "/p")
        return try #require(result.ruleBook, "\(DiagnosticRenderer().render(result.diagnostics))")
    }

    static let day = Day(iso: "2024-05-14")!

    /// The same answer on both sides of the cap, by sector; exactly the cap is not above it.
    @Test(arguments: [
        ("garment", "250", false), ("footwear", "250", true), ("textile", "300", false), ("textile", "301", true),
        ("footwear", "200", false), ("FOOTWEAR ", "201", true),
    ])
    func valueBySector(sector: String, hours: String, raised: Bool) throws {
        let outcome = try Self.book().evaluate(answers: ["WTI-OVT-04": hours, "WTI-OVT-05": "yes"], on: Self.day, factory: ["sector": sector])
        #expect(outcome.incomplete.isEmpty)
        #expect(outcome.raised.map(\.id) == (raised ? ["ANNUAL-OVERTIME"] : []))
    }

    /// Without a sector, or with one the rules do not declare, neither issue can be told: the
    /// outcome is incomplete (never a silent "not raised"), naming the attribute, not the answer.
    @Test(arguments: [[:], ["sector": "knitwear"], ["sector": "  "]] as [[String: String]])
    func missingOrUndeclaredSectorIsIncomplete(factory: [String: String]) throws {
        let outcome = try Self.book().evaluate(answers: ["WTI-OVT-04": "150", "WTI-OVT-05": "yes"], on: Self.day, factory: factory)
        #expect(outcome.incomplete.contains("factory sector"))
        #expect(!outcome.isComplete)
    }

    @Test func attributeTestRaisesOnlyForItsValue() throws {
        let book = try Self.book()
        let garment = book.evaluate(answers: ["WTI-OVT-04": "10", "WTI-OVT-05": "no"], on: Self.day, factory: ["sector": "garment"])
        let textile = book.evaluate(answers: ["WTI-OVT-04": "10", "WTI-OVT-05": "no"], on: Self.day, factory: ["sector": "textile"])
        #expect(garment.raised.map(\.id) == ["GARMENT-PERMITS"])
        #expect(textile.raised.map(\.id) == [])
        #expect(garment.isComplete && textile.isComplete)
    }

    /// A question without `non-compliant when` reads fine when a condition tests its answer.
    @Test func informationalQuestionReadByAnAnswerTest() throws {
        let text = Self.rules.replacingOccurrences(of: "  answer yes-no\n  non-compliant when no\n", with: "  answer yes-no\n")
            .replacingOccurrences(of: "WTI-OVT-05 is non-compliant", with: "WTI-OVT-05 is no")
        let outcome = try Self.book(text).evaluate(answers: ["WTI-OVT-04": "10", "WTI-OVT-05": "no"], on: Self.day, factory: ["sector": "garment"])
        #expect(outcome.raised.map(\.id) == ["GARMENT-PERMITS"])
    }

    /// The canonical layout of the new forms is stable: formatting twice changes nothing.
    @Test func formatsValuesByAttributeAndFactoryTests() throws {
        let text = """
            parameter annual-overtime-cap
              value 200 hours
              value  300 hours  for sector "garment" ,"textile"

            issue X
              title en "X"
              category wages
              raised when factory  export_licence is "yes" and not factory sector is  "garment"

            example "e"
              on 2024-01-01
              given factory sector "garment" , WTI-OVT-04 10 hours
              expect nothing

            scope S
              covers when factory export_licence is yes
            """
        let once = try #require(RuleFormatter.format(Parser.parse(SourceFile(path: "x.disclose", text: text))))
        #expect(once.contains("  value 300 hours for sector \"garment\", \"textile\"\n"))
        #expect(once.contains("  raised when factory export_licence is yes and not factory sector is \"garment\"\n"))
        #expect(once.contains("  given factory sector \"garment\", WTI-OVT-04 10 hours\n"))
        #expect(once.contains("  covers when factory export_licence is yes\n"))
        let twice = RuleFormatter.format(Parser.parse(SourceFile(path: "x.disclose", text: once)))
        #expect(twice == once)
    }
}
